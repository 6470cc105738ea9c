/**
 * Plain logic of the key-figure views, kept apart from React so it can be tested: how a value is
 * judged against its group (by the figure's polarity), the colours that follow from that, the bar
 * chart with the median and the middle half, and the revision marks from a comparison with what was
 * known at the person's last visit.
 */
import type { EChartsCoreOption } from 'echarts/core'
import { judgeDifference, orientationOf, type Judgement, type Polarity } from '../../../src/core/kpi/polarity'
import { PALETTE } from './chart-options'

export type { Judgement, Polarity }
export type GroupKind = 'ring' | 'all' | 'type' | 'neighbours' | 'comparison_type'

/** The groups the figure page offers, in the order of the switch. */
export const GROUP_KINDS: readonly GroupKind[] = ['ring', 'all', 'type', 'neighbours', 'comparison_type']

export function isGroupKind(value: string | null): value is GroupKind {
  return value !== null && (GROUP_KINDS as readonly string[]).includes(value)
}

/**
 * Colours with at least 4.5:1 against white, and a blue/orange pair that stays apart for the common
 * forms of colour blindness. Context figures are never judged: they get the neutral grey-blue.
 */
export const FIGURE_COLOURS: Record<Judgement, string> = {
  better: '#1b5e8c',
  worse: '#b4490f',
  neutral: '#5b6b7c',
}

/** Better or worse than the group median, by the figure's polarity; context figures are neutral. */
export function judgeAgainstMedian(
  value: number | null,
  median: number | null,
  polarity: Polarity,
): Judgement {
  if (value === null || median === null) return 'neutral'
  return judgeDifference(polarity, value - median, 1e-9)
}

/** Decimal places a figure is shown with (all official figures are percentages). */
export function figureDigits(unit: string): number {
  return unit === '%' ? 1 : 2
}

/** A change in display units ("percentage points" for % figures) with its sign. */
export function signed(value: number, format: (value: number) => string): string {
  const text = format(Math.abs(value))
  if (/^0([.,]0+)?$/.test(text)) return `±${text}`
  return `${value > 0 ? '+' : '−'}${text}`
}

export interface FigureBarMember {
  name: string
  value: number | null
  isOwn: boolean
}

export interface FigureBarOptions {
  polarity: Polarity
  median: number | null
  q1: number | null
  q3: number | null
  medianLabel: string
  formatValue: (value: number) => string
}

/**
 * Horizontal bars with the best at the top (for context figures: the largest), coloured better or
 * worse than the median; the own organisation keeps its colour and gets a dark frame and a bold name.
 * Members without a value are left out of the drawing (the table lists them with the reason).
 */
export function buildFigureBarOption(
  members: readonly FigureBarMember[],
  options: FigureBarOptions,
): EChartsCoreOption {
  const ascendingIsBest = orientationOf(options.polarity) === -1
  // ECharts draws category axes bottom-up: sort so that the best ends up on top.
  const sorted = [...members]
    .filter((m): m is FigureBarMember & { value: number } => m.value !== null)
    .sort((a, b) => (ascendingIsBest ? b.value - a.value : a.value - b.value))
  const ownName = sorted.find((m) => m.isOwn)?.name
  return {
    animation: false,
    textStyle: { color: PALETTE.text },
    grid: { left: 8, right: 64, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: options.formatValue },
    xAxis: {
      type: 'value',
      scale: true,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { color: '#3d4a57', fontSize: 13, formatter: options.formatValue },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((m) => m.name),
      axisLabel: {
        color: '#3d4a57',
        fontSize: 13,
        width: 260,
        overflow: 'truncate',
        formatter: (name: string) => (name === ownName ? `{own|▶ ${name}}` : name),
        rich: { own: { fontWeight: 'bold', color: PALETTE.text, fontSize: 13 } },
      },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((m) => ({
          value: m.value,
          itemStyle: {
            color: FIGURE_COLOURS[judgeAgainstMedian(m.value, options.median, options.polarity)],
            borderColor: m.isOwn ? '#111827' : undefined,
            borderWidth: m.isOwn ? 3 : 0,
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: PALETTE.text,
          formatter: (p: { value: number }) => options.formatValue(p.value),
        },
        markArea:
          options.q1 !== null && options.q3 !== null
            ? {
                silent: true,
                itemStyle: { color: PALETTE.band },
                label: { show: false },
                data: [[{ xAxis: options.q1 }, { xAxis: options.q3 }]],
              }
            : undefined,
        markLine:
          options.median !== null
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: PALETTE.median, type: 'dashed', width: 2 },
                label: {
                  formatter: `${options.medianLabel}: ${options.formatValue(options.median)}`,
                  color: PALETTE.median,
                },
                data: [{ xAxis: options.median }],
              }
            : undefined,
      },
    ],
  }
}

export type RevisionMark = 'revised' | 'new' | null

interface ValueOf {
  organisationId: number
  value: number | null
}

/**
 * What changed since an earlier state (the figures as known at the last visit): a value that existed
 * then and differs now is "revised", a value that did not exist then is "new".
 */
export function markRevisions(
  current: readonly ValueOf[],
  earlier: readonly ValueOf[] | undefined,
): Map<number, RevisionMark> {
  const marks = new Map<number, RevisionMark>()
  const before = new Map((earlier ?? []).map((m) => [m.organisationId, m.value]))
  for (const member of current) {
    if (earlier === undefined || member.value === null) {
      marks.set(member.organisationId, null)
      continue
    }
    const old = before.get(member.organisationId) ?? null
    if (old === null) marks.set(member.organisationId, 'new')
    else marks.set(member.organisationId, Math.abs(old - member.value) > 1e-9 ? 'revised' : null)
  }
  return marks
}

/**
 * Members to draw as lines over time: the own organisation first, then by rank, at most `limit`, so
 * that a network-wide group does not mean a hundred requests and an unreadable chart.
 */
export function pickTimeSeriesMembers<T extends { organisationId: number; rank: number | null }>(
  members: readonly T[],
  ownId: number | null,
  limit: number,
): T[] {
  const ranked = [...members].sort((a, b) => {
    if (a.organisationId === ownId) return -1
    if (b.organisationId === ownId) return 1
    return (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY)
  })
  return ranked.slice(0, limit)
}
