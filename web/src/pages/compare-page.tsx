import { useMemo } from 'react'
import type { IndicatorDto } from '../../../src/contracts/indicators'
import type { ObservationListDto } from '../../../src/contracts/observations'
import { addMonths } from '../../../src/core/periods/period'
import { fetchObservationsOf, useIndicators, useRings, useSession } from '../api/resources'
import { useCachedTask } from '../api/use-query'
import { navigate, readSearchParams, withSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import { ChartPanel } from '../components/chart-panel'
import { SelectField } from '../components/form-field'
import { BreakdownField, GroupControls, OwnMarkedField } from '../components/groups/group-controls'
import {
  BandLegend,
  formatMiddleHalf,
  KeyNumbers,
  Stat,
  useBarSummary,
} from '../components/groups/key-numbers'
import { MemberLinesPanel } from '../components/groups/member-lines'
import { Page } from '../components/page'
import { Empty, ErrorView, Loading, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { useI18n } from '../i18n/i18n'
import { formatChange, formatNumber, formatPeriod, pick, withUnit } from '../i18n/translate'
import { buildGroupBarOption, seriesColour, summariseGroup } from '../lib/chart-options'
import { unitLabel } from '../lib/labels'
import { currentMonth, pickComparisonPeriod, previousYearPeriod } from '../lib/series'

type Ring = NonNullable<ReturnType<typeof useRings>['data']>['rings'][number]

const DEFAULT_INDICATOR = 'sgb2_rate'

/**
 * One series across a group: bars for the comparison period with the median and the middle half of
 * the group, lines over time for every member, and the numbers as a table. The selection lives in the
 * address so a comparison can be bookmarked and shared.
 */
export default function ComparePage({ location }: PageProps) {
  const { t } = useI18n()
  const indicators = useIndicators()
  const rings = useRings()
  return (
    <Page title={t('compare.title')} intro={t('compare.intro')}>
      <QueryView query={indicators}>
        {(indicatorData) => (
          <QueryView query={rings}>
            {(ringData) => {
              // The server leaves out members the person may not see; a ring without any is no group.
              const visible = ringData.rings.filter((ring) => ring.members.length > 0)
              return visible.length === 0 ? (
                <Empty>{t('compare.noRings')}</Empty>
              ) : (
                <Comparison location={location} indicators={indicatorData.indicators} rings={visible} />
              )
            }}
          </QueryView>
        )}
      </QueryView>
    </Page>
  )
}

function Comparison({
  location,
  indicators,
  rings,
}: {
  location: string
  indicators: IndicatorDto[]
  rings: Ring[]
}) {
  const { t, locale } = useI18n()
  const session = useSession()
  const params = readSearchParams(location)
  const ownId = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  const highlightId = params.get('org') ? Number(params.get('org')) : ownId
  const ownRing = rings.find((r) => r.members.some((m) => m.organisationId === ownId))
  const ring = rings.find((r) => String(r.id) === params.get('ring')) ?? ownRing ?? rings[0]!
  const indicator =
    indicators.find((i) => i.code === params.get('indicator')) ??
    indicators.find((i) => i.code === DEFAULT_INDICATOR) ??
    indicators[0]
  const breakdown =
    indicator && indicator.breakdowns.includes(params.get('breakdown') ?? '')
      ? params.get('breakdown')!
      : 'total'
  const change = (changes: Record<string, string | undefined>) =>
    navigate(withSearchParams(location, changes), { replace: true })

  if (!indicator) return <Empty>{t('catalogue.empty')}</Empty>
  const from = indicator.frequency === 'yearly' ? '2015' : addMonths(currentMonth(), -36)
  const name = pick(locale, { de: indicator.nameDe, en: indicator.nameEn })

  return (
    <>
      <GroupControls label={t('compare.controls')}>
        <OwnMarkedField
          id="compare-group"
          label={t('compare.group')}
          items={rings}
          value={ring.id}
          ownId={ownRing?.id}
          ownText={t('compare.ownRing')}
          onChange={(id) => change({ ring: id })}
        />
        <SelectField
          id="compare-indicator"
          label={t('compare.indicator')}
          value={indicator.code}
          onChange={(code) => change({ indicator: code, breakdown: undefined })}
        >
          {(['context', 'raw'] as const).map((kind) => (
            <optgroup key={kind} label={t(`catalogue.${kind}`)}>
              {indicators
                .filter((i) => i.kind === kind)
                .map((i) => (
                  <option key={i.code} value={i.code}>
                    {pick(locale, { de: i.nameDe, en: i.nameEn })}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <BreakdownField
          id="compare-breakdown"
          breakdowns={indicator.breakdowns}
          value={breakdown}
          onChange={(b) => change({ breakdown: b })}
        />
      </GroupControls>
      {indicator.kind === 'raw' && <p className="hint">{t('compare.rawHint')}</p>}
      <GroupCharts
        ring={ring}
        indicator={indicator}
        indicatorName={name}
        breakdown={breakdown}
        from={from}
        highlightId={highlightId}
      />
    </>
  )
}

function GroupCharts({
  ring,
  indicator,
  indicatorName,
  breakdown,
  from,
  highlightId,
}: {
  ring: Ring
  indicator: IndicatorDto
  indicatorName: string
  breakdown: string
  from: string
  highlightId: number | null
}) {
  const { t, locale } = useI18n()
  const barSummary = useBarSummary()
  const memberIds = ring.members.map((m) => m.organisationId)
  const lists = useCachedTask(`group:${ring.id}:${indicator.code}:${breakdown}:${from}`, () =>
    fetchObservationsOf(memberIds, { indicator: indicator.code, breakdown, from }),
  )
  const digits = indicator.unit === 'persons' || indicator.unit === 'EUR' ? 0 : 1
  const unit = unitLabel(locale, indicator.unit)
  const formatValue = (value: number) => formatNumber(locale, value, digits)

  const view = useMemo(() => {
    if (lists.status !== 'success') return null
    const data: ObservationListDto[] = lists.data
    const period = pickComparisonPeriod(
      data.map((d) => d.observations),
      breakdown,
    )
    if (period === null) return { period: null }
    const previous = previousYearPeriod(period)
    const members = data.map((d) => {
      const byPeriod = new Map(
        d.observations.filter((o) => o.breakdown === breakdown).map((o) => [o.period, o]),
      )
      const current = byPeriod.get(period)
      const before = byPeriod.get(previous)?.value ?? null
      const value = current?.value ?? null
      return {
        id: d.organisation.id,
        name: d.organisation.name,
        value,
        before,
        change:
          value !== null && before !== null && before !== 0
            ? ((value - before) / Math.abs(before)) * 100
            : null,
        status: current?.status ?? null,
        isRevised: (current?.revisions ?? 1) > 1,
        missingReason: current?.missingReason ?? (current ? null : 'not_delivered'),
        byPeriod,
      }
    })
    const summary = summariseGroup(members.map((m) => m.value))
    const periods = [...new Set(data.flatMap((d) => d.observations.map((o) => o.period)))].sort()
    return { period, previous, members, summary, periods }
  }, [lists, breakdown])

  if (lists.status === 'loading') return <Loading label={t('compare.loading', { count: memberIds.length })} />
  if (lists.status === 'error') return <ErrorView error={lists.error} onRetry={lists.reload} />
  if (!view || view.period === null)
    return <Empty>{t('compare.noData', { name: indicatorName, group: ring.name })}</Empty>
  const { period, previous, members, summary, periods } = view
  const own = members.find((m) => m.id === highlightId)

  const barOption = buildGroupBarOption(
    members.map((m) => ({ name: m.name, value: m.value, isOwn: m.id === highlightId })),
    { median: t('compare.median'), formatValue },
  )
  const tableRows: TableRow[] = members.map((m) => ({
    id: m.id,
    name: m.name,
    value: m.value,
    before: m.before,
    change: m.change,
    status:
      m.value === null
        ? t(`missing.${m.missingReason ?? 'not_delivered'}`)
        : t(`status.${m.status ?? 'final'}`),
    revised: m.isRevised ? t('common.revised') : null,
  }))
  const barTable = {
    columns: [
      { key: 'name', header: t('compare.member') },
      { key: 'value', header: `${formatPeriod(locale, period)} (${unit})`, type: 'number' as const, digits },
      {
        key: 'before',
        header: `${formatPeriod(locale, previous!)} (${unit})`,
        type: 'number' as const,
        digits,
      },
      { key: 'change', header: t('compare.change'), type: 'number' as const, digits: 1 },
      { key: 'status', header: t('compare.status') },
      { key: 'revised', header: t('common.revisionMark') },
    ],
    rows: tableRows,
  }
  const summaryText = barSummary('compare.barSummary', {
    name: indicatorName,
    group: ring.name,
    period,
    n: summary.n,
    median: summary.median,
    own,
    formatValue,
  })

  return (
    <>
      <KeyNumbers>
        <Stat label={t('compare.period')} value={formatPeriod(locale, period)} />
        <Stat
          label={t('compare.median')}
          value={summary.median === null ? '–' : withUnit(formatValue(summary.median), unit)}
        />
        <Stat label={t('compare.middleHalf')} value={formatMiddleHalf(summary.q1, summary.q3, formatValue)} />
        <Stat label={t('compare.reporting')} value={`${summary.n} / ${members.length}`} />
        {own && (
          <Stat
            label={own.name}
            value={own.value === null ? '–' : withUnit(formatValue(own.value), unit)}
            isAccent
          />
        )}
      </KeyNumbers>
      <ChartPanel
        title={t('compare.barTitle', { name: indicatorName, period: formatPeriod(locale, period) })}
        summary={summaryText}
        option={barOption}
        height={Math.max(280, members.length * 34 + 60)}
        table={barTable}
        fileName={`${indicator.code}-${ring.code}-${period}`}
        legend={
          <p className="chart-legend">
            <span className="swatch own" aria-hidden="true" /> {t('compare.legendOwn')}
            <BandLegend />
          </p>
        }
        tableProps={{
          isRowHighlighted: (row) => row.id === highlightId,
          initialSort: { key: 'value', direction: 'descending' },
          renderCell: (row, column) =>
            column.key === 'change' && typeof row.change === 'number'
              ? formatChange(locale, row.change)
              : undefined,
        }}
      />
      <MemberLinesPanel
        title={t('compare.lineTitle', { name: indicatorName, group: ring.name })}
        subject={indicatorName}
        periods={periods}
        lines={members.map((m) => ({
          id: m.id,
          name: m.name,
          values: new Map([...m.byPeriod].map(([p, o]) => [p, o.value])),
        }))}
        highlightId={highlightId}
        formatValue={formatValue}
        digits={digits}
        fileName={`${indicator.code}-${ring.code}-zeitreihe`}
        legend={
          highlightId !== null && own ? (
            <p className="chart-legend">
              <span className="swatch own" aria-hidden="true" /> {own.name}
              <span className="swatch other" aria-hidden="true" /> {t('compare.legendOthers')}
            </p>
          ) : (
            <p className="chart-legend">
              {members.map((m, index) => (
                <span key={m.id} className="legend-item">
                  <span
                    className="swatch"
                    style={{ background: seriesColour(index, false, false) }}
                    aria-hidden="true"
                  />
                  {m.name}
                </span>
              ))}
            </p>
          )
        }
      />
    </>
  )
}
