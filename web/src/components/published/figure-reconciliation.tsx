/**
 * On the figure page: the latest published month of the figure reconciled with the computation, for
 * the organisations the reader sees in full. Nothing is shown while the figure has no publication.
 */
import { useFigureReconciliation } from '../../api/resources'
import { ErrorView } from '../state-views'
import { ReconciliationTable } from './reconciliation-table'

export function FigureReconciliation({ code, breakdown }: { code: string; breakdown: string }) {
  const answer = useFigureReconciliation(code, { breakdown })
  if (answer.status === 'loading') return null
  if (answer.status === 'error') return <ErrorView error={answer.error} onRetry={answer.reload} />
  const data = answer.data
  if (data.period === null || data.compared === 0) return null
  return (
    <div className="panel">
      <ReconciliationTable reconciliation={data} heading="h2" />
    </div>
  )
}
