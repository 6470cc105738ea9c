/**
 * The national shape every demo series follows, before org-specific effects: a slow decline
 * of the SGB II stock 2017–2019, the 2020 pandemic shock, the Ukrainian refugees entering SGB II
 * from June 2022, the Regelbedarf steps (Bürgergeld from 2023) and seasonality.
 * Paths are piecewise linear through knots ('YYYY-MM' → value), flat outside them.
 */
import { monthIndex } from '../../../core/periods/period'

type Knots = readonly (readonly [string, number])[]

interface Path {
  at(month: number): number
}

function toMonthIndex(text: string): number {
  return monthIndex(Number(text.slice(0, 4)), Number(text.slice(5, 7)))
}

function createPath(knots: Knots): Path {
  const xs = knots.map(([m]) => toMonthIndex(m))
  const ys = knots.map(([, v]) => v)
  return {
    at(month: number): number {
      if (month <= xs[0]!) return ys[0]!
      for (let k = 1; k < xs.length; k++) {
        if (month <= xs[k]!) {
          const w = (month - xs[k - 1]!) / (xs[k]! - xs[k - 1]!)
          return ys[k - 1]! + w * (ys[k]! - ys[k - 1]!)
        }
      }
      return ys[ys.length - 1]!
    },
  }
}

/** Stock level without shocks, relative to January 2015 (the 2015/16 refugee wave, then decline). */
export const TREND = createPath([
  ['2015-01', 1.0],
  ['2016-12', 1.015],
  ['2017-12', 1.005],
  ['2019-12', 0.93],
  ['2021-12', 0.915],
  ['2023-12', 0.91],
  ['2026-12', 0.895],
])

/** Extra stock from the pandemic, in units of the January-2015 stock: sharp rise from April 2020. */
export const COVID_STOCK = createPath([
  ['2020-03', 0],
  ['2020-04', 0.025],
  ['2020-05', 0.045],
  ['2020-06', 0.055],
  ['2020-09', 0.055],
  ['2021-06', 0.035],
  ['2022-06', 0.012],
  ['2023-06', 0],
])

/** Extra stock from Ukrainian refugees, who moved from asylum-seeker benefits to SGB II on 1.6.2022. */
export const UKRAINE_STOCK = createPath([
  ['2022-05', 0],
  ['2022-06', 0.045],
  ['2022-07', 0.065],
  ['2022-08', 0.075],
  ['2022-10', 0.08],
  ['2023-12', 0.085],
  ['2025-12', 0.07],
  ['2026-12', 0.065],
])

/** Multiplier on integrations: lockdowns stopped hiring (spring 2020, winter 2020/21). */
export const COVID_INTEGRATION_FACTOR = createPath([
  ['2020-03', 1],
  ['2020-04', 0.55],
  ['2020-05', 0.65],
  ['2020-06', 0.85],
  ['2020-12', 0.85],
  ['2021-01', 0.78],
  ['2021-03', 0.82],
  ['2021-06', 0.93],
  ['2021-12', 1],
])

/** Multiplier on activation of long-term beneficiaries: measures paused during lockdowns. */
export const COVID_ACTIVATION_FACTOR = createPath([
  ['2020-03', 1],
  ['2020-04', 0.6],
  ['2020-06', 0.7],
  ['2020-09', 0.88],
  ['2020-12', 0.85],
  ['2021-03', 0.85],
  ['2021-09', 1],
])

/** Stock seasonality in percent by calendar month: winter higher, autumn lower. */
export const STOCK_SEASON = [1.0, 1.3, 1.0, 0.3, -0.3, -0.6, -0.4, -0.3, -0.7, -0.9, -0.8, -0.2]
/** Inflow seasonality (multiplier): January after seasonal jobs end, summer after school. */
export const INFLOW_SEASON = [1.15, 1.0, 0.98, 0.95, 0.95, 1.0, 1.08, 1.05, 0.98, 0.97, 0.95, 0.9]
/** Integration seasonality (multiplier, mean 1): spring hiring, August/September training starts. */
export const INTEGRATION_SEASON = [0.85, 0.95, 1.1, 1.05, 1.0, 0.95, 1.0, 1.2, 1.15, 1.05, 0.95, 0.75]

/** Regelbedarf for a single adult (Regelbedarfsstufe 1), euros per month, by year. */
const REGELSATZ: Record<number, number> = {
  2014: 391,
  2015: 399,
  2016: 404,
  2017: 409,
  2018: 416,
  2019: 424,
  2020: 432,
  2021: 446,
  2022: 449,
  2023: 502,
  2024: 563,
  2025: 563,
  2026: 563,
}

export function regelsatzOf(year: number): number {
  if (year < 2014) return REGELSATZ[2014]!
  if (year > 2026) return REGELSATZ[2026]!
  return REGELSATZ[year]!
}

/** Growth of housing costs per beneficiary against the previous year (rents; 2022/23 heating and Bürgergeld). */
export function housingGrowthOf(year: number): number {
  if (year === 2022) return 1.05
  if (year === 2023) return 1.07
  return 1.025
}

/** Nominal GDP growth against the previous year (2020 recession, 2022/23 inflation). */
export function gdpGrowthOf(year: number): number {
  const growth: Record<number, number> = {
    2016: 1.02,
    2017: 1.025,
    2018: 1.02,
    2019: 1.018,
    2020: 0.975,
    2021: 1.04,
    2022: 1.045,
    2023: 1.045,
    2024: 1.02,
  }
  return growth[year] ?? 1.02
}

/** Overnight stays relative to normal: travel collapsed in 2020/21. */
export function tourismFactorOf(year: number): number {
  if (year === 2020) return 0.62
  if (year === 2021) return 0.7
  if (year === 2022) return 0.95
  return 1
}
