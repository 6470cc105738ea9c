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
  return fitCategoryNames(fitted, width)
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
