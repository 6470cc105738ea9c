import { addMonths } from '../../../src/core/periods/period'
import {
  useImportBatches,
  useObservationSeries,
  useOrganisations,
  useRings,
  useSession,
  useIndicators,
} from '../api/resources'
import { can } from '../app/access'
import { lastVisitOf } from '../../../src/core/first-load/first-load-calls'
import { Link } from '../app/router'
import { MyOpenActions } from '../components/benchlearning/my-open-actions'
import { DataTable } from '../components/data-table'
import { StartFigures } from '../components/official-figures'
import { Page } from '../components/page'
import { Empty, ErrorView, Loading, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { useI18n } from '../i18n/i18n'
import { formatChange, formatDateTime, formatNumber, formatPeriod, pick } from '../i18n/translate'
import { unitLabel } from '../lib/labels'
import { currentMonth, latestWithChange } from '../lib/series'

/** The monthly series a member sees first on the start page. */
const HEADLINE_SERIES = ['elb', 'lzb', 'integrations', 'ae_elb'] as const

export default function StartPage() {
  const { t } = useI18n()
  const session = useSession()
  const state = session.data
  const user = state?.kind === 'signed-in' ? state.session.user : null
  return (
    <Page
      title={user ? t('start.welcome', { name: user.name }) : t('start.title')}
      intro={
        user?.organisationName ? t('start.introMember', { org: user.organisationName }) : t('start.intro')
      }
    >
      {user?.organisationId != null && state?.kind === 'signed-in' && (
        <StartFigures organisationId={user.organisationId} lastVisit={lastVisitOf(state.session)} />
      )}
      {state?.kind === 'signed-in' && <MyOpenActions />}
      {user?.organisationId != null && <OwnOrganisation organisationId={user.organisationId} />}
      {state?.kind === 'signed-in' ? (
        can(state, 'viewImports') && <NewSinceLastVisit since={state.session.previousVisitAt} />
      ) : (
        <RecentImports />
      )}
      {user?.organisationId == null && <NetworkOverview />}
    </Page>
  )
}

function OwnOrganisation({ organisationId }: { organisationId: number }) {
  const { t, locale } = useI18n()
  const indicators = useIndicators()
  const organisations = useOrganisations()
  const organisation = organisations.data?.organisations.find((o) => o.id === organisationId)
  const from = addMonths(currentMonth(), -25)
  const series = useObservationSeries({
    org: organisationId,
    indicators: HEADLINE_SERIES,
    from,
    breakdown: 'total',
  })
  return (
    <section className="panel" aria-labelledby="own-heading">
      <div className="panel-header">
        <h2 id="own-heading">{organisation?.name ?? t('start.ownOrganisation')}</h2>
        <div className="panel-actions">
          <Link className="button secondary small" href={`/organisations/${organisationId}`}>
            {t('start.profile')}
          </Link>
          {organisation?.ring && (
            <Link className="button secondary small" href={`/compare?ring=${organisation.ring.id}`}>
              {t('start.compareRing', { ring: organisation.ring.name })}
            </Link>
          )}
        </div>
      </div>
      <QueryView query={series}>
        {({ series: lists }) => {
          const rows: TableRow[] = lists.map((list) => {
            const code = list.indicator.code
            const indicator = indicators.data?.indicators.find((i) => i.code === code)
            const latest = latestWithChange(list.observations)
            return {
              indicator: indicator ? pick(locale, { de: indicator.nameDe, en: indicator.nameEn }) : code,
              period: latest?.period ?? null,
              value: latest?.value ?? null,
              unit: indicator ? unitLabel(locale, indicator.unit) : list.indicator.unit,
              change: latest?.changePercent ?? null,
              revised: latest?.isRevised ? t('common.revised') : null,
            }
          })
          if (rows.every((row) => row.value === null)) return <Empty>{t('start.noValues')}</Empty>
          return (
            <DataTable
              caption={t('start.latestValues')}
              isSortable={false}
              columns={[
                { key: 'indicator', header: t('organisation.indicator') },
                { key: 'period', header: t('common.period') },
                { key: 'value', header: t('organisation.value'), type: 'number', digits: 0 },
                { key: 'unit', header: t('organisation.unit') },
                { key: 'change', header: t('start.changeToPreviousYear'), type: 'number', digits: 1 },
                { key: 'revised', header: t('common.revisionMark') },
              ]}
              rows={rows}
              renderCell={(row, column) => {
                if (column.key === 'period' && row.period) return formatPeriod(locale, String(row.period))
                if (column.key === 'change' && typeof row.change === 'number')
                  return formatChange(locale, row.change)
                return undefined
              }}
            />
          )
        }}
      </QueryView>
    </section>
  )
}

function NewSinceLastVisit({ since }: { since: string | null }) {
  const { t, locale } = useI18n()
  const batches = useImportBatches()
  return (
    <section className="panel" aria-labelledby="new-heading">
      <h2 id="new-heading">{t('start.newSince')}</h2>
      {since === null ? (
        <p>{t('start.firstVisit')}</p>
      ) : (
        <p className="muted">{t('start.lastVisit', { date: formatDateTime(locale, since) })}</p>
      )}
      <QueryView query={batches}>
        {(data) => {
          // On a first visit everything is new: show the latest imports instead of "nothing new".
          const fresh = since === null ? data.batches : data.batches.filter((b) => b.createdAt > since)
          if (fresh.length === 0)
            return <Empty>{since === null ? t('data.historyEmpty') : t('start.nothingNew')}</Empty>
          return <BatchList batches={fresh.slice(0, 5)} />
        }}
      </QueryView>
    </section>
  )
}

function RecentImports() {
  const { t } = useI18n()
  const batches = useImportBatches()
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('start.recentImports')}</h2>
      <QueryView query={batches}>
        {(data) =>
          data.batches.length === 0 ? (
            <Empty>{t('data.historyEmpty')}</Empty>
          ) : (
            <BatchList batches={data.batches.slice(0, 5)} />
          )
        }
      </QueryView>
    </section>
  )
}

function BatchList({
  batches,
}: {
  batches: { id: number; fileName: string; createdAt: string; rowsImported: number; source: string | null }[]
}) {
  const { t, locale } = useI18n()
  return (
    <ul className="plain-list">
      {batches.map((b) => (
        <li key={b.id}>
          <strong>{b.fileName}</strong> – {formatDateTime(locale, b.createdAt)} ·{' '}
          {t('start.valuesImported', { count: formatNumber(locale, b.rowsImported, 0) })}
          {b.source ? ` · ${b.source}` : ''}
        </li>
      ))}
    </ul>
  )
}

function NetworkOverview() {
  const { t } = useI18n()
  const organisations = useOrganisations()
  const rings = useRings()
  const indicators = useIndicators()
  if (organisations.status === 'error')
    return <ErrorView error={organisations.error} onRetry={organisations.reload} />
  if (organisations.status === 'loading' || rings.status === 'loading' || indicators.status === 'loading')
    return <Loading />
  return (
    <section className="panel" aria-labelledby="network-heading">
      <h2 id="network-heading">{t('start.network')}</h2>
      <ul className="tile-grid">
        <li>
          <Link className="tile" href="/organisations">
            <span className="tile-number">{organisations.data.organisations.length}</span>
            <span className="tile-label">{t('start.tileOrganisations')}</span>
          </Link>
        </li>
        {rings.status === 'success' && (
          <li>
            <Link className="tile" href="/rings">
              <span className="tile-number">{rings.data.rings.length}</span>
              <span className="tile-label">{t('start.tileRings')}</span>
            </Link>
          </li>
        )}
        {indicators.status === 'success' && (
          <li>
            <Link className="tile" href="/catalogue">
              <span className="tile-number">{indicators.data.indicators.length}</span>
              <span className="tile-label">{t('start.tileIndicators')}</span>
            </Link>
          </li>
        )}
        <li>
          <Link className="tile" href="/compare">
            <span className="tile-number" aria-hidden="true">
              ▥
            </span>
            <span className="tile-label">{t('start.tileCompare')}</span>
          </Link>
        </li>
      </ul>
    </section>
  )
}
