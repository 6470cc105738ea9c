/**
 * The confirmation after a save that moved to another page: the page that saved adds
 * `?saved=<what>` to the address it goes to, and the page shown there says what happened.
 */
import { readSearchParams, useLocation } from '../../app/router'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'

export function SavedNotice({ messages }: { messages: Readonly<Record<string, MessageKey>> }) {
  const { t } = useI18n()
  const saved = readSearchParams(useLocation()).get('saved')
  const key = saved === null ? undefined : messages[saved]
  if (!key) return null
  return (
    <p role="status" className="ok-text">
      {t(key)}
    </p>
  )
}
