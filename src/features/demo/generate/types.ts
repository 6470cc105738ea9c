/**
 * The output of the demo-network generator. Pure data: another module writes it to the database.
 *
 * Observations are columnar (one typed array per field, row i across all arrays) because the
 * whole network has ~700 000 values: an array of objects would cost several times the memory
 * and the time, and the database writer streams rows anyway (see `readDemoObservation`).
 */
import type { Frequency } from '../../../core/periods/period'
import type { DemoComparisonType } from './comparison-types'

/** Where every demo value comes from: it is invented, and must say so wherever it is shown. */
export const DEMO_SOURCE = 'synthetische Demodaten / synthetic demo data'

/** `breakdown[i]` indexes into this table. */
export const DEMO_BREAKDOWNS = ['total', 'women', 'men'] as const
export type DemoBreakdown = (typeof DEMO_BREAKDOWNS)[number]

/** `missingReason[i]` indexes into this table; 0 means the value is present. */
export const DEMO_MISSING_REASONS = [null, 'not_delivered', 'suppressed', 'not_applicable'] as const
export type DemoMissingReason = Exclude<(typeof DEMO_MISSING_REASONS)[number], null>

export const MISSING_NONE = 0
export const MISSING_NOT_DELIVERED = 1
export const MISSING_SUPPRESSED = 2
export const MISSING_NOT_APPLICABLE = 3

export interface DemoSite {
  /** The town the site is in, e.g. "Gelnhausen". */
  name: string
  isMain: boolean
}

export interface DemoPartner {
  name: string
  /** e.g. 'provider': runs measures on the job centre's behalf. */
  role: string
  validFrom: string
}

export interface DemoArea {
  ags5: string
  /** ISO date. */
  validFrom: string
}

export interface DemoOrganisation {
  name: string
  shortName: string
  kind: 'jobcenter'
  carrierType: 'zkT'
  /** Two-digit Land key, e.g. '06'. */
  landCode: string
  nuts3: string
  /** The district the job centre serves, as named in the KomtrZV annex, e.g. "Main-Kinzig-Kreis". */
  districtName: string
  /** Kind of district from the Destatis register: Landkreis, Kreis, Kreisfreie Stadt, Stadtkreis. */
  districtKind: string
  areaKm2: number
  /** Inhabitants on 31.12.2018 (Destatis, via `landkreise-deutschland`). */
  population2018: number
  areas: DemoArea[]
  sites: DemoSite[]
  partners: DemoPartner[]
}

export interface DemoRing {
  code: string
  name: string
  sharing: 'named' | 'pseudonymised'
  /** ISO date from which the memberships hold. */
  validFrom: string
  /** Indexes into `DemoNetwork.organisations`, ascending. */
  members: number[]
}

/**
 * Row i is (orgIndex[i], indicatorCodes[indicator[i]], period[i], DEMO_BREAKDOWNS[breakdown[i]],
 * value[i], DEMO_MISSING_REASONS[missingReason[i]]). Arrays are exactly `count` long.
 */
export interface DemoObservationColumns {
  /** The indicator codes used, from the catalogue; `indicator[i]` indexes into this table. */
  indicatorCodes: readonly string[]
  /** Parallel to indicatorCodes: how to read `period` for that indicator. */
  indicatorFrequencies: readonly Frequency[]
  orgIndex: Uint16Array
  indicator: Uint8Array
  /** Monthly indicators: month index year·12 + month − 1 (as core/periods `monthIndex`); yearly: the year. */
  period: Int32Array
  breakdown: Uint8Array
  /** NaN exactly where missingReason ≠ 0. Counts are integers, euros are rounded to cents. */
  value: Float64Array
  missingReason: Uint8Array
  count: number
}

/** A gap planted on purpose, so that missing data is exercised end to end. */
export interface DemoPlantedGap {
  orgIndex: number
  indicatorCodes: string[]
  breakdowns: DemoBreakdown[]
  /** '2017-03' or '2026'. */
  periods: string[]
  reason: DemoMissingReason
  why: string
}

export interface DemoNetwork {
  network: { name: string; description: string }
  organisations: DemoOrganisation[]
  rings: DemoRing[]
  /** Synthetic comparison types (generate/comparison-types.ts), stored as a peer model. */
  comparisonTypes: DemoComparisonType[]
  observations: DemoObservationColumns
  plantedGaps: DemoPlantedGap[]
  /** Same for every value: see DEMO_SOURCE. */
  source: string
  firstMonth: string
  lastMonth: string
}

/** One observation in row form, for writers and tests. */
export interface DemoObservation {
  orgIndex: number
  indicatorCode: string
  frequency: Frequency
  /** '2019-12' or '2019'. */
  period: string
  breakdown: DemoBreakdown
  value: number | null
  missingReason: DemoMissingReason | null
}
