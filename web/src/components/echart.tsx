/**
 * Draws an ECharts option into a box. ECharts is loaded when the first chart mounts, so pages without
 * charts never download it. The drawing is an image for assistive technology (role="img" with a
 * summary); the numbers themselves are in the table alternative next to it.
 */
import type { EChartsCoreOption } from 'echarts/core'
import { ChartOverlay, useEChart, type ChartsLoader } from './echart-mount'

export type { ChartsLoader }

/** Bar and line charts (echarts-setup.ts), the default. */
const loadBarAndLineCharts: ChartsLoader = () => import('./echarts-setup')

export interface EChartProps {
  option: EChartsCoreOption
  /** One or two sentences that say what the chart shows. */
  summary: string
  height?: number
  loadCharts?: ChartsLoader
}

export function EChart({ option, summary, height = 360, loadCharts = loadBarAndLineCharts }: EChartProps) {
  const { box, status } = useEChart(loadCharts, option)
  return (
    <div className="echart-frame" style={{ height }}>
      <div ref={box} className="echart" role="img" aria-label={summary} style={{ height }} />
      <ChartOverlay status={status} />
    </div>
  )
}
