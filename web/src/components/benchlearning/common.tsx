/**
 * Small pieces the benchlearning pages share: the meeting status badge, dates of a meeting and the
 * warnings about named organisations. Running a write with its busy and error state, the inline
 * error and the submit end of a form live in `../form-field` (re-exported here).
 */
import type { MeetingSummaryDto } from '../../../../src/contracts/meetings'
import type { NameWarningDto } from '../../../../src/contracts/name-warnings'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { formatDate, formatNumber, type Locale } from '../../i18n/translate'
import './benchlearning.css'

export { ActionError, FormSubmit, useAction, type ActionState } from '../form-field'

/**
 * After a text was saved that names an organisation while peers see organisations only under
 * pseudonyms: which organisations and fields, so the author can change the text.
 */
export function NameWarnings({ warnings }: { warnings: readonly NameWarningDto[] }) {
  const { t } = useI18n()
  if (warnings.length === 0) return null
  return (
    <div className="panel warning" role="alert">
      <p>
        {t('practiceEdit.namesWarning', {
          names: [...new Set(warnings.flatMap((w) => w.organisations.map((o) => o.name)))].join(', '),
          fields: warnings.map((w) => w.field).join(', '),
        })}
      </p>
    </div>
  )
}

export type MeetingStatus = MeetingSummaryDto['status']

export const MEETING_STATUS_KEYS: Record<MeetingStatus, MessageKey> = {
  planned: 'meetings.status.planned',
  invited: 'meetings.status.invited',
  held: 'meetings.status.held',
  minutes_approved: 'meetings.status.minutes_approved',
  cancelled: 'meetings.status.cancelled',
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useI18n()
  return <span className={`status-badge status-${status}`}>{t(MEETING_STATUS_KEYS[status])}</span>
}

/** "11. Nov. 2026, 10:00–13:00" or "11.–12. Nov. 2026" as the meeting is set. */
export function formatMeetingWhen(
  locale: Locale,
  meeting: Pick<MeetingSummaryDto, 'startsOn' | 'endsOn' | 'startTime' | 'endTime'>,
): string {
  const days =
    meeting.startsOn === meeting.endsOn
      ? formatDate(locale, meeting.startsOn)
      : `${formatDate(locale, meeting.startsOn)} – ${formatDate(locale, meeting.endsOn)}`
  const times = meeting.startTime && meeting.endTime ? `, ${meeting.startTime}–${meeting.endTime}` : ''
  return days + times
}

/** Today as an ISO day in the browser's time zone. */
export function todayIso(): string {
  const now = new Date()
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${month}-${day}`
}

/** "512 B", "14 kB", "2,3 MB". */
export function formatSize(locale: Locale, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(locale, bytes, 0)} B`
  if (bytes < 1024 * 1024) return `${formatNumber(locale, bytes / 1024, 0)} kB`
  return `${formatNumber(locale, bytes / 1024 / 1024, 1)} MB`
}
