/**
 * ECharts options built from plain data, kept apart from React so they can be tested. Colours come
 * from one palette with enough contrast against white; the own organisation is always the accent.
 */
import type { EChartsCoreOption } from 'echarts/core'
import { computeQuantile } from '../../../src/core/kpi/group-stats'

export const PALETTE = {
  primary: '#1b5e8c',
  accent: '#c2410c',
  muted: '#7f9bb8',
  band: 'rgba(27, 94, 140, 0.12)',
  median: '#12314f',
  grid: '#d5dde6',
  text: '#1f2933',
  series: [
    '#1b5e8c',
    '#c2410c',
    '#2f7d4f',
    '#7c3aed',
    '#a16207',
    '#0e7490',
    '#be185d',
    '#4d7c0f',
    '#9a3412',
    '#334155',
  ],
} as const

/** Darker and larger than ECharts' default grey, for contrast. */
const AXIS_LABEL = { color: '#3d4a57', fontSize: 13 } as const

export interface GroupSummary {
  n: number
  median: number | null
  q1: number | null
  q3: number | null
}

/** Median and quartiles (linear interpolation, as the server's group statistics) of present values. */
export function summariseGroup(values: readonly (number | null)[]): GroupSummary {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b)
  if (present.length === 0) return { n: 0, median: null, q1: null, q3: null }
  return {
    n: present.length,
    median: computeQuantile(present, 0.5),
    q1: computeQuantile(present, 0.25),
    q3: computeQuantile(present, 0.75),
  }
}

export interface BarMember {
  name: string
  value: number | null
  isOwn: boolean
}

export interface BarLabels {
  median: string
  formatValue: (value: number) => string
}

/** Horizontal bars, best readable with long names; the band marks the middle half of the group. */
export function buildGroupBarOption(members: readonly BarMember[], labels: BarLabels): EChartsCoreOption {
  // Largest at the top: ECharts draws category axes bottom-up.
  const sorted = [...members].filter((m) => m.value !== null).sort((a, b) => a.value! - b.value!)
  const summary = summariseGroup(sorted.map((m) => m.value))
  const markArea =
    summary.q1 !== null && summary.q3 !== null
      ? {
          silent: true,
          itemStyle: { color: PALETTE.band },
          // The HTML legend names the band; a label here would collide with the median's.
          label: { show: false },
          data: [[{ xAxis: summary.q1 }, { xAxis: summary.q3 }]],
        }
      : undefined
  const markLine =
    summary.median !== null
      ? {
          silent: true,
          symbol: 'none',
          lineStyle: { color: PALETTE.median, type: 'dashed', width: 2 },
          label: {
            formatter: `${labels.median}: ${labels.formatValue(summary.median)}`,
            color: PALETTE.median,
          },
          data: [{ xAxis: summary.median }],
        }
      : undefined
  return {
    animation: false,
    textStyle: { color: PALETTE.text },
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: labels.formatValue },
    xAxis: {
      type: 'value',
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...AXIS_LABEL, formatter: labels.formatValue },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((m) => m.name),
      axisLabel: { ...AXIS_LABEL, width: 260, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((m) => ({
          value: m.value,
          itemStyle: { color: m.isOwn ? PALETTE.accent : PALETTE.primary },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => labels.formatValue(p.value),
        },
        markArea,
        markLine,
      },
    ],
  }
}

/** The colour a line gets (for the HTML legend next to the chart). */
export function seriesColour(
  index: number,
  isHighlighted: boolean | undefined,
  hasHighlight: boolean,
): string {
  if (hasHighlight) return isHighlighted ? PALETTE.accent : PALETTE.muted
  return PALETTE.series[index % PALETTE.series.length]!
}

export interface LineSeries {
  name: string
  /** Value per period, aligned with `periods`. */
  values: (number | null)[]
  isHighlighted?: boolean
}

export function buildTimeSeriesOption(
  periods: readonly string[],
  series: readonly LineSeries[],
  options: { formatValue: (value: number) => string; formatPeriod: (period: string) => string },
): EChartsCoreOption {
  const hasHighlight = series.some((s) => s.isHighlighted)
  return {
    animation: false,
    textStyle: { color: PALETTE.text },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: options.formatValue },
    xAxis: {
      type: 'category',
      data: [...periods],
      axisLabel: { ...AXIS_LABEL, formatter: options.formatPeriod },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...AXIS_LABEL, formatter: options.formatValue },
    },
    series: series.map((s, index) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      showSymbol: false,
      connectNulls: false,
      // With a highlight, every other line steps back so the own organisation stands out.
      lineStyle: hasHighlight
        ? { width: s.isHighlighted ? 3.5 : 1.2, opacity: s.isHighlighted ? 1 : 0.55 }
        : { width: 2 },
      itemStyle: { color: seriesColour(index, s.isHighlighted, hasHighlight) },
      z: s.isHighlighted ? 10 : 2,
    })),
  }
}
