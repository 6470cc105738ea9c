import { Suspense, lazy, useMemo } from 'react'
import type { FigureDto, GroupStatisticsDto } from '../../../src/contracts/kpi'
import type { OrganisationDto } from '../../../src/contracts/organisations'
import { ApiError } from '../api/client'
import {
  useExcellence,
  useFigureCatalogue,
  useFigureSummary,
  useFigureValuesOf,
  useGroupStatistics,
  type FigureQuery,
} from '../api/figures'
import { useOrganisations, useSession } from '../api/resources'
import { Link, navigate, readSearchParams, withSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import { ChartPanel } from '../components/chart-panel'
import { ContextVerdict, PolarityTag, useMissingText } from '../components/figure-parts'
import { Page } from '../components/page'
import { Empty, ErrorView, Loading, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { formatDateTime, formatNumber, formatPeriod, formatPeriodShort, pick } from '../i18n/translate'
import { buildTimeSeriesOption } from '../lib/chart-options'
import {
  FIGURE_COLOURS,
  GROUP_KINDS,
  buildFigureBarOption,
  figureDigits,
  isGroupKind,
  judgeAgainstMedian,
  markRevisions,
  monthsBack,
  pickTimeSeriesMembers,
  signed,
  type GroupKind,
} from '../lib/figures'
import { breakdownLabel } from '../lib/labels'

/** Results of the network's data collections that belong with the figure (issue 13). */
const FigureCollectionResults = lazy(() => import('../components/collections/figure-collection-results'))

const DEFAULT_FIGURE = 'K2'
/** Lines in the time series at most (own organisation first, then by rank). */
const MAX_LINES = 12

const GROUP_LABELS: Record<GroupKind, MessageKey> = {
  ring: 'fig.group.ring',
  all: 'fig.group.all',
  type: 'fig.group.type',
  neighbours: 'fig.group.neighbours',
}

/**
 * One key figure across a group: the switch between ring, network, type and nearest neighbours; bars
 * with the median and the middle half coloured by the figure's polarity; the members over time; the
 * numbers with numerator, denominator, rank and revision marks; expected vs actual; and who does it
 * better. The selection lives in the address, so a view can be bookmarked and shared.
 */
export default function FigurePage({ params, location }: PageProps) {
  const { t } = useI18n()
  const catalogue = useFigureCatalogue()
  const organisations = useOrganisations()
  return (
    <QueryView query={catalogue}>
      {(data) => {
        const figure =
          data.figures.find((f) => f.code === (params.code ?? DEFAULT_FIGURE)) ??
          data.figures.find((f) => f.code === DEFAULT_FIGURE) ??
          data.figures[0]
        if (!figure)
          return (
            <Page title={t('fig.title')}>
              <Empty>{t('fig.noFigures')}</Empty>
            </Page>
          )
        return (
          <QueryView query={organisations}>
            {(orgs) => (
              <FigureView
                figure={figure}
                figures={data.figures}
                organisations={orgs.organisations.filter((o) => o.id > 0 && !o.isPseudonymised)}
                location={location}
              />
            )}
          </QueryView>
        )
      }}
    </QueryView>
  )
}

function FigureView({
  figure,
  figures,
  organisations,
  location,
}: {
  figure: FigureDto
  figures: FigureDto[]
  organisations: OrganisationDto[]
  location: string
}) {
  const { t, locale } = useI18n()
  const session = useSession()
  const signedIn = session.data?.kind === 'signed-in' ? session.data.session : null
  const ownId = signedIn?.user.organisationId ?? null
  const search = readSearchParams(location)
  const requestedOrg = Number(search.get('org'))
  const organisation =
    organisations.find((o) => o.id === requestedOrg) ??
    organisations.find((o) => o.id === ownId) ??
    organisations.find((o) => o.ring !== null) ??
    organisations[0]
  const requestedGroup = search.get('group')
  const group: GroupKind = isGroupKind(requestedGroup) ? requestedGroup : 'ring'
  const breakdown = figure.breakdowns.includes(search.get('breakdown') ?? '')
    ? search.get('breakdown')!
    : 'total'
  const change = (changes: Record<string, string | undefined>) =>
    navigate(withSearchParams(location, changes), { replace: true })
  const name = pick(locale, { de: figure.current.nameDe, en: figure.current.nameEn })
  const path = location.split('?')[0]!
  const query = location.includes('?') ? location.slice(location.indexOf('?')) : ''

  return (
    <Page
      title={`${name} (${figure.code})`}
      intro={pick(locale, { de: figure.current.explanationDe, en: figure.current.explanationEn })}
      actions={
        <Link className="button secondary" href="/compare">
          {t('fig.rawComparison')}
        </Link>
      }
    >
      <p className="figure-facts">
        <PolarityTag polarity={figure.current.polarity} />{' '}
        <span>
          {t('fig.formula')}: <code>{figure.current.numerator}</code> /{' '}
          <code>{figure.current.denominator}</code> · {t('fig.display')}: {figure.display}
        </span>{' '}
        <Link href={`/catalogue#figure-${figure.code}`}>{t('fig.toCatalogue')}</Link>
      </p>
      <form
        className="panel toolbar controls"
        aria-label={t('fig.controls')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="figure-code">{t('fig.figure')}</label>
          <select
            id="figure-code"
            value={figure.code}
            onChange={(event) =>
              navigate(`/figures/${event.target.value}${withSearchParams(query, { breakdown: undefined })}`, {
                replace: true,
              })
            }
          >
            {figures.map((f) => (
              <option key={f.code} value={f.code}>
                {f.code} – {pick(locale, { de: f.current.nameDe, en: f.current.nameEn })}
              </option>
            ))}
          </select>
        </div>
        {(ownId === null || organisations.length > 1) && organisation && (
          <div className="field">
            <label htmlFor="figure-org">{t('fig.organisation')}</label>
            <select
              id="figure-org"
              value={organisation.id}
              onChange={(event) => change({ org: event.target.value })}
            >
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {o.id === ownId ? ` (${t('fig.own')})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        {figure.breakdowns.length > 1 && (
          <div className="field">
            <label htmlFor="figure-breakdown">{t('compare.breakdown')}</label>
            <select
              id="figure-breakdown"
              value={breakdown}
              onChange={(event) => change({ breakdown: event.target.value })}
            >
              {figure.breakdowns.map((b) => (
                <option key={b} value={b}>
                  {breakdownLabel(locale, b)}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="field segmented">
          <legend>{t('fig.groupSwitch')}</legend>
          <div className="segmented-options">
            {GROUP_KINDS.map((kind) => (
              <label key={kind} className={kind === group ? 'is-selected' : undefined}>
                <input
                  type="radio"
                  name="figure-group"
                  value={kind}
                  checked={kind === group}
                  onChange={() => change({ group: kind })}
                />
                {t(GROUP_LABELS[kind])}
              </label>
            ))}
          </div>
        </fieldset>
      </form>
      {organisation ? (
        <GroupView
          key={`${path}:${organisation.id}:${group}:${breakdown}`}
          figure={figure}
          figureName={name}
          organisation={organisation}
          group={group}
          breakdown={breakdown}
          previousVisitAt={signedIn?.previousVisitAt ?? null}
        />
      ) : (
        <Empty>{t('fig.noOrganisation')}</Empty>
      )}
      <Suspense fallback={null}>
        <FigureCollectionResults figureCode={figure.code} />
      </Suspense>
    </Page>
  )
}

function GroupView({
  figure,
  figureName,
  organisation,
  group,
  breakdown,
  previousVisitAt,
}: {
  figure: FigureDto
  figureName: string
  organisation: OrganisationDto
  group: GroupKind
  breakdown: string
  previousVisitAt: string | null
}) {
  const { t } = useI18n()
  const query: FigureQuery = { figure: figure.code, org: organisation.id, group, breakdown }
  const statistics = useGroupStatistics(query)
  const summary = useFigureSummary(query)
  if (statistics.status === 'loading') return <Loading />
  if (statistics.status === 'error') {
    const error = statistics.error
    if (error instanceof ApiError && error.status === 404 && group !== 'ring')
      return <Empty>{t(group === 'type' ? 'fig.group.typeUnavailable' : 'fig.group.unavailable')}</Empty>
    return <ErrorView error={error} onRetry={statistics.reload} />
  }
  return (
    <GroupResult
      figure={figure}
      figureName={figureName}
      organisation={organisation}
      statistics={statistics.data}
      summary={summary.status === 'success' ? summary.data : null}
      query={query}
      previousVisitAt={previousVisitAt}
    />
  )
}

function GroupResult({
  figure,
  figureName,
  organisation,
  statistics,
  summary,
  query,
  previousVisitAt,
}: {
  figure: FigureDto
  figureName: string
  organisation: OrganisationDto
  statistics: GroupStatisticsDto
  summary: ReturnType<typeof useFigureSummary>['data'] | null
  query: FigureQuery
  previousVisitAt: string | null
}) {
  const { t, locale } = useI18n()
  const missingText = useMissingText()
  const polarity = figure.current.polarity
  const digits = figureDigits(figure.current.unit)
  const unit = figure.current.unit
  const formatValue = (value: number) => formatNumber(locale, value, digits)
  const period = statistics.period
  // What was known at the last visit, for the revision marks (same month, values as of then).
  const earlier = useGroupStatistics(previousVisitAt ? { ...query, period, asOf: previousVisitAt } : null)
  const marks = markRevisions(
    statistics.members,
    earlier.status === 'success' ? earlier.data.members : undefined,
  )
  const members = statistics.members
  const own = members.find((m) => m.organisationId === organisation.id)
  const groupLabel = statistics.group.label
  const lineMembers = pickTimeSeriesMembers(members, organisation.id, MAX_LINES)
  const from = monthsBack(period, 23)
  const series = useFigureValuesOf(
    lineMembers.map((m) => m.organisationId),
    { figure: figure.code, breakdown: statistics.breakdown, from, to: period },
  )

  const barOption = useMemo(
    () =>
      buildFigureBarOption(
        members.map((m) => ({ name: m.name, value: m.value, isOwn: m.organisationId === organisation.id })),
        {
          polarity,
          median: statistics.median,
          q1: statistics.q1,
          q3: statistics.q3,
          medianLabel: t('compare.median'),
          formatValue: (value) => formatNumber(locale, value, digits),
        },
      ),
    [members, organisation.id, polarity, statistics, t, locale, digits],
  )
  const revisionText = (id: number) => {
    const mark = marks.get(id)
    return mark === 'revised' ? t('fig.revised') : mark === 'new' ? t('fig.new') : null
  }
  const judgementText = (value: number | null) => {
    const judgement = judgeAgainstMedian(value, statistics.median, polarity)
    return value === null ? null : t(`fig.judgement.${judgement}`)
  }
  const rows: TableRow[] = members.map((m) => ({
    id: m.organisationId,
    name: m.name,
    value: m.value,
    numerator: m.numerator,
    denominator: m.denominator,
    rank: m.rank,
    judgement: judgementText(m.value),
    status: m.value === null ? missingText(m.missing) : null,
    revision: revisionText(m.organisationId),
  }))
  const hiddenCount = statistics.n + statistics.missing - members.length
  const barTable = {
    columns: [
      { key: 'name', header: t('compare.member') },
      { key: 'value', header: `${formatPeriod(locale, period)} (${unit})`, type: 'number' as const, digits },
      { key: 'numerator', header: t('fig.numerator'), type: 'number' as const, digits: 1 },
      { key: 'denominator', header: t('fig.denominator'), type: 'number' as const, digits: 1 },
      { key: 'rank', header: t('fig.rank'), type: 'number' as const, digits: 0 },
      { key: 'judgement', header: t('fig.vsMedian') },
      { key: 'status', header: t('fig.missingColumn') },
      { key: 'revision', header: t('common.revisionMark') },
    ],
    rows,
  }
  const summaryText = t('fig.barSummary', {
    name: figureName,
    group: groupLabel,
    period: formatPeriod(locale, period),
    n: statistics.n,
    median: statistics.median === null ? '–' : formatValue(statistics.median),
    own:
      own && own.value !== null
        ? t('compare.ownValue', { name: own.name, value: formatValue(own.value) })
        : '',
  })

  return (
    <>
      <div className="stat-row" aria-label={t('compare.keyNumbers')} role="group">
        <Stat label={t('compare.period')} value={formatPeriod(locale, period)} />
        <Stat label={t('fig.groupLabel')} value={groupLabel} />
        {statistics.disclosure.level === 'mean_only' && statistics.mean !== null ? (
          <Stat label={t('fig.mean')} value={`${formatValue(statistics.mean)} ${unit}`} />
        ) : (
          <Stat
            label={t('compare.median')}
            value={statistics.median === null ? '–' : `${formatValue(statistics.median)} ${unit}`}
          />
        )}
        <Stat
          label={t('compare.middleHalf')}
          value={
            statistics.q1 === null || statistics.q3 === null
              ? '–'
              : `${formatValue(statistics.q1)} – ${formatValue(statistics.q3)}`
          }
        />
        <Stat
          label={t('compare.reporting')}
          value={`${statistics.n} / ${statistics.n + statistics.missing}`}
        />
        {own && (
          <Stat
            label={own.name}
            value={
              own.value === null
                ? missingText(own.missing)
                : `${formatValue(own.value)} ${unit}${
                    own.rank !== null && statistics.isPerformanceRanking
                      ? ` · ${t('fig.rankOf', { rank: own.rank, n: statistics.n })}`
                      : ''
                  }`
            }
            isAccent
          />
        )}
      </div>
      {hiddenCount > 0 && statistics.disclosure.level === 'full' && (
        <p className="hint">{t('fig.hiddenMembers', { count: hiddenCount })}</p>
      )}
      {statistics.disclosure.level !== 'full' && (
        <p className="hint">
          {t(`fig.disclosure.${statistics.disclosure.reason ?? 'mean_only'}`, {
            count: statistics.disclosure.hiddenCount,
          })}
        </p>
      )}
      {summary && (
        <section className="panel" aria-labelledby="context-heading">
          <h2 id="context-heading">{t('fig.context.title', { org: summary.organisation.name })}</h2>
          <ContextVerdict summary={summary} />
        </section>
      )}
      <ChartPanel
        title={t('fig.barTitle', {
          name: figureName,
          group: groupLabel,
          period: formatPeriod(locale, period),
        })}
        summary={summaryText}
        option={barOption}
        height={Math.max(280, members.filter((m) => m.value !== null).length * 30 + 60)}
        table={barTable}
        fileName={`${figure.code}-${statistics.group.kind}-${period}`}
        legend={
          <p className="chart-legend">
            {polarity === 'context' ? (
              <>
                <span className="swatch" style={{ background: FIGURE_COLOURS.neutral }} aria-hidden="true" />{' '}
                {t('fig.legend.context')}
              </>
            ) : (
              <>
                <span className="swatch" style={{ background: FIGURE_COLOURS.better }} aria-hidden="true" />{' '}
                {t('fig.legend.better')}
                <span
                  className="swatch"
                  style={{ background: FIGURE_COLOURS.worse }}
                  aria-hidden="true"
                />{' '}
                {t('fig.legend.worse')}
              </>
            )}
            <span className="swatch own-frame" aria-hidden="true" /> {t('fig.legend.own')}
            <span className="swatch band" aria-hidden="true" /> {t('compare.middleHalf')}
            <span className="swatch median" aria-hidden="true" /> {t('compare.median')}
          </p>
        }
        tableProps={{
          isRowHighlighted: (row) => row.id === organisation.id,
          initialSort: { key: 'rank', direction: 'ascending' },
        }}
      />
      <MissingList members={members} />
      <TimeSeries
        figureName={figureName}
        groupLabel={groupLabel}
        members={lineMembers}
        total={members.length}
        ownId={organisation.id}
        series={series}
        formatValue={formatValue}
        fileName={`${figure.code}-${statistics.group.kind}-zeitreihe`}
      />
      <Excellence query={{ ...query, period }} figureName={figureName} digits={digits} />
      {previousVisitAt && (
        <p className="muted">{t('fig.revisionNote', { date: formatDateTime(locale, previousVisitAt) })}</p>
      )}
    </>
  )
}

function MissingList({ members }: { members: GroupStatisticsDto['members'] }) {
  const { t } = useI18n()
  const missingText = useMissingText()
  const missing = members.filter((m) => m.value === null)
  if (missing.length === 0) return null
  return (
    <section className="panel" aria-labelledby="missing-heading">
      <h2 id="missing-heading">{t('fig.missingTitle', { count: missing.length })}</h2>
      <ul className="plain-list">
        {missing.map((m) => (
          <li key={m.organisationId}>
            <strong>{m.name}</strong>: {missingText(m.missing)}
          </li>
        ))}
      </ul>
    </section>
  )
}

function TimeSeries({
  figureName,
  groupLabel,
  members,
  total,
  ownId,
  series,
  formatValue,
  fileName,
}: {
  figureName: string
  groupLabel: string
  members: GroupStatisticsDto['members']
  total: number
  ownId: number
  series: ReturnType<typeof useFigureValuesOf>
  formatValue: (value: number) => string
  fileName: string
}) {
  const { t, locale } = useI18n()
  if (series.status === 'loading') return <Loading label={t('compare.loading', { count: members.length })} />
  if (series.status === 'error') return <ErrorView error={series.error} onRetry={series.reload} />
  const lists = series.data
  const periods = [...new Set(lists.flatMap((l) => l.values.map((v) => v.period)))].sort()
  if (periods.length === 0) return null
  const byOrg = lists.map((l) => ({
    id: l.organisation.id,
    name: l.organisation.name,
    values: new Map(l.values.map((v) => [v.period, v.value])),
  }))
  const option = buildTimeSeriesOption(
    periods,
    byOrg.map((m) => ({
      name: m.name,
      values: periods.map((p) => m.values.get(p) ?? null),
      isHighlighted: m.id === ownId,
    })),
    { formatValue, formatPeriod: formatPeriodShort },
  )
  const own = byOrg.find((m) => m.id === ownId)
  return (
    <ChartPanel
      title={t('fig.lineTitle', { name: figureName, group: groupLabel })}
      summary={t('compare.lineSummary', {
        name: figureName,
        count: byOrg.length,
        from: formatPeriod(locale, periods[0]!),
        to: formatPeriod(locale, periods.at(-1)!),
      })}
      option={option}
      table={{
        columns: [
          { key: 'period', header: t('common.period') },
          ...byOrg.map((m) => ({ key: `m${m.id}`, header: m.name, type: 'number' as const, digits: 1 })),
        ],
        rows: [...periods].reverse().map((p) => {
          const row: TableRow = { period: p }
          for (const m of byOrg) row[`m${m.id}`] = m.values.get(p) ?? null
          return row
        }),
      }}
      fileName={fileName}
      legend={
        <p className="chart-legend">
          {own && (
            <>
              <span className="swatch own" aria-hidden="true" /> {own.name}
            </>
          )}
          <span className="swatch other" aria-hidden="true" /> {t('compare.legendOthers')}
          {total > members.length && <> · {t('fig.linesLimited', { shown: members.length, total })}</>}
        </p>
      }
      tableProps={{
        renderCell: (row, column) =>
          column.key === 'period' ? formatPeriod(locale, String(row.period)) : undefined,
      }}
    />
  )
}

function Excellence({
  query,
  figureName,
  digits,
}: {
  query: FigureQuery
  figureName: string
  digits: number
}) {
  const { t, locale } = useI18n()
  const excellence = useExcellence(query)
  const format = (value: number) => formatNumber(locale, value, digits)
  const points = (value: number) => signed(value, format)
  return (
    <section className="panel excellence" aria-labelledby="excellence-heading">
      <h2 id="excellence-heading">{t('fig.excellence.title')}</h2>
      <p className="muted">{t('fig.excellence.intro', { name: figureName })}</p>
      <QueryView query={excellence}>
        {(data) => (
          <div className="excellence-grid">
            <div>
              <h3>{t('fig.excellence.byLevel')}</h3>
              {data.byLevel.length === 0 ? (
                <p className="muted">{t('fig.excellence.none')}</p>
              ) : (
                <ol className="plain-list">
                  {data.byLevel.slice(0, 3).map((e) => (
                    <li key={e.organisationId}>
                      <strong>{e.name}</strong>:{' '}
                      {t('fig.excellence.levelClaim', {
                        value: format(e.value),
                        rank: e.rank,
                        n: e.n,
                        median: format(e.groupMedian),
                        gap: points(e.gapToMedian),
                      })}
                    </li>
                  ))}
                </ol>
              )}
            </div>
            <div>
              <h3>{t('fig.excellence.byImprovement')}</h3>
              {data.byImprovement.length === 0 ? (
                <p className="muted">{t('fig.excellence.none')}</p>
              ) : (
                <ol className="plain-list">
                  {data.byImprovement.slice(0, 3).map((e) => (
                    <li key={e.organisationId}>
                      <strong>{e.name}</strong>:{' '}
                      {t('fig.excellence.improvementClaim', {
                        before: format(e.valuePreviousYear),
                        value: format(e.value),
                        change: points(e.change),
                        median: points(e.groupMedianImprovement),
                      })}
                    </li>
                  ))}
                </ol>
              )}
            </div>
            <div>
              <h3>{t('fig.excellence.beyondContext')}</h3>
              {data.beyondContext.length === 0 ? (
                <p className="muted">{t('fig.excellence.none')}</p>
              ) : (
                <ol className="plain-list">
                  {data.beyondContext.slice(0, 3).map((e) => (
                    <li key={e.organisationId}>
                      <strong>{e.name}</strong>:{' '}
                      {t('fig.excellence.contextClaim', {
                        actual: format(e.actual),
                        expected: format(e.expected),
                        lower: format(e.lower),
                        upper: format(e.upper),
                      })}
                    </li>
                  ))}
                </ol>
              )}
            </div>
            <div>
              <h3>{t('fig.excellence.consistency')}</h3>
              {data.consistency.length === 0 ? (
                <p className="muted">{t('fig.excellence.none')}</p>
              ) : (
                <ol className="plain-list">
                  {data.consistency.slice(0, 3).map((e) => (
                    <li key={e.organisationId}>
                      <strong>{e.name}</strong>:{' '}
                      {t('fig.excellence.consistencyClaim', {
                        months: e.monthsInTopQuartile,
                        considered: e.monthsConsidered,
                      })}
                    </li>
                  ))}
                </ol>
              )}
            </div>
            {data.notes.length > 0 && (
              <ul className="plain-list muted excellence-notes">
                {data.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </QueryView>
    </section>
  )
}

function Stat({ label, value, isAccent }: { label: string; value: string; isAccent?: boolean }) {
  return (
    <div className={`stat${isAccent ? ' accent' : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  )
}
