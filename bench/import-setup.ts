/** The database and file of the import benchmark (bench/import.ts, bench/import-child.ts). */
import type { Database } from '../src/db/connect'
import { migrateToLatest } from '../src/db/migrate'
import { ensureReferenceData } from '../src/features/areas/ensure-reference-data'
import { listKreise } from '../src/features/areas/kreis-register'
import { RAW_INDICATORS } from '../src/features/indicators/catalogue'
import { insertOrganisation } from '../src/features/organisations/organisation.repository'
import { formatPeriod, monthFromIndex, monthIndex } from '../src/core/periods/period'

/** The districts of today, one organisation each. */
export function benchDistricts(): string[] {
  return listKreise()
    .filter((k) => k.validTo === null)
    .map((k) => k.ags5)
}

/** Migrations, reference data and one organisation per district. */
export async function prepareImportBench(database: Database): Promise<void> {
  await migrateToLatest(database.db)
  await ensureReferenceData(database.db)
  await database.transaction(async (tx) => {
    for (const ags5 of benchDistricts()) {
      await insertOrganisation(tx.db, {
        name: `Bench ${ags5}`,
        shortName: ags5,
        kind: 'jobcenter',
        areas: [{ ags5 }],
      })
    }
  })
}

export interface BenchRow {
  ags5: string
  indicator: string
  period: string
  breakdown: string
  value: number
}

/** 400 districts × 44 series (raw indicators × their breakdowns) × enough months for `target` rows. */
export function* benchRows(target: number): Generator<BenchRow> {
  const districts = benchDistricts()
  const series = RAW_INDICATORS.flatMap((i) => i.breakdowns.map((b) => [i.code, b] as const))
  const months = Math.ceil(target / (districts.length * series.length))
  const start = monthIndex(2015, 1)
  let rows = 0
  for (const ags5 of districts) {
    for (const [indicator, breakdown] of series) {
      for (let m = 0; m < months && rows < target; m++) {
        yield {
          ags5,
          indicator,
          period: formatPeriod(monthFromIndex(start + m)),
          breakdown,
          value: (1000 + ((rows * 7919) % 50000)) / 4,
        }
        rows++
      }
    }
  }
}

/** The columns of `observation` that the reference COPY fills, in the order of resolvedRowsText. */
export const REFERENCE_COPY_COLUMNS =
  'organisation_id, indicator_id, period, breakdown, revision, value, missing_reason, status, batch_id, recorded_at, is_current'

/**
 * The bench rows in resolved form, as CSV for COPY: organisation and indicator ids (read through
 * `query` from the prepared database), the first day of the month, revision 1 of batch 1, recorded
 * now, current. What any importer has to write.
 */
export async function resolvedRowsText(
  rows: number,
  query: (text: string) => Promise<{ rows: unknown[] }>,
): Promise<string> {
  const organisations = (await query('select organisation_id as id, ags5 from organisation_area')).rows as {
    id: number
    ags5: string
  }[]
  const indicators = (await query('select id, code from indicator')).rows as { id: number; code: string }[]
  const orgIds = new Map(organisations.map((r) => [r.ags5, r.id]))
  const indicatorIds = new Map(indicators.map((r) => [r.code, r.id]))
  const recordedAt = new Date().toISOString()
  const lines: string[] = []
  for (const r of benchRows(rows))
    lines.push(
      `${orgIds.get(r.ags5)},${indicatorIds.get(r.indicator)},${r.period}-01,${r.breakdown},1,${r.value},,final,1,${recordedAt},t\n`,
    )
  return lines.join('')
}
