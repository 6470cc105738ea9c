/**
 * Yearly context indicators of one organisation. The SGB II rate is computed from the same
 * stock path as the monthly ELB series, so that context and key figures tell one story; the
 * others follow from the profile with small year-to-year noise.
 */
import { gdpGrowthOf, tourismFactorOf } from './macro'
import type { OrgProfile } from './profiles'
import { CONTEXT_CODES, type ContextIndicatorCode } from '../../indicators/catalogue'
import { createNormal, createRandom, deriveNamedSeed } from '../../../core/random'
import type { DemoOrganisation } from './types'

/** The context indicators generated: those of the catalogue. */
export { CONTEXT_CODES }
export type ContextCode = ContextIndicatorCode

/** Extra unemployment (percentage points) from the pandemic. */
const COVID_UNEMPLOYMENT: Record<number, number> = { 2020: 0.8, 2021: 0.6, 2022: 0.15 }

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x))
}

/** One value per code and year, aligned to `years`. */
export function generateOrgContext(options: {
  org: DemoOrganisation
  profile: OrgProfile
  seed: number
  years: readonly number[]
  meanStockByYear: ReadonlyMap<number, number>
}): Record<ContextCode, number[]> {
  const { org, profile: p, years } = options
  const n = createNormal(createRandom(deriveNamedSeed(options.seed, 'context', org.areas[0]!.ags5)))
  const result = Object.fromEntries(CONTEXT_CODES.map((code) => [code, [] as number[]])) as Record<
    ContextCode,
    number[]
  >
  let gdpIndex = 1
  let lastGdpYear = 2015
  for (const year of years) {
    while (lastGdpYear < year) gdpIndex *= gdpGrowthOf(++lastGdpYear)
    const refugees = year >= 2022 ? 0.009 * p.ukraineSensitivity : 0
    const population = Math.round(
      org.population2018 * Math.exp(p.populationGrowth * (year - 2018)) * (1 + refugees),
    )
    // SGB II rate: people in benefit households per 100 inhabitants under retirement age (≈ 80 %)
    const stock = options.meanStockByYear.get(year) ?? p.elbStart
    const sgb2 = (100 * stock) / (0.7 * 0.8 * population)
    const gdpPerEmployed = p.gdpPerEmployed2015 * gdpIndex * Math.exp(0.008 * n())
    result.sgb2_rate.push(round(sgb2, 2))
    result.unemployment_rate.push(
      round(
        clamp(0.4 * sgb2 + p.unemploymentOffset + (COVID_UNEMPLOYMENT[year] ?? 0) + 0.1 * n(), 2.5, 10),
        1,
      ),
    )
    result.gdp_per_employed.push(round(gdpPerEmployed, 1))
    result.gdp_per_inhabitant.push(
      round(gdpPerEmployed * p.jobsPerInhabitant * (1 + 0.004 * (year - 2015)), 1),
    )
    result.population_density.push(round(population / org.areaKm2, 1))
    result.tourism_intensity.push(
      round(p.tourismBase * tourismFactorOf(year) * 1.015 ** (year - 2015) * Math.exp(0.03 * n()), 2),
    )
    result.population.push(population)
    result.settlement_type.push(p.settlementType)
  }
  return result
}
