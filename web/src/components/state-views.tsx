/** The loading, empty and error states every view uses, so they look and sound the same everywhere. */
import type { ReactNode } from 'react'
import { describeError } from '../api/describe-error'
import type { QueryResult } from '../api/use-query'
import { useI18n } from '../i18n/i18n'
import { useServerTexts } from '../i18n/server-texts'

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n()
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  )
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      {children}
    </div>
  )
}

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  useServerTexts()
  const { t } = useI18n()
  const readable = describeError(t, error)
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{readable.title}</p>
      <p>{readable.message}</p>
      {readable.lines.length > 0 && (
        <ul>
          {readable.lines.slice(0, 20).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  )
}

/** Renders loading / error states of one query and the children once the data is there. */
export function QueryView<T>({
  query,
  children,
  loadingLabel,
}: {
  query: QueryResult<T>
  children: (data: T) => ReactNode
  loadingLabel?: string
}) {
  if (query.status === 'loading') return <Loading label={loadingLabel} />
  if (query.status === 'error') return <ErrorView error={query.error} onRetry={query.reload} />
  return <>{children(query.data)}</>
}
