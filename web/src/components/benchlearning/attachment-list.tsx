/** A practice's attachments as download links with their size, each with an optional action beside it. */
import type { ReactNode } from 'react'
import type { PracticeDto } from '../../../../src/contracts/practices'
import { useI18n } from '../../i18n/i18n'
import { formatSize } from './common'

type Attachment = PracticeDto['attachments'][number]

export function AttachmentList({
  attachments,
  action,
}: {
  attachments: readonly Attachment[]
  action?: (attachment: Attachment) => ReactNode
}) {
  const { t, locale } = useI18n()
  if (attachments.length === 0) return <p className="muted">{t('practice.noAttachments')}</p>
  return (
    <ul className="plain-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={a.url} download={a.fileName}>
            {a.fileName}
          </a>{' '}
          <span className="muted">({formatSize(locale, a.sizeBytes)})</span>
          {action && <> {action(a)}</>}
        </li>
      ))}
    </ul>
  )
}
