/**
 * Parts of the organisation profile (Steckbrief) that come from the key-figure engine and the peer
 * models: the official figures in the ring, and the nearest neighbours by context with the reason.
 */
import { ApiError } from '../api/client'
import { useNeighbours } from '../api/figures'
import { useSession } from '../api/resources'
import { lastVisitOf } from '../../../src/core/first-load/first-load-calls'
import { Link } from '../app/router'
import { useI18n } from '../i18n/i18n'
import { formatNumber, pick } from '../i18n/translate'
import { OfficialFiguresPanel } from './official-figures'
import { ErrorView, Loading } from './state-views'

export function ProfileFigures({ organisationId }: { organisationId: number }) {
  const { t } = useI18n()
  const session = useSession()
  const lastVisit = lastVisitOf(session.data?.kind === 'signed-in' ? session.data.session : null)
  return (
    <OfficialFiguresPanel
      headingId="profile-figures-heading"
      title={t('fig.profile.figures')}
      figuresHref={`/figures/K2?org=${organisationId}`}
      organisationId={organisationId}
      lastVisit={lastVisit}
    />
  )
}

/** The numeric columns of a neighbour's contributions table. */
const NUMERIC_HEADERS = ['fig.neighbours.own', 'fig.neighbours.theirs', 'fig.neighbours.share'] as const

export function ProfileNeighbours({ organisationId }: { organisationId: number }) {
  const { t, locale } = useI18n()
  const neighbours = useNeighbours(organisationId)
  let content
  if (neighbours.status === 'loading') content = <Loading />
  else if (neighbours.status === 'error')
    content =
      neighbours.error instanceof ApiError && neighbours.error.status === 404 ? (
        <p className="muted">{t('fig.neighbours.unavailable')}</p>
      ) : (
        <ErrorView error={neighbours.error} onRetry={neighbours.reload} />
      )
  else {
    const data = neighbours.data
    content = (
      <>
        <p className="muted">
          {t('fig.neighbours.basis', {
            indicators: data.basis.indicators
              .map((i) => pick(locale, { de: i.nameDe, en: i.nameEn }))
              .join(', '),
            year: data.basis.referenceYear ?? '–',
          })}
        </p>
        <ol className="neighbour-list">
          {data.neighbours.map((n) => (
            <li key={n.rank}>
              <p className="neighbour-name">
                {n.organisationId !== null && !n.isHidden ? (
                  <Link href={`/organisations/${n.organisationId}`}>{n.name}</Link>
                ) : (
                  <span>{n.name}</span>
                )}{' '}
                <span className="muted">
                  {t('fig.neighbours.distance', {
                    distance: formatNumber(locale, n.rebasedDistance * 100, 0),
                  })}
                </span>
              </p>
              <p>{pick(locale, { de: n.explanationDe, en: n.explanationEn })}</p>
              <details className="explainer">
                <summary>{t('fig.neighbours.contributions')}</summary>
                <table className="data-table compact">
                  <caption className="visually-hidden">
                    {t('fig.neighbours.contributionsCaption', { name: n.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fig.neighbours.indicator')}</th>
                      {NUMERIC_HEADERS.map((key) => (
                        <th key={key} scope="col" className="numeric">
                          {t(key)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {n.contributions.map((c) => (
                      <tr key={c.code}>
                        <th scope="row">{c.name}</th>
                        <td className="numeric">
                          {c.value === null ? '–' : formatNumber(locale, c.value, 2)}
                        </td>
                        <td className="numeric">
                          {c.neighbourValue === null ? '–' : formatNumber(locale, c.neighbourValue, 2)}
                        </td>
                        <td className="numeric">{formatNumber(locale, c.sharePercent, 0)} %</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </li>
          ))}
        </ol>
      </>
    )
  }
  return (
    <section className="panel" aria-labelledby="neighbours-heading">
      <div className="panel-header">
        <h2 id="neighbours-heading">{t('fig.neighbours.title')}</h2>
        <div className="panel-actions">
          <Link
            className="button secondary small"
            href={`/figures/K2?org=${organisationId}&group=neighbours`}
          >
            {t('fig.neighbours.compare')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('fig.neighbours.intro')}</p>
      {content}
    </section>
  )
}
