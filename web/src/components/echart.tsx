/**
 * Draws an ECharts option into a box. ECharts is loaded when the first chart mounts, so pages without
 * charts never download it. The drawing is an image for assistive technology (role="img" with a
 * summary); the numbers themselves are in the table alternative next to it.
 */
import { useEffect, useRef, useState } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import { useI18n } from '../i18n/i18n'

type EChartsInstance = ReturnType<typeof import('./echarts-setup').init>

export interface EChartProps {
  option: EChartsCoreOption
  /** One or two sentences that say what the chart shows. */
  summary: string
  height?: number
}

export function EChart({ option, summary, height = 360 }: EChartProps) {
  const { t } = useI18n()
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsInstance | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading')

  useEffect(() => {
    let isCancelled = false
    let observer: ResizeObserver | undefined
    // A radar series must be registered before the instance is created, or ECharts draws only its
    // axes; later option changes register theirs in the effect below.
    const extras = hasSeriesOfType(option, 'radar') ? import('./echarts-radar-setup') : Promise.resolve()
    Promise.all([import('./echarts-setup'), extras]).then(
      ([{ init }]) => {
        if (isCancelled || !box.current) return
        chart.current = init(box.current, null, { renderer: 'canvas' })
        observer = new ResizeObserver(() => chart.current?.resize())
        observer.observe(box.current)
        setStatus('ready')
      },
      () => !isCancelled && setStatus('failed'),
    )
    return () => {
      isCancelled = true
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    if (status !== 'ready') return
    let isCancelled = false
    // Series types beyond bar and line register their module first (see echarts-setup.ts).
    const needsRadar = hasSeriesOfType(option, 'radar')
    const ready = needsRadar ? import('./echarts-radar-setup') : Promise.resolve()
    ready.then(
      () => !isCancelled && chart.current?.setOption(option, { notMerge: true }),
      () => !isCancelled && setStatus('failed'),
    )
    return () => {
      isCancelled = true
    }
  }, [option, status])

  return (
    <div className="echart-frame" style={{ height }}>
      <div ref={box} className="echart" role="img" aria-label={summary} style={{ height }} />
      {status === 'loading' && (
        <div className="echart-overlay" role="status">
          {t('chart.loading')}
        </div>
      )}
      {status === 'failed' && (
        <div className="echart-overlay" role="alert">
          {t('chart.failed')}
        </div>
      )}
    </div>
  )
}

function hasSeriesOfType(option: EChartsCoreOption, type: string): boolean {
  const series = (option as { series?: unknown }).series
  const list = Array.isArray(series) ? series : series ? [series] : []
  return list.some((s) => typeof s === 'object' && s !== null && (s as { type?: unknown }).type === type)
}
