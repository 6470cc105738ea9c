/**
 * One key figure across a group: the key numbers, bars with the median and the middle half coloured
 * by the figure's polarity, the numbers with numerator, denominator, rank and revision marks, the
 * context verdict, the members over time and who does it better.
 */
import { useMemo } from 'react'
import type { FigureDto, GroupStatisticsDto } from '../../../../src/contracts/kpi'
import type { OrganisationDto } from '../../../../src/contracts/organisations'
import { addMonths } from '../../../../src/core/periods/period'
import { useFigureSummary, useFigureValuesOf, useGroupStatistics, type FigureQuery } from '../../api/figures'
import type { LastVisit } from '../../../../src/core/first-load/first-load-calls'
import { useI18n } from '../../i18n/i18n'
import { formatDateTime, formatFixed, formatNumber, formatPeriod, withUnit } from '../../i18n/translate'
import {
  FIGURE_COLOURS,
  buildFigureBarOption,
  figureDigits,
  judgeAgainstMedian,
  markRevisions,
  pickTimeSeriesMembers,
} from '../../lib/figures'
import { ChartPanel } from '../chart-panel'
import { ContextVerdict, useMissingText } from '../figure-parts'
import { BandLegend, formatMiddleHalf, KeyNumbers, Stat, useBarSummary } from '../groups/key-numbers'
import { MemberLinesPanel } from '../groups/member-lines'
import { ErrorView, Loading } from '../state-views'
import type { TableRow } from '../table-data'
import { ExcellencePanel } from './excellence-panel'
import { MissingMembers } from './missing-members'

/** Lines in the time series at most (own organisation first, then by rank). */
const MAX_LINES = 12

export function GroupResult({
  figure,
  figureName,
  organisation,
  statistics,
  summary,
  query,
  lastVisit,
}: {
  figure: FigureDto
  figureName: string
  organisation: OrganisationDto
  statistics: GroupStatisticsDto
  summary: ReturnType<typeof useFigureSummary>['data'] | null
  query: FigureQuery
  lastVisit: LastVisit | null
}) {
  const { t, locale } = useI18n()
  const missingText = useMissingText()
  const barSummary = useBarSummary()
  const polarity = figure.current.polarity
  const digits = figureDigits(figure.current.unit)
  const unit = figure.current.unit
  const formatValue = (value: number) => formatFixed(locale, value, digits)
  const period = statistics.period
  // What was known at the last visit, for the revision marks (same month, values as of then); when
  // no value was recorded since, that is today's and nothing is marked.
  const earlier = useGroupStatistics(
    lastVisit?.hasNewValues ? { ...query, period, asOf: lastVisit.at } : null,
  )
  const marks = markRevisions(
    statistics.members,
    earlier.status === 'success' ? earlier.data.members : undefined,
  )
  const members = statistics.members
  const own = members.find((m) => m.organisationId === organisation.id)
  const groupLabel = statistics.group.label
  const lineMembers = pickTimeSeriesMembers(members, organisation.id, MAX_LINES)
  const from = addMonths(period, -23)
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
    source: m.value === null ? null : t(`source.${m.source}`),
    revision: revisionText(m.organisationId),
  }))
  const publishedCount = members.filter((m) => m.value !== null && m.source === 'published').length
  const hiddenCount = statistics.n + statistics.missing - members.length
  const barTable = {
    columns: [
      { key: 'name', header: t('compare.member') },
      {
        key: 'value',
        header: `${formatPeriod(locale, period)} (${unit})`,
        type: 'number' as const,
        digits,
        isFixed: true,
      },
      { key: 'numerator', header: t('fig.numerator'), type: 'number' as const, digits: 1 },
      { key: 'denominator', header: t('fig.denominator'), type: 'number' as const, digits: 1 },
      { key: 'rank', header: t('fig.rank'), type: 'number' as const, digits: 0 },
      { key: 'judgement', header: t('fig.vsMedian') },
      { key: 'status', header: t('fig.missingColumn') },
      { key: 'source', header: t('fig.sourceColumn') },
      { key: 'revision', header: t('common.revisionMark') },
    ],
    rows,
  }
  const summaryText = barSummary('fig.barSummary', {
    name: figureName,
    group: groupLabel,
    period,
    n: statistics.n,
    median: statistics.median,
    own: own ?? undefined,
    formatValue,
  })

  return (
    <>
      <KeyNumbers>
        <Stat label={t('compare.period')} value={formatPeriod(locale, period)} />
        <Stat label={t('fig.groupLabel')} value={groupLabel} />
        {statistics.disclosure.level === 'mean_only' && statistics.mean !== null ? (
          <Stat label={t('fig.mean')} value={withUnit(formatValue(statistics.mean), unit)} />
        ) : (
          <Stat
            label={t('compare.median')}
            value={statistics.median === null ? '–' : withUnit(formatValue(statistics.median), unit)}
          />
        )}
        <Stat
          label={t('compare.middleHalf')}
          value={formatMiddleHalf(statistics.q1, statistics.q3, formatValue)}
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
                : `${withUnit(formatValue(own.value), unit)}${
                    own.rank !== null && statistics.isPerformanceRanking
                      ? ` · ${t('fig.rankOf', { rank: own.rank, n: statistics.n })}`
                      : ''
                  }`
            }
            isAccent
          />
        )}
      </KeyNumbers>
      {publishedCount > 0 && (
        <p className="hint source-published">{t('fig.publishedHint', { count: publishedCount })}</p>
      )}
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
            <BandLegend />
          </p>
        }
        tableProps={{
          isRowHighlighted: (row) => row.id === organisation.id,
          initialSort: { key: 'rank', direction: 'ascending' },
        }}
      />
      <MissingMembers members={members} />
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
      <ExcellencePanel query={{ ...query, period }} figureName={figureName} digits={digits} />
      {lastVisit && (
        <p className="muted">{t('fig.revisionNote', { date: formatDateTime(locale, lastVisit.at) })}</p>
      )}
    </>
  )
}

/** The members over time (at most MAX_LINES of them, the own organisation first). */
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
  const { t } = useI18n()
  if (series.status === 'loading') return <Loading label={t('compare.loading', { count: members.length })} />
  if (series.status === 'error') return <ErrorView error={series.error} onRetry={series.reload} />
  const lists = series.data
  const periods = [...new Set(lists.flatMap((l) => l.values.map((v) => v.period)))].sort()
  if (periods.length === 0) return null
  const lines = lists.map((l) => ({
    id: l.organisation.id,
    name: l.organisation.name,
    values: new Map(l.values.map((v) => [v.period, v.value])),
  }))
  const own = lines.find((m) => m.id === ownId)
  return (
    <MemberLinesPanel
      title={t('fig.lineTitle', { name: figureName, group: groupLabel })}
      subject={figureName}
      periods={periods}
      lines={lines}
      highlightId={ownId}
      formatValue={formatValue}
      digits={1}
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
    />
  )
}
