/**
 * The invisible per-organisation parameters behind the demo series: structural conditions
 * (SGB II level, economic strength, tourism) and management effects (how well a job centre
 * integrates). Each organisation draws from its own PRNG stream (seed + AGS), so its parameters
 * do not depend on which other organisations are generated or on the period range.
 */
import { createNormal, createRandom, deriveNamedSeed } from '../../../core/random'
import { isCityDistrict } from './organisations'
import type { DemoOrganisation } from './types'

export interface OrgProfile {
  isCity: boolean
  isEast: boolean
  /** SGB II rate (%) in January 2015. */
  sgb2Start: number
  /** ELB stock in January 2015, before seasonality. */
  elbStart: number
  /** Org-specific yearly drift of the stock (log scale). */
  stockDrift: number
  covidSensitivity: number
  ukraineSensitivity: number
  seasonAmplitude: number
  /** Registered unemployment rate minus 0.4 × SGB II rate. */
  unemploymentOffset: number
  gdpPerEmployed2015: number
  jobsPerInhabitant: number
  populationGrowth: number
  tourismBase: number
  settlementType: number
  inflowRate: number
  /** Monthly integrations per ELB before seasonality; the management effect is in here. */
  integrationRate: number
  isExcellent: boolean
  continuousShare: number
  marginalRate: number
  subsidisedRate: number
  singleParentShare: number
  singleParentIntegrationFactor: number
  lzbShare: number
  lzbActivation: number
  womenShare: number
  lluFactor: number
  housing2015: number
}

/** Districts of the Ruhr and Bergisch Land: old industrial regions with high SGB II rates. */
const STRUCTURALLY_WEAK_WEST = new Set([
  '05113',
  '05117',
  '05122',
  '05124',
  '05562',
  '05915',
  '05954',
  '06413',
])

/**
 * Overnight stays per inhabitant for districts with strong tourism: the North Sea and Baltic
 * coast and islands, the Alps and the Allgäu, Lake Constance, the Eifel and Sauerland.
 */
const TOURISM_DISTRICTS: Record<string, number> = {
  '01054': 26,
  '13073': 23,
  '03462': 20,
  '03452': 15,
  '09780': 16,
  '09182': 11,
  '03455': 9,
  '08435': 8,
  '05958': 8,
  '07233': 7,
  '08337': 5,
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x))
}

function settlementTypeOf(org: DemoOrganisation, isCity: boolean): number {
  const density = org.population2018 / org.areaKm2
  if (isCity) return org.population2018 >= 100_000 ? 1 : 2
  if (density >= 300) return 2
  if (density >= 120) return 3
  return 4
}

export function drawOrgProfile(org: DemoOrganisation, seed: number): OrgProfile {
  const ags5 = org.areas[0]!.ags5
  const random = createRandom(deriveNamedSeed(seed, 'profile', ags5))
  const n = createNormal(random)
  const isCity = isCityDistrict(org)
  const land = Number(org.landCode)
  const isEast = land >= 12
  const isSouth = land === 8 || land === 9
  const density = org.population2018 / org.areaKm2

  const sgb2Start = clamp(
    6.6 *
      Math.exp(
        0.3 * (isCity ? 1 : 0) +
          0.35 * (isEast ? 1 : 0) +
          0.5 * (STRUCTURALLY_WEAK_WEST.has(ags5) ? 1 : 0) -
          0.4 * (isSouth ? 1 : 0) +
          0.08 * Math.log(density / 200) +
          0.18 * n(),
      ),
    3.5,
    16.5,
  )
  // ELB ≈ 0.7 of the people in benefit households, who are ~80 % of the population below retirement age
  const elbStart = org.population2018 * (sgb2Start / 100) * 0.8 * 0.7
  const gdpPerEmployed2015 = clamp(
    68 + 5 * (isSouth || land === 6 ? 1 : 0) + 4 * (isCity ? 1 : 0) - 7 * (isEast ? 1 : 0) + 3.5 * n(),
    58,
    82,
  )
  const unemploymentOffset = 1.5 + 0.35 * n()
  const unemploymentApprox = 0.4 * sgb2Start + unemploymentOffset
  const isExcellent = random() < 0.1
  const integrationRate =
    0.0183 *
    Math.exp(0.1 * n()) *
    Math.pow(5.5 / clamp(unemploymentApprox, 2.5, 10), 0.2) *
    (isExcellent ? 1.2 : 1)
  const tourismBase =
    TOURISM_DISTRICTS[ags5] ?? clamp(Math.exp(Math.log(isCity ? 3 : 2.2) + 0.45 * n()), 0.8, 9)

  return {
    isCity,
    isEast,
    sgb2Start,
    elbStart,
    stockDrift: 0.008 * n() - (isEast ? 0.012 : 0),
    covidSensitivity: clamp(1 + 0.25 * n() + (isCity ? 0.2 : 0) + tourismBase / 60, 0.5, 1.8),
    ukraineSensitivity: clamp(Math.exp(0.25 * n()) * (isCity ? 1.2 : 0.95), 0.5, 1.8),
    seasonAmplitude: clamp(0.9 + 0.25 * n() + tourismBase / 15, 0.4, 3.5),
    unemploymentOffset,
    gdpPerEmployed2015,
    jobsPerInhabitant: clamp((isCity ? 0.72 : 0.45) + 0.05 * n(), 0.35, 0.95),
    populationGrowth: 0.002 + (isCity ? 0.002 : 0) - (isEast && !isCity ? 0.007 : 0) + 0.002 * n(),
    tourismBase,
    settlementType: settlementTypeOf(org, isCity),
    inflowRate: clamp(0.029 * Math.exp(0.12 * n()) * (isCity ? 1.1 : 1), 0.02, 0.045),
    integrationRate,
    isExcellent,
    continuousShare: clamp(0.62 + 0.03 * n() + (isExcellent ? 0.02 : 0), 0.55, 0.7),
    marginalRate: 0.0055 * Math.exp(0.15 * n()),
    subsidisedRate: 0.0013 * Math.exp(0.25 * n()),
    singleParentShare: clamp(0.125 + 0.012 * n(), 0.1, 0.15),
    singleParentIntegrationFactor: clamp(0.78 + 0.06 * n(), 0.6, 0.95),
    lzbShare: clamp(0.64 + 0.025 * n() + (isEast ? 0.02 : 0), 0.58, 0.7),
    lzbActivation: clamp(0.2 + 0.025 * n(), 0.15, 0.25),
    womenShare: clamp(0.5 + 0.015 * n(), 0.46, 0.54),
    lluFactor: clamp(1.12 * Math.exp(0.03 * n()), 1.02, 1.22),
    housing2015: clamp(
      310 *
        Math.pow(density / 300, 0.06) *
        Math.pow(gdpPerEmployed2015 / 70, 0.8) *
        (isEast ? 0.88 : 1) *
        Math.exp(0.05 * n()),
      250,
      450,
    ),
  }
}
