import type { Answer } from '../api/client'
import { useMemo, useState } from 'react'
import type { IndicatorDto } from '../../../src/contracts/indicators'
import type { observationListSchema } from '../../../src/contracts/observations'
import type { OrganisationDto } from '../../../src/contracts/organisations'
import { addMonths } from '../../../src/core/periods/period'
import { apiRequest } from '../api/client'
import { useIndicators, useObservations, useOrganisations, useSession } from '../api/resources'
import { useCachedTask } from '../api/use-query'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import { ChartPanel } from '../components/chart-panel'
import { DataTable } from '../components/data-table'
import { Page } from '../components/page'
import { ProfileFigures, ProfileNeighbours } from '../components/profile-figures'
import { ValueHistoryDialog, type HistoryTarget } from '../components/revisions/value-history'
import { Empty, ErrorView, Loading, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { useI18n } from '../i18n/i18n'
import { formatChange, formatNumber, formatPeriod, formatPeriodShort, pick } from '../i18n/translate'
import { buildTimeSeriesOption, seriesColour } from '../lib/chart-options'
import { breakdownLabel, landName, unitLabel } from '../lib/labels'
import { currentMonth, latestWithChange, pivotObservations } from '../lib/series'

/** The profile (Steckbrief) of one organisation: facts, context indicators and its monthly series. */
export default function OrganisationPage({ params }: PageProps) {
  const { t } = useI18n()
  const organisations = useOrganisations()
  const id = Number(params.id)
  if (organisations.status !== 'success') {
    return (
      <Page title={t('organisation.title')}>
        <QueryView query={organisations}>{() => null}</QueryView>
      </Page>
    )
  }
  const organisation = organisations.data.organisations.find((o) => o.id === id)
  if (!organisation) {
    return (
      <Page title={t('organisation.title')}>
        <Empty>{t('organisation.notFound')}</Empty>
        <p>
          <Link href="/organisations">{t('organisation.backToList')}</Link>
        </p>
      </Page>
    )
  }
  return <Profile organisation={organisation} />
}

function Profile({ organisation }: { organisation: OrganisationDto }) {
  const { t } = useI18n()
  const session = useSession()
  const isOwn =
    session.data?.kind === 'signed-in' && session.data.session.user.organisationId === organisation.id
  return (
    <Page
      title={organisation.name}
      intro={isOwn ? t('organisation.ownIntro') : t('organisation.intro')}
      actions={
        organisation.ring && (
          <Link
            className="button secondary"
            href={`/compare?ring=${organisation.ring.id}&org=${organisation.id}`}
          >
            {t('organisation.compareInRing')}
          </Link>
        )
      }
    >
      <Facts organisation={organisation} />
      <ContextIndicators organisationId={organisation.id} />
      {organisation.abilities.canViewFigures !== false && <ProfileFigures organisationId={organisation.id} />}
      {organisation.abilities.canViewNeighbours === true && (
        <ProfileNeighbours organisationId={organisation.id} />
      )}
      <RawSeries organisation={organisation} />
    </Page>
  )
}

function Facts({ organisation }: { organisation: OrganisationDto }) {
  const { t } = useI18n()
  return (
    <section className="panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('organisation.facts')}</h2>
      <dl className="facts wide">
        <div>
          <dt>{t('organisation.land')}</dt>
          <dd>{landName(organisation.landCode)}</dd>
        </div>
        <div>
          <dt>{t('organisation.ags')}</dt>
          <dd>{organisation.areas.map((a) => a.ags5).join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>NUTS-3</dt>
          <dd>{organisation.nuts3 ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('organisation.carrier')}</dt>
          <dd>{organisation.carrierType ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('organisation.ring')}</dt>
          <dd>
            {organisation.ring ? (
              <Link href={`/rings#ring-${organisation.ring.id}`}>{organisation.ring.name}</Link>
            ) : (
              t('organisation.noRing')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('organisation.sites')}</dt>
          <dd>
            {organisation.sites.length === 0
              ? '–'
              : organisation.sites
                  .map((s) => (s.isMain ? `${s.name} (${t('organisation.mainSite')})` : s.name))
                  .join(', ')}
          </dd>
        </div>
        {organisation.partners.length > 0 && (
          <div>
            <dt>{t('organisation.partners')}</dt>
            <dd>{organisation.partners.map((p) => `${p.name} (${p.role})`).join(', ')}</dd>
          </div>
        )}
      </dl>
    </section>
  )
}

function ContextIndicators({ organisationId }: { organisationId: number }) {
  const { t, locale } = useI18n()
  const indicators = useIndicators()
  const context = indicators.data?.indicators.filter((i) => i.kind === 'context') ?? []
  const codes = context.map((i) => i.code)
  const values = useCachedTask(
    indicators.status === 'success' ? `context:${organisationId}:${codes.join(',')}` : null,
    () =>
      Promise.all(
        codes.map((code) =>
          apiRequest<Answer<typeof observationListSchema>>('/api/v1/observations', {
            query: { org: String(organisationId), indicator: code, breakdown: 'total' },
          }),
        ),
      ),
  )
  return (
    <section className="panel" aria-labelledby="context-heading">
      <h2 id="context-heading">{t('organisation.context')}</h2>
      <p className="muted">{t('organisation.contextIntro')}</p>
      {indicators.status === 'error' ? (
        <ErrorView error={indicators.error} onRetry={indicators.reload} />
      ) : (
        <QueryView query={values}>
          {(lists) => {
            const rows: TableRow[] = lists.flatMap((list, index) => {
              const indicator = context[index]!
              const latest = latestWithChange(list.observations)
              return [
                {
                  indicator: pick(locale, { de: indicator.nameDe, en: indicator.nameEn }),
                  period: latest?.period ?? null,
                  value: latest?.value ?? null,
                  unit: unitLabel(locale, indicator.unit),
                  change: latest?.changePercent ?? null,
                },
              ]
            })
            if (rows.every((row) => row.value === null)) return <Empty>{t('organisation.noContext')}</Empty>
            return (
              <DataTable
                caption={t('organisation.context')}
                isCaptionHidden
                isSortable={false}
                columns={[
                  { key: 'indicator', header: t('organisation.indicator') },
                  { key: 'period', header: t('organisation.year') },
                  { key: 'value', header: t('organisation.value'), type: 'number' },
                  { key: 'unit', header: t('organisation.unit') },
                  {
                    key: 'change',
                    header: t('organisation.changeToPreviousYear'),
                    type: 'number',
                    digits: 1,
                  },
                ]}
                rows={rows}
                renderCell={(row, column) =>
                  column.key === 'change' && typeof row.change === 'number'
                    ? formatChange(locale, row.change)
                    : undefined
                }
              />
            )
          }}
        </QueryView>
      )}
    </section>
  )
}

const SERIES_MONTHS = 60

function RawSeries({ organisation }: { organisation: OrganisationDto }) {
  const { t, locale } = useI18n()
  const indicators = useIndicators()
  const raw: IndicatorDto[] = indicators.data?.indicators.filter((i) => i.kind === 'raw') ?? []
  const [code, setCode] = useState('elb')
  const [history, setHistory] = useState<HistoryTarget | null>(null)
  const indicator = raw.find((i) => i.code === code) ?? raw[0]
  const from = addMonths(currentMonth(), -SERIES_MONTHS)
  const observations = useObservations(
    indicator ? { org: organisation.id, indicator: indicator.code, from } : null,
  )

  const view = useMemo(() => {
    if (observations.status !== 'success' || !indicator) return null
    const pivot = pivotObservations(observations.data.observations)
    const name = pick(locale, { de: indicator.nameDe, en: indicator.nameEn })
    const format = (value: number) => formatNumber(locale, value, 0)
    const option = buildTimeSeriesOption(
      pivot.periods,
      pivot.breakdowns.map((b) => ({
        name: breakdownLabel(locale, b),
        values: pivot.periods.map((p) => pivot.values.get(b)?.get(p)?.value ?? null),
      })),
      { formatValue: format, formatPeriod: formatPeriodShort },
    )
    const rows: TableRow[] = [...pivot.periods].reverse().map((period) => {
      const row: TableRow = { period }
      let isRevised = false
      for (const b of pivot.breakdowns) {
        const o = pivot.values.get(b)?.get(period)
        row[b] = o?.value ?? null
        if (o && o.revisions > 1) isRevised = true
      }
      row.revised = isRevised ? t('common.revised') : null
      return row
    })
    return {
      name,
      option,
      pivot,
      table: {
        columns: [
          { key: 'period', header: t('common.period') },
          ...pivot.breakdowns.map((b) => ({
            key: b,
            header: breakdownLabel(locale, b),
            type: 'number' as const,
            digits: 0,
          })),
          { key: 'revised', header: t('common.revisionMark') },
        ],
        rows,
      },
    }
  }, [observations, indicator, locale, t])

  const toolbar = (
    <div className="toolbar">
      <div className="field inline">
        <label htmlFor="series-indicator">{t('organisation.seriesIndicator')}</label>
        <select
          id="series-indicator"
          value={indicator?.code ?? ''}
          onChange={(event) => setCode(event.target.value)}
        >
          {raw.map((i) => (
            <option key={i.code} value={i.code}>
              {pick(locale, { de: i.nameDe, en: i.nameEn })}
            </option>
          ))}
        </select>
      </div>
    </div>
  )

  if (indicators.status === 'error') return <ErrorView error={indicators.error} onRetry={indicators.reload} />
  if (observations.status === 'error')
    return <ErrorView error={observations.error} onRetry={observations.reload} />
  if (!view) return <Loading />
  if (view.pivot.periods.length === 0) {
    return (
      <section className="panel">
        <h2>{t('organisation.series')}</h2>
        {toolbar}
        <Empty>{t('organisation.noSeries')}</Empty>
      </section>
    )
  }
  const first = view.pivot.periods[0]!
  const last = view.pivot.periods.at(-1)!
  return (
    <>
      <ValueHistoryDialog target={history} onClose={() => setHistory(null)} />
      <ChartPanel
        title={`${view.name} – ${organisation.shortName}`}
        summary={t('organisation.seriesSummary', {
          name: view.name,
          from: formatPeriod(locale, first),
          to: formatPeriod(locale, last),
        })}
        option={view.option}
        table={view.table}
        fileName={`${indicator!.code}-${organisation.shortName}`}
        toolbar={toolbar}
        legend={
          <p className="chart-legend">
            {view.pivot.breakdowns.map((b, index) => (
              <span key={b} className="legend-item">
                <span
                  className="swatch"
                  style={{ background: seriesColour(index, false, false) }}
                  aria-hidden="true"
                />
                {breakdownLabel(locale, b)}
              </span>
            ))}
          </p>
        }
        tableProps={{
          renderCell: (row, column) => {
            const period = String(row.period)
            if (column.key === 'period') return formatPeriod(locale, period)
            if (column.key !== 'revised' || row.revised === null) return undefined
            // A button per corrected breakdown opens that value's history.
            const revised = view.pivot.breakdowns.filter(
              (b) => (view.pivot.values.get(b)?.get(period)?.revisions ?? 1) > 1,
            )
            return (
              <span className="button-list">
                {revised.map((b) => {
                  const what = `${view.name}, ${formatPeriod(locale, period)}, ${breakdownLabel(locale, b)} – ${organisation.shortName}`
                  return (
                    <button
                      key={b}
                      type="button"
                      className="button secondary small"
                      aria-label={t('revisions.showHistoryOf', { what })}
                      onClick={() =>
                        setHistory({
                          org: organisation.id,
                          indicator: indicator!.code,
                          period,
                          breakdown: b,
                          label: what,
                        })
                      }
                    >
                      {revised.length > 1
                        ? t('revisions.revisedValue', { breakdown: breakdownLabel(locale, b) })
                        : t('revisions.history')}
                    </button>
                  )
                })}
              </span>
            )
          },
        }}
      />
    </>
  )
}
