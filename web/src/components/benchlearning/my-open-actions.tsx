/**
 * "Your open actions" for the start page: action items owned by the person or their organisation
 * that are open or in progress, with due date, the meeting they came from and the status control.
 * Shows nothing for people who own no actions.
 */
import { useMyActions } from '../../api/benchlearning'
import { Link } from '../../app/router'
import { useI18n } from '../../i18n/i18n'
import { ErrorView } from '../state-views'
import { ActionTable } from './meeting-minutes'

export function MyOpenActions() {
  const { t } = useI18n()
  const actions = useMyActions()
  if (actions.status === 'loading') return null
  if (actions.status === 'error') return <ErrorView error={actions.error} onRetry={actions.reload} />
  if (actions.data.actions.length === 0) return null
  const meetings = [...new Map(actions.data.actions.map((a) => [a.meetingId, a])).values()]
  return (
    <section className="panel" aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading">{t('actions.mine', { count: actions.data.actions.length })}</h2>
      <ActionTable actions={actions.data.actions} caption={t('actions.mineCaption')} />
      <p className="item-meta">
        {t('actions.from')}{' '}
        {meetings.map((a, index) => (
          <span key={a.meetingId}>
            {index > 0 && ', '}
            <Link href={`/meetings/${a.meetingId}`}>{a.meetingTitle}</Link>
          </span>
        ))}
      </p>
    </section>
  )
}
