/**
 * The monthly raw series of one organisation. Stocks follow one smooth path (trend, shocks,
 * seasonality, a little autocorrelated noise); flows are derived from the stock changes so
 * that stock(m) ≈ stock(m−1) + inflows − outflows; rates (integrations, activation …) are
 * org-specific and applied per sex, so that total = women + men holds exactly.
 */
import { monthIndex } from '../../../core/periods/period'
import {
  COVID_ACTIVATION_FACTOR,
  COVID_INTEGRATION_FACTOR,
  COVID_STOCK,
  INFLOW_SEASON,
  INTEGRATION_SEASON,
  STOCK_SEASON,
  TREND,
  UKRAINE_STOCK,
  housingGrowthOf,
  regelsatzOf,
} from './macro'
import type { OrgProfile } from './profiles'
import { SEX_SPLIT_RAW_CODES, TOTAL_ONLY_RAW_CODES, type RawIndicatorCode } from '../../indicators/catalogue'
import { createNormal, createRandom, deriveNamedSeed } from '../../../core/random'

/** Count series split by sex, stored as [total, women, men]; euro series, total only: the catalogue's raw series. */
export const SPLIT_SERIES = SEX_SPLIT_RAW_CODES
export const TOTAL_SERIES = TOTAL_ONLY_RAW_CODES
export type SeriesCode = RawIndicatorCode

export interface OrgMonthlySeries {
  /** code → [total] or [total, women, men], each one value per month from the first month. */
  values: Map<SeriesCode, Float64Array[]>
  /** Mean ELB stock without seasonality per calendar year in range: the basis of the SGB II rate. */
  meanStockByYear: Map<number, number>
}

const START_2015 = monthIndex(2015, 1)
// Months simulated before the first output month, so that the LZB stock (a slow average) has settled.
const WARM_UP_MONTHS = 36
// Ukrainian refugees become long-term beneficiaries after 21 of 24 months in receipt.
const LZB_QUALIFYING_MONTHS = 21
// Share of Ukrainian refugees among the new entrants that are women (mostly mothers with children).
const UKRAINE_WOMEN_SHARE = 0.7

function roundCents(x: number): number {
  return Math.round(x * 100) / 100
}

function atMost(x: number, max: number): number {
  return x > max ? max : x
}

export function generateOrgSeries(options: {
  profile: OrgProfile
  seed: number
  key: string
  firstMonth: number
  lastMonth: number
}): OrgMonthlySeries {
  const { profile: p, firstMonth, lastMonth } = options
  const n = createNormal(createRandom(deriveNamedSeed(options.seed, 'series', options.key)))
  const months = lastMonth - firstMonth + 1

  const series = {} as Record<SeriesCode, Float64Array[]>
  for (const code of SPLIT_SERIES) {
    series[code] = [new Float64Array(months), new Float64Array(months), new Float64Array(months)]
  }
  for (const code of TOTAL_SERIES) series[code] = [new Float64Array(months)]
  const [, elbW, elbM] = series.elb as [Float64Array, Float64Array, Float64Array]
  const [llu] = series.llu as [Float64Array]
  const [luh] = series.luh as [Float64Array]
  function setSplit(code: SeriesCode, i: number, women: number, men: number): void {
    const [t, w, m] = series[code] as [Float64Array, Float64Array, Float64Array]
    w[i] = women
    m[i] = men
    t[i] = women + men
  }

  const stockSums = new Map<number, { sum: number; count: number }>()
  const housingByYear = new Map<number, number>()
  let housing = p.housing2015
  for (let year = 2016; year <= Math.floor(lastMonth / 12); year++) {
    housing *= housingGrowthOf(year)
    housingByYear.set(year, housing)
  }
  const housingOf = (year: number): number => housingByYear.get(year) ?? p.housing2015

  const singleParentWomenShare = 0.9 + 0.02 * n()
  const lzbWomenShare = p.womenShare + 0.02 + 0.01 * n()
  let noise = 0
  let previousElb = NaN
  let previousCovid = 0
  let previousUkraine = 0
  let lzbAverage = NaN
  let previousLzb = NaN
  let previousLzbTarget = NaN

  for (let t = firstMonth - WARM_UP_MONTHS; t <= lastMonth; t++) {
    const i = t - firstMonth
    const calendarMonth = ((t % 12) + 12) % 12
    const year = Math.floor(t / 12)
    const base = TREND.at(t) * Math.exp((p.stockDrift * (t - START_2015)) / 12)
    const covid = COVID_STOCK.at(t) * p.covidSensitivity
    const ukraine = UKRAINE_STOCK.at(t) * p.ukraineSensitivity
    const level = base + covid + ukraine
    const ukraineShare = ukraine / level
    noise = 0.8 * noise + 0.002 * n()

    const smoothStock = p.elbStart * level
    const elb = Math.round(
      smoothStock * (1 + (p.seasonAmplitude * STOCK_SEASON[calendarMonth]!) / 100) * Math.exp(noise),
    )
    const womenShare = p.womenShare * (1 - ukraineShare) + UKRAINE_WOMEN_SHARE * ukraineShare

    // Stock changes from shocks arrive as inflows, on top of the usual turnover.
    const shockInflow =
      p.elbStart * (Math.max(0, covid - previousCovid) + Math.max(0, ukraine - previousUkraine))
    previousCovid = covid
    previousUkraine = ukraine
    let inflows = Math.round(
      p.inflowRate * INFLOW_SEASON[calendarMonth]! * elb * Math.exp(0.04 * n()) + shockInflow,
    )
    const stockChange = Number.isNaN(previousElb) ? 0 : elb - previousElb
    previousElb = elb
    // Reporting days and processing lags make official stocks and flows disagree slightly.
    let outflows = inflows - stockChange + Math.round(0.002 * elb * n())
    const minimumOutflows = Math.round(0.5 * p.inflowRate * elb)
    if (outflows < minimumOutflows) {
      inflows += minimumOutflows - outflows
      outflows = minimumOutflows
    }
    const inflowWomenShare =
      inflows > 0 ? (p.womenShare * (inflows - shockInflow) + 0.7 * shockInflow) / inflows : 0.5

    // Long-term beneficiaries: a slow average of the stock, plus refugees once they qualify.
    const nonRefugeeStock = p.elbStart * (base + covid)
    lzbAverage = Number.isNaN(lzbAverage) ? nonRefugeeStock : lzbAverage + (nonRefugeeStock - lzbAverage) / 12
    const refugeeLzb = 0.5 * p.elbStart * UKRAINE_STOCK.at(t - LZB_QUALIFYING_MONTHS) * p.ukraineSensitivity
    const lzbTarget = p.lzbShare * lzbAverage + refugeeLzb
    const lzb = Math.round(atMost(lzbTarget * Math.exp(0.5 * noise), 0.85 * elb))
    const lzbRefugeeShare = refugeeLzb / lzbTarget
    const lzbWomen = lzbWomenShare * (1 - lzbRefugeeShare) + UKRAINE_WOMEN_SHARE * lzbRefugeeShare
    let lzbInflows = Math.round(
      0.017 * lzb * Math.exp(0.05 * n()) +
        (Number.isNaN(previousLzbTarget) ? 0 : Math.max(0, lzbTarget - previousLzbTarget)),
    )
    const lzbChange = Number.isNaN(previousLzb) ? 0 : lzb - previousLzb
    previousLzb = lzb
    previousLzbTarget = lzbTarget
    let lzbOutflows = lzbInflows - lzbChange + Math.round(0.002 * lzb * n())
    const minimumLzbOutflows = Math.round(0.007 * lzb)
    if (lzbOutflows < minimumLzbOutflows) {
      lzbInflows += minimumLzbOutflows - lzbOutflows
      lzbOutflows = minimumLzbOutflows
    }

    if (i < 0) continue
    const yearSums = stockSums.get(year) ?? { sum: 0, count: 0 }
    yearSums.sum += smoothStock
    yearSums.count += 1
    stockSums.set(year, yearSums)

    const elbWomen = Math.round(elb * womenShare)
    setSplit('elb', i, elbWomen, elb - elbWomen)
    const inflowsWomen = Math.round(inflows * inflowWomenShare)
    setSplit('elb_inflows', i, inflowsWomen, inflows - inflowsWomen)
    const outflowsWomen = Math.round(atMost(outflows * p.womenShare * (1 + 0.01 * n()), outflows))
    setSplit('elb_outflows', i, outflowsWomen, outflows - outflowsWomen)

    // New refugees rarely take up work at once: language courses first.
    const integrationRate =
      p.integrationRate *
      INTEGRATION_SEASON[calendarMonth]! *
      COVID_INTEGRATION_FACTOR.at(t) *
      (1 - 0.6 * ukraineShare)
    const elbBySex = [elbW[i]!, elbM[i]!] as const
    const integrations = [
      Math.round(elbBySex[0] * integrationRate * 0.8 * Math.exp(0.06 * n())),
      Math.round(elbBySex[1] * integrationRate * 1.2 * Math.exp(0.06 * n())),
    ] as const
    setSplit('integrations', i, integrations[0], integrations[1])
    const continuous = integrations.map((x) =>
      Math.max(0, Math.round(atMost(x * p.continuousShare * (1 + 0.04 * n()), x))),
    )
    setSplit('continuous_after_integration', i, continuous[0]!, continuous[1]!)

    const hiring = Math.sqrt(COVID_INTEGRATION_FACTOR.at(t))
    setSplit(
      'marginal_entries',
      i,
      Math.round(elbBySex[0] * p.marginalRate * 1.15 * hiring * Math.exp(0.08 * n())),
      Math.round(elbBySex[1] * p.marginalRate * 0.85 * hiring * Math.exp(0.08 * n())),
    )
    // The Teilhabechancengesetz (§ 16i SGB II) expanded subsidised employment from 2019.
    const subsidisedRate =
      p.subsidisedRate * (t >= monthIndex(2019, 1) ? 1.6 : 1) * COVID_INTEGRATION_FACTOR.at(t)
    setSplit(
      'subsidised_entries',
      i,
      Math.round(elbBySex[0] * subsidisedRate * 0.85 * Math.exp(0.12 * n())),
      Math.round(elbBySex[1] * subsidisedRate * 1.15 * Math.exp(0.12 * n())),
    )

    const singleParents = Math.round(smoothStock * p.singleParentShare * (1 + 0.004 * n()))
    const singleParentsWomen = Math.round(singleParents * singleParentWomenShare)
    setSplit('ae_elb', i, singleParentsWomen, singleParents - singleParentsWomen)
    const aeRate = integrationRate * p.singleParentIntegrationFactor
    setSplit(
      'ae_integrations',
      i,
      Math.round(atMost(singleParentsWomen * aeRate * Math.exp(0.1 * n()), integrations[0])),
      Math.round(
        atMost((singleParents - singleParentsWomen) * aeRate * 1.3 * Math.exp(0.1 * n()), integrations[1]),
      ),
    )

    const lzbWomenCount = Math.round(lzb * lzbWomen)
    setSplit('lzb', i, lzbWomenCount, lzb - lzbWomenCount)
    const lzbInflowsWomen = Math.round(lzbInflows * lzbWomen)
    setSplit('lzb_inflows', i, lzbInflowsWomen, lzbInflows - lzbInflowsWomen)
    const lzbOutflowsWomen = Math.round(lzbOutflows * lzbWomen)
    setSplit('lzb_outflows', i, lzbOutflowsWomen, lzbOutflows - lzbOutflowsWomen)
    const lzbBySex = [lzbWomenCount, lzb - lzbWomenCount] as const
    setSplit(
      'lzb_integrations',
      i,
      Math.round(atMost(lzbBySex[0] * integrationRate * 0.62 * 0.8 * Math.exp(0.08 * n()), integrations[0])),
      Math.round(atMost(lzbBySex[1] * integrationRate * 0.62 * 1.2 * Math.exp(0.08 * n()), integrations[1])),
    )
    const activation = p.lzbActivation * COVID_ACTIVATION_FACTOR.at(t)
    setSplit(
      'lzb_active',
      i,
      Math.round(lzbBySex[0] * activation * 0.95 * (1 + 0.03 * n())),
      Math.round(lzbBySex[1] * activation * 1.05 * (1 + 0.03 * n())),
    )

    llu[i] = roundCents(elb * regelsatzOf(year) * p.lluFactor * (1 + 0.004 * n()))
    luh[i] = roundCents(elb * housingOf(year) * (1 + 0.004 * n()))
  }

  const meanStockByYear = new Map<number, number>()
  for (const [year, { sum, count }] of stockSums) meanStockByYear.set(year, sum / count)
  const values = new Map<SeriesCode, Float64Array[]>(Object.entries(series) as [SeriesCode, Float64Array[]][])
  return { values, meanStockByYear }
}
