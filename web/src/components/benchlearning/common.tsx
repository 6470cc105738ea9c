/**
 * Small pieces the benchlearning pages share: running a write with its busy and error state, the
 * meeting status badge, dates of a meeting, an inline error that says what the server said and
 * the submit end of a form.
 */
import { useCallback, useState, type ReactNode } from 'react'
import type { MeetingSummaryDto } from '../../../../src/contracts/meetings'
import type { NameWarningDto } from '../../../../src/contracts/name-warnings'
import { describeError } from '../../api/describe-error'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { formatDate, formatNumber, type Locale } from '../../i18n/translate'
import './benchlearning.css'

export interface ActionState {
  isBusy: boolean
  error: unknown
  /** Runs `task`; resolves true when it succeeded. */
  run: (task: () => Promise<unknown>) => Promise<boolean>
  reset: () => void
}

export function useAction(): ActionState {
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(async (task: () => Promise<unknown>) => {
    setIsBusy(true)
    setError(null)
    try {
      await task()
      return true
    } catch (caught) {
      setError(caught)
      return false
    } finally {
      setIsBusy(false)
    }
  }, [])
  const reset = useCallback(() => setError(null), [])
  return { isBusy, error, run, reset }
}

/** The server's refusal next to the control that caused it (without what a form shows by its fields). */
export function ActionError({ error, shownByField }: { error: unknown; shownByField?: readonly string[] }) {
  const { t } = useI18n()
  if (!error) return null
  const readable = describeError(t, error, shownByField)
  return (
    <div className="inline-error-box" role="alert">
      <strong>{readable.title}:</strong> {readable.message}
      {readable.lines.length > 0 && (
        <ul>
          {readable.lines.slice(0, 5).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * The end of a form that writes through `action`: the server's refusal, an optional notice, then
 * the submit button, further buttons and, once the write is done, a short note.
 */
export function FormSubmit({
  action,
  label,
  buttonClass = 'button primary',
  shownByField,
  notice,
  doneNote,
  children,
}: {
  action: ActionState
  label: ReactNode
  buttonClass?: string
  shownByField?: readonly string[]
  notice?: ReactNode
  doneNote?: string | false
  children?: ReactNode
}) {
  return (
    <>
      <ActionError error={action.error} shownByField={shownByField} />
      {notice}
      <div className="button-row">
        <button type="submit" className={buttonClass} disabled={action.isBusy}>
          {label}
        </button>
        {children}
        {doneNote && (
          <span role="status" className="muted">
            {doneNote}
          </span>
        )}
      </div>
    </>
  )
}

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
