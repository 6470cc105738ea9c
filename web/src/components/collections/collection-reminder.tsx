import type { CollectionDto } from '../../../../src/contracts/collections'
import { useI18n } from '../../i18n/i18n'
import { formatDate } from '../../i18n/translate'

/** The moderation's reminder to the caller's organisation, while it has not submitted. */
export function CollectionReminder({ collection }: { collection: CollectionDto }) {
  const { t, locale } = useI18n()
  const own = collection.own
  if (!own?.remindedAt || own.status === 'submitted' || collection.status !== 'open') return null
  return (
    <p className="collection-reminder" role="status">
      {t('collections.reminder', {
        date: formatDate(locale, own.remindedAt.slice(0, 10)),
        deadline: formatDate(locale, collection.deadline),
      })}
    </p>
  )
}
