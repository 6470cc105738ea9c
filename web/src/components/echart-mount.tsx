/**
 * Mounting an ECharts instance, apart from any chart parts: the chart component and the map of rings
 * each pass the loader of the parts they draw with, so a page pulls in only its own (bench/web.ts
 * counts every dynamic import a page's modules make on mount).
 */
import { useEffect, useRef, useState } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import { useI18n } from '../i18n/i18n'
import { withCanvasTooltip } from './canvas-tooltip'
import { fitToWidth } from './chart-fit'

type EChartsInit = typeof import('echarts/core').init
type EChartsInstance = ReturnType<EChartsInit>

/**
 * Loads the ECharts parts a chart draws with and hands back `init`: bar and line charts by default
 * (echarts-setup.ts); a page with other series passes its own loader (e.g. echarts-radar-setup.ts),
 * so the dynamic import sits in that page's chunk and other pages never load those parts.
 */
export type ChartsLoader = () => Promise<{ init: EChartsInit }>

export type ChartStatus = 'loading' | 'ready' | 'failed'

/**
 * An ECharts instance in the returned box, made once `loadCharts` has loaded (again when another
 * loader is passed: keep it stable), resized with the box, with `option` drawn into it as fitted to
 * the box's width (chart-fit.ts).
 */
export function useEChart(loadCharts: ChartsLoader, option: EChartsCoreOption) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsInstance | null>(null)
  const [status, setStatus] = useState<ChartStatus>('loading')
  const [width, setWidth] = useState(0)

  useEffect(() => {
    let isCancelled = false
    let observer: ResizeObserver | undefined
    // The series types are registered by the loader before the instance is created.
    loadCharts().then(
      ({ init }) => {
        if (isCancelled || !box.current) return
        chart.current = init(box.current, null, { renderer: 'canvas' })
        observer = new ResizeObserver(() => {
          chart.current?.resize()
          setWidth(box.current?.clientWidth ?? 0)
        })
        observer.observe(box.current)
        setWidth(box.current.clientWidth)
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
  }, [loadCharts])

  useEffect(() => {
    if (status === 'ready')
      chart.current?.setOption(fitToWidth(withCanvasTooltip(option), width), { notMerge: true })
  }, [option, status, width])

  return { box, status }
}

/** What covers a chart while ECharts loads, or when it could not be loaded. */
export function ChartOverlay({ status }: { status: ChartStatus }) {
  const { t } = useI18n()
  if (status === 'ready') return null
  const isLoading = status === 'loading'
  return (
    <div className="echart-overlay" role={isLoading ? 'status' : 'alert'}>
      {t(isLoading ? 'chart.loading' : 'chart.failed')}
    </div>
  )
}
