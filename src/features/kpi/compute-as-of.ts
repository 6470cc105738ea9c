import type { Kysely } from 'kysely'
import { computeQuantile, evaluateFigures } from '../../core/kpi'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { DB } from '../../db/schema'
import { listFigureDefinitions, listMonthlyIndicatorCodes } from './kpi-definition.repository'
import { loadMonthlySeries } from './load-series'

export interface AsOfReport {
  asOf: string
  firstMonth: string | null
  lastMonth: string | null
  organisations: number
  /** Per figure and breakdown, the latest month as it looked then. */
  figures: { code: string; breakdown: string; present: number; missing: number; median: number | null }[]
}

/**
 * Every figure for every organisation from the revisions known at `asOf`, computed in memory and
 * not stored (the stored values always reflect the current revisions). Reports the latest month.
 */
export async function computeAllAsOf(db: Kysely<DB>, options: { asOf: Date }): Promise<AsOfReport> {
  const loaded = await loadMonthlySeries(db, { asOf: options.asOf })
  const base = { asOf: options.asOf.toISOString(), organisations: loaded.series.size }
  if (loaded.startMonth === undefined) return { ...base, firstMonth: null, lastMonth: null, figures: [] }
  const results = evaluateFigures({
    definitions: await listFigureDefinitions(db),
    indicatorCodes: await listMonthlyIndicatorCodes(db),
    startMonth: formatPeriod(monthFromIndex(loaded.startMonth)),
    months: loaded.months,
    series: new Map([...loaded.series].map(([id, s]) => [String(id), s])),
  })
  const last = loaded.months - 1
  const byFigure = new Map<string, number[] & { missing?: number }>()
  const missing = new Map<string, number>()
  for (const r of results) {
    const key = `${r.code}|${r.breakdown}`
    const list = byFigure.get(key) ?? []
    byFigure.set(key, list)
    if (r.missing[last]) missing.set(key, (missing.get(key) ?? 0) + 1)
    else list.push(r.value[last]!)
  }
  return {
    ...base,
    firstMonth: formatPeriod(monthFromIndex(loaded.startMonth)),
    lastMonth: formatPeriod(monthFromIndex(loaded.startMonth + last)),
    figures: [...byFigure].map(([key, list]) => {
      const [code, breakdown] = key.split('|') as [string, string]
      const sorted = Float64Array.from(list).sort()
      return {
        code,
        breakdown,
        present: list.length,
        missing: missing.get(key) ?? 0,
        median: sorted.length > 0 ? computeQuantile(sorted, 0.5) : null,
      }
    }),
  }
}
