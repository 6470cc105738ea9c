import type { EChartsCoreOption } from 'echarts/core'

/**
 * ECharts' default (HTML) tooltips write `style="…"` attributes through innerHTML, which the server's
 * Content-Security-Policy refuses (src/server/security-headers.ts); rich-text tooltips are drawn on
 * the canvas and need no markup. Every chart's option passes through here before setOption.
 */
export function withCanvasTooltip(option: EChartsCoreOption): EChartsCoreOption {
  const tooltip = option.tooltip
  if (!tooltip || typeof tooltip !== 'object' || Array.isArray(tooltip)) return option
  return { ...option, tooltip: { ...tooltip, renderMode: 'richText' } }
}
