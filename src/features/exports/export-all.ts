/**
 * Writes everything in the database to a folder: a registry (organisations, networks, rings,
 * memberships, indicators) as JSON, organisations and current values as CSV in the importer's long
 * format, and the full revision history. `restoreExport` reads such a folder back.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { sql } from 'kysely'
import type { Database } from '../../db/connect'
import { formatPeriod, periodFromDate } from '../../core/periods/period'
import { toCsvRow, type SpreadsheetValue } from '../../core/spreadsheet/spreadsheet-cell'
import { listIndicators } from '../indicators/indicator.repository'
import { listOrganisations } from '../organisations/organisation.repository'

export const EXPORT_FORMAT = 'benchlearn-export/1'

export interface ExportSummary {
  dir: string
  organisations: number
  currentValues: number
  revisions: number
  files: string[]
}

/** One line of the export's CSV files: text neutralised against formulas and quoted (core/spreadsheet). */
const csvLine = (values: readonly SpreadsheetValue[]) => `${toCsvRow(values, { separator: ';' })}\n`

export async function exportAll(database: Database, dir: string): Promise<ExportSummary> {
  mkdirSync(dir, { recursive: true })
  const db = database.db
  const organisations = await listOrganisations(db)
  const indicators = await listIndicators(db)
  const networks = await db.selectFrom('network').selectAll().orderBy('id').execute()
  const networkMemberships = await db.selectFrom('network_membership').selectAll().orderBy('id').execute()
  const rings = await db.selectFrom('ring').selectAll().orderBy('id').execute()
  const ringMemberships = await db.selectFrom('ring_membership').selectAll().orderBy('id').execute()
  const batches = await db.selectFrom('import_batch').selectAll().orderBy('id').execute()
  const registry = {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    organisations,
    networks: networks.map((n) => ({
      id: n.id,
      name: n.name,
      description: n.description,
      isDemo: n.is_demo,
    })),
    networkMemberships: networkMemberships.map((m) => ({
      networkId: m.network_id,
      organisationId: m.organisation_id,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
    rings: rings.map((r) => ({
      id: r.id,
      networkId: r.network_id,
      code: r.code,
      name: r.name,
      sharing: r.sharing,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    })),
    ringMemberships: ringMemberships.map((m) => ({
      ringId: m.ring_id,
      organisationId: m.organisation_id,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
    indicators,
    importBatches: batches.map((b) => ({ ...b, created_at: b.created_at.toISOString() })),
  }
  writeFileSync(join(dir, 'registry.json'), JSON.stringify(registry, null, 2))
  writeFileSync(
    join(dir, 'organisations.csv'),
    [
      'id;name;short_name;kind;carrier_type;land;nuts3;ags;valid_from;valid_to;ring;is_demo\n',
      ...organisations.map((o) =>
        csvLine([
          o.id,
          o.name,
          o.shortName,
          o.kind,
          o.carrierType,
          o.landCode,
          o.nuts3,
          o.areas.map((a) => a.ags5).join('+'),
          o.validFrom,
          o.validTo,
          o.ring?.code ?? null,
          o.isDemo,
        ]),
      ),
    ].join(''),
  )

  // The key of an organisation in the CSV files: its AGS where it has exactly one area, else its id.
  const keyOf = new Map(
    organisations.map((o) => [o.id, o.areas.length === 1 ? o.areas[0]!.ags5 : String(o.id)]),
  )
  const frequencyOf = new Map(indicators.map((i) => [i.id, i.frequency]))
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]))
  const current = createWriteStream(join(dir, 'observations.csv'))
  const history = createWriteStream(join(dir, 'observation-history.csv'))
  current.write('org;indicator;period;breakdown;value;status;missing_reason\n')
  history.write(
    'org;indicator;period;breakdown;revision;value;status;missing_reason;batch_id;recorded_at;is_current\n',
  )
  let currentValues = 0
  let revisions = 0
  // One organisation at a time keeps memory flat however long the history is.
  for (const organisation of organisations) {
    const page = await sql<{
      organisation_id: number
      indicator_id: number
      period: string
      breakdown: string
      revision: number
      value: number | null
      status: string
      missing_reason: string | null
      batch_id: number
      recorded_at: Date
      is_current: boolean
    }>`select * from observation where organisation_id = ${organisation.id}
        order by indicator_id, period, breakdown, revision`.execute(db)
    const currentLines: string[] = []
    const historyLines: string[] = []
    for (const r of page.rows) {
      const period = formatPeriod(periodFromDate(r.period, frequencyOf.get(r.indicator_id)!))
      const key = keyOf.get(r.organisation_id)!
      const code = codeOf.get(r.indicator_id)!
      historyLines.push(
        csvLine([
          key,
          code,
          period,
          r.breakdown,
          r.revision,
          r.value,
          r.status,
          r.missing_reason,
          r.batch_id,
          r.recorded_at.toISOString(),
          r.is_current,
        ]),
      )
      if (r.is_current) {
        currentLines.push(csvLine([key, code, period, r.breakdown, r.value, r.status, r.missing_reason]))
        currentValues++
      }
      revisions++
    }
    if (!current.write(currentLines.join(''))) await once(current, 'drain')
    if (!history.write(historyLines.join(''))) await once(history, 'drain')
  }
  current.end()
  history.end()
  await Promise.all([once(current, 'finish'), once(history, 'finish')])
  return {
    dir,
    organisations: organisations.length,
    currentValues,
    revisions,
    files: ['registry.json', 'organisations.csv', 'observations.csv', 'observation-history.csv'],
  }
}
