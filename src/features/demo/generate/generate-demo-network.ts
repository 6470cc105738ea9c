/**
 * The demo network: the 104 real zkT, ten comparison rings and synthetic (invented, but
 * plausible) key-figure raw series and context indicators. Pure and deterministic from the seed;
 * writing it to the database is someone else's job.
 */
import { invalidInput } from '../../../core/errors/app-error'
import { message } from '../../../core/messages/text'
import {
  formatPeriod,
  monthFromIndex,
  monthIndex,
  parsePeriod,
  type Frequency,
} from '../../../core/periods/period'
import { CONTEXT_INDICATORS, RAW_INDICATORS } from '../../indicators/catalogue'
import { CONTEXT_CODES, generateOrgContext } from './context'
import { createObservationWriter } from './observation-columns'
import { buildDemoOrganisations } from './organisations'
import { createRandom, deriveNamedSeed, drawInteger } from '../../../core/random'
import { drawOrgProfile } from './profiles'
import { formDemoComparisonTypes } from './comparison-types'
import { formDemoRings } from './rings'
import { generateOrgSeries, type SeriesCode } from './series'
import {
  DEMO_BREAKDOWNS,
  DEMO_SOURCE,
  MISSING_NONE,
  MISSING_NOT_DELIVERED,
  MISSING_SUPPRESSED,
  type DemoBreakdown,
  type DemoNetwork,
  type DemoPlantedGap,
} from './types'

export interface GenerateDemoNetworkOptions {
  seed?: number
  /** 'YYYY-MM'; default 2015-01, when the rings in this demo start. */
  firstMonth?: string
  /** 'YYYY-MM'; default three months before `today` (the statistics' waiting period). */
  lastMonth?: string
  today?: Date
}

export const DEMO_NETWORK_NAME = 'Benchlearning der Optionskommunen (Demo)'
const RING_START = '2015-01-01'
const NOT_DELIVERED_MONTHS = ['2017-03', '2017-04']
const SUPPRESSED_MONTH = '2018-06'

function parseMonth(text: string, field: string): number {
  const p = parsePeriod(text)
  if (!p || p.frequency !== 'monthly') throw invalidInput(message('demoNetwork.notAMonth', { field, text }))
  return monthIndex(p.year, p.month!)
}

function breakdownIndex(b: string): number {
  const index = DEMO_BREAKDOWNS.indexOf(b as DemoBreakdown)
  if (index < 0) throw new Error(`demo generator: unknown breakdown ${b}`)
  return index
}

export function generateDemoNetwork(options: GenerateDemoNetworkOptions = {}): DemoNetwork {
  const seed = options.seed ?? 2012
  const today = options.today ?? new Date()
  const first = parseMonth(options.firstMonth ?? '2015-01', 'firstMonth')
  const last =
    options.lastMonth !== undefined
      ? parseMonth(options.lastMonth, 'lastMonth')
      : monthIndex(today.getUTCFullYear(), today.getUTCMonth() + 1) - 3
  if (last < first) throw invalidInput(message('demoNetwork.lastBeforeFirst'))
  const months = last - first + 1
  const years: number[] = []
  for (let y = Math.floor(first / 12); y <= Math.floor(last / 12); y++) years.push(y)

  const organisations = buildDemoOrganisations()
  const profiles = organisations.map((org) => drawOrgProfile(org, seed))
  const rings = formDemoRings(
    organisations.map((org, k) => ({
      sgb2Rate: profiles[k]!.sgb2Start,
      population: org.population2018,
      isEast: profiles[k]!.isEast,
    })),
    RING_START,
  )
  const comparisonTypes = formDemoComparisonTypes(
    profiles.map((p) => ({ settlementType: p.settlementType, sgb2Rate: p.sgb2Start })),
  )

  const indicatorCodes = [...RAW_INDICATORS.map((d) => d.code), ...CONTEXT_CODES]
  const indicatorFrequencies: Frequency[] = indicatorCodes.map((_, k) =>
    k < RAW_INDICATORS.length ? 'monthly' : 'yearly',
  )
  for (const code of CONTEXT_CODES) {
    if (!CONTEXT_INDICATORS.some((d) => d.code === code))
      throw new Error(`context code ${code} not in catalogue`)
  }
  const slotsPerMonth = RAW_INDICATORS.reduce((sum, d) => sum + d.breakdowns.length, 0)
  const writer = createObservationWriter({
    indicatorCodes,
    indicatorFrequencies,
    capacity: organisations.length * (months * slotsPerMonth + years.length * CONTEXT_CODES.length),
  })

  const { plantedGaps, missingReasonOf } = planGaps({ seed, organisations, first, last, years })

  organisations.forEach((org, orgIndex) => {
    const ags5 = org.areas[0]!.ags5
    const { values, meanStockByYear } = generateOrgSeries({
      profile: profiles[orgIndex]!,
      seed,
      key: ags5,
      firstMonth: first,
      lastMonth: last,
    })
    RAW_INDICATORS.forEach((definition, indicator) => {
      const arrays = values.get(definition.code as SeriesCode)
      if (!arrays) throw new Error(`demo generator has no series for ${definition.code}`)
      for (const b of definition.breakdowns) {
        const breakdown = breakdownIndex(b)
        const array = arrays[breakdown]!
        for (let i = 0; i < months; i++) {
          const period = first + i
          writer.push({
            orgIndex,
            indicator,
            period,
            breakdown,
            value: array[i]!,
            missingReason: missingReasonOf(orgIndex, definition.code, period, breakdown),
          })
        }
      }
    })

    const context = generateOrgContext({ org, profile: profiles[orgIndex]!, seed, years, meanStockByYear })
    CONTEXT_CODES.forEach((code, k) => {
      const indicator = RAW_INDICATORS.length + k
      years.forEach((year, y) => {
        writer.push({
          orgIndex,
          indicator,
          period: year,
          breakdown: 0,
          value: context[code][y]!,
          missingReason: missingReasonOf(orgIndex, code, year, 0),
        })
      })
    })
  })

  return {
    network: {
      name: DEMO_NETWORK_NAME,
      description:
        'Demo-Netzwerk mit den 104 zugelassenen kommunalen Trägern in zehn Vergleichsringen. Alle Kennzahlen sind synthetisch erzeugt und keine echten Daten. / Demo network of the 104 municipal job centres in ten comparison rings. All figures are synthetic, not real data.',
    },
    organisations,
    rings,
    comparisonTypes,
    observations: writer.columns,
    plantedGaps,
    source: DEMO_SOURCE,
    firstMonth: formatPeriod(monthFromIndex(first)),
    lastMonth: formatPeriod(monthFromIndex(last)),
  }
}

/**
 * Real deliveries have holes: a job centre that did not deliver two months, a small value
 * suppressed for data protection (with its complement, or the total would reveal it), and
 * GDP figures not yet published for the latest year.
 */
function planGaps(options: {
  seed: number
  organisations: { population2018: number }[]
  first: number
  last: number
  years: readonly number[]
}): {
  plantedGaps: DemoPlantedGap[]
  missingReasonOf: (orgIndex: number, code: string, period: number, breakdown: number) => number
} {
  const { organisations, first, last, years } = options
  const inRange = (text: string): boolean => {
    const m = parseMonth(text, 'gap')
    return m >= first && m <= last
  }
  const plantedGaps: DemoPlantedGap[] = []
  const lookup = new Map<string, number>()
  const rawCodes = RAW_INDICATORS.map((d) => d.code)

  const notDelivered = NOT_DELIVERED_MONTHS.filter(inRange)
  if (notDelivered.length > 0) {
    const orgIndex = drawInteger(createRandom(deriveNamedSeed(options.seed, 'gaps')), organisations.length)
    plantedGaps.push({
      orgIndex,
      indicatorCodes: rawCodes,
      breakdowns: [...DEMO_BREAKDOWNS],
      periods: notDelivered,
      reason: 'not_delivered',
      why: 'two monthly deliveries missing',
    })
    for (const month of notDelivered)
      lookup.set(`${orgIndex}|*|${parseMonth(month, 'gap')}|*`, MISSING_NOT_DELIVERED)
  }

  if (inRange(SUPPRESSED_MONTH)) {
    let smallest = 0
    organisations.forEach((o, k) => {
      if (o.population2018 < organisations[smallest]!.population2018) smallest = k
    })
    plantedGaps.push({
      orgIndex: smallest,
      indicatorCodes: ['ae_integrations'],
      breakdowns: ['women', 'men'],
      periods: [SUPPRESSED_MONTH],
      reason: 'suppressed',
      why: 'small value suppressed for data protection, with its complement',
    })
    const m = parseMonth(SUPPRESSED_MONTH, 'gap')
    lookup.set(`${smallest}|ae_integrations|${m}|1`, MISSING_SUPPRESSED)
    lookup.set(`${smallest}|ae_integrations|${m}|2`, MISSING_SUPPRESSED)
  }

  const latestYear = years[years.length - 1]!
  if (years.length > 1) {
    for (let orgIndex = 0; orgIndex < organisations.length; orgIndex++) {
      lookup.set(`${orgIndex}|gdp_per_employed|${latestYear}|0`, MISSING_NOT_DELIVERED)
      lookup.set(`${orgIndex}|gdp_per_inhabitant|${latestYear}|0`, MISSING_NOT_DELIVERED)
    }
    organisations.forEach((_, orgIndex) =>
      plantedGaps.push({
        orgIndex,
        indicatorCodes: ['gdp_per_employed', 'gdp_per_inhabitant'],
        breakdowns: ['total'],
        periods: [String(latestYear)],
        reason: 'not_delivered',
        why: 'regional GDP is published with a delay of about two years',
      }),
    )
  }

  const gapOrgs = new Set(plantedGaps.map((g) => g.orgIndex))
  const missingReasonOf = (orgIndex: number, code: string, period: number, breakdown: number): number => {
    if (!gapOrgs.has(orgIndex)) return MISSING_NONE
    return (
      lookup.get(`${orgIndex}|*|${period}|*`) ??
      lookup.get(`${orgIndex}|${code}|${period}|${breakdown}`) ??
      MISSING_NONE
    )
  }
  return { plantedGaps, missingReasonOf }
}
