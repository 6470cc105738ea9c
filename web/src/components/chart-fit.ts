/**
 * Fits a chart's option to the width it is drawn at: the names on a horizontal bar chart's category
 * axis may take at most a third of the width, so the bars keep room on a 390 px phone (with 260 px of
 * names they collapse to nothing), and below 600 px a value axis has fewer ticks that never overlap.
 * Applied by useEChart to every chart, at every resize.
 */
import type { EChartsCoreOption } from 'echarts/core'

/** The share of the chart's width the category names may take. */
export const LABEL_SHARE = 1 / 3
const MIN_LABEL_WIDTH = 72

type Axis = { type?: unknown; axisLabel?: { width?: unknown } & Record<string, unknown> } & Record<
  string,
  unknown
>

function fitAxis(axis: Axis, maxWidth: number): Axis {
  const width = axis.axisLabel?.width
  if (axis.type !== 'category' || typeof width !== 'number' || width <= maxWidth) return axis
  return { ...axis, axisLabel: { ...axis.axisLabel, width: maxWidth } }
}

/** Below this width a value axis gets fewer ticks, and labels that would overlap are hidden. */
const NARROW_CHART = 600

function thinValueAxis(axis: Axis): Axis {
  if (axis.type !== 'value') return axis
  return { ...axis, splitNumber: 3, axisLabel: { ...axis.axisLabel, hideOverlap: true } }
}

export function fitToWidth(option: EChartsCoreOption, width: number): EChartsCoreOption {
  const xAxis = option.xAxis as Axis | Axis[] | undefined
  const fitted =
    xAxis && width > 0 && width < NARROW_CHART
      ? { ...option, xAxis: Array.isArray(xAxis) ? xAxis.map(thinValueAxis) : thinValueAxis(xAxis) }
      : option
  return fitRadarNames(fitCategoryNames(fitted, width), width)
}

/** A narrow radar's radius as a share of half its width: the rest is room for the names. */
const NARROW_RADAR_RADIUS = 0.36
/** About the width of one character of the 10 px axis font. */
const CHARACTER_WIDTH = 5.5

type Radar = { axisName?: Record<string, unknown> } & Record<string, unknown>

/**
 * A radar's names sit outside its circle: on a phone they ran off both edges ("…al processes",
 * "Allocation of r…"). Below 600 px the circle is smaller and each name wraps at spaces within the
 * room left beside it.
 */
function fitRadarNames(option: EChartsCoreOption, width: number): EChartsCoreOption {
  const radar = option.radar as Radar | Radar[] | undefined
  if (!radar || width <= 0 || width >= NARROW_CHART) return option
  const room = (width / 2) * (1 - NARROW_RADAR_RADIUS) - 8
  const maxCharacters = Math.max(8, Math.floor(room / CHARACTER_WIDTH))
  const fit = (r: Radar): Radar => ({
    ...r,
    radius: `${NARROW_RADAR_RADIUS * 100}%`,
    axisName: {
      ...r.axisName,
      fontSize: 10,
      lineHeight: 12,
      formatter: (name: string) => wrapWords(name, maxCharacters),
    },
  })
  return { ...option, radar: Array.isArray(radar) ? radar.map(fit) : fit(radar) }
}

/** Breaks a text into lines of at most `maxCharacters` at spaces (a longer word keeps its own line). */
export function wrapWords(text: string, maxCharacters: number): string {
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1
    if (last >= 0 && lines[last]!.length + 1 + word.length <= maxCharacters) lines[last] += ` ${word}`
    else lines.push(word)
  }
  return lines.join('\n')
}
function fitCategoryNames(option: EChartsCoreOption, width: number): EChartsCoreOption {
  const yAxis = option.yAxis as Axis | Axis[] | undefined
  if (!yAxis || width <= 0) return option
  const maxWidth = Math.max(MIN_LABEL_WIDTH, Math.floor(width * LABEL_SHARE))
  const axes = Array.isArray(yAxis) ? yAxis : [yAxis]
  const fitted = axes.map((axis) => fitAxis(axis, maxWidth))
  if (fitted.every((axis, index) => axis === axes[index])) return option
  return { ...option, yAxis: Array.isArray(yAxis) ? fitted : fitted[0] }
}
