/**
 * On the figure page: the latest published month of the figure reconciled with the computation, for
 * the organisations the reader sees in full. Nothing is shown while the figure has no publication.
 */
import { useFigureReconciliation } from '../../api/resources'
import { useI18n } from '../../i18n/i18n'
import { ErrorView } from '../state-views'
import { ReconciliationTable } from './reconciliation-table'

export function FigureReconciliation({ code, breakdown }: { code: string; breakdown: string }) {
  const { t } = useI18n()
  const answer = useFigureReconciliation(code, { breakdown })
  if (answer.status === 'loading') return null
  if (answer.status === 'error') return <ErrorView error={answer.error} onRetry={answer.reload} />
  const data = answer.data
  if (data.period === null || data.compared === 0) return null
  return (
    <section className="panel" aria-label={t('published.reconciliation')}>
      <ReconciliationTable reconciliation={data} heading="h2" />
    </section>
  )
}
