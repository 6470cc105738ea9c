import { sql, type Kysely } from 'kysely'
import type { MissingDetail, OrganisationFigureResult } from '../../core/kpi'
import type { TransactionContext } from '../../db/connect'
import type { DB, KpiMissingReason } from '../../db/schema'
import { monthIndexOf, monthStart } from './load-series'

export interface KpiRunRow {
  id: number
  kind: 'full' | 'incremental'
  watermarkBatchId: number | null
  watermarkBatchCreatedAt: Date | null
  firstMonth: number | null
  lastMonth: number | null
  definitionsHash: string
}

export async function findLatestRun(db: Kysely<DB>): Promise<KpiRunRow | undefined> {
  const r = await db.selectFrom('kpi_run').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (!r) return undefined
  return {
    id: r.id,
    kind: r.kind,
    watermarkBatchId: r.watermark_batch_id,
    watermarkBatchCreatedAt: r.watermark_batch_created_at,
    firstMonth: r.first_month ? monthIndexOf(r.first_month) : null,
    lastMonth: r.last_month ? monthIndexOf(r.last_month) : null,
    definitionsHash: r.definitions_hash,
  }
}

export async function insertRun(
  db: Kysely<DB>,
  run: {
    kind: 'full' | 'incremental'
    startedAt: Date
    watermark: { id: number; createdAt: Date } | undefined
    firstMonth: number | undefined
    lastMonth: number | undefined
    definitionsHash: string
  },
): Promise<number> {
  const row = await db
    .insertInto('kpi_run')
    .values({
      kind: run.kind,
      started_at: run.startedAt,
      finished_at: run.startedAt,
      watermark_batch_id: run.watermark?.id ?? null,
      watermark_batch_created_at: run.watermark?.createdAt ?? null,
      first_month: run.firstMonth === undefined ? null : monthStart(run.firstMonth),
      last_month: run.lastMonth === undefined ? null : monthStart(run.lastMonth),
      definitions_hash: run.definitionsHash,
      organisations: 0,
      values_written: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function finishRun(
  db: Kysely<DB>,
  run: { id: number; finishedAt: Date; organisations: number; valuesWritten: number },
): Promise<void> {
  await db
    .updateTable('kpi_run')
    .set({ finished_at: run.finishedAt, organisations: run.organisations, values_written: run.valuesWritten })
    .where('id', '=', run.id)
    .execute()
}

/** The newest import batch: everything the next computation reads was written by it or before. */
export async function findWatermark(db: Kysely<DB>): Promise<{ id: number; createdAt: Date } | undefined> {
  const row = await db
    .selectFrom('import_batch')
    .select(['id', 'created_at'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? { id: row.id, createdAt: row.created_at } : undefined
}

export async function findBatch(db: Kysely<DB>, id: number): Promise<{ createdAt: Date } | undefined> {
  const row = await db.selectFrom('import_batch').select('created_at').where('id', '=', id).executeTakeFirst()
  return row ? { createdAt: row.created_at } : undefined
}

/** Per organisation, the month indexes of monthly values written by batches after `batchId`. */
export async function listChangedMonths(db: Kysely<DB>, batchId: number): Promise<Map<number, number[]>> {
  const result = await sql<{ organisation_id: number; months: number[] }>`
    select o.organisation_id,
      array_agg(distinct (extract(year from o.period)::int * 12 + extract(month from o.period)::int - 1)) as months
    from observation o
    join indicator i on i.id = o.indicator_id and i.frequency = 'monthly'
    where o.batch_id > ${batchId}
    group by o.organisation_id
  `.execute(db)
  return new Map(result.rows.map((r) => [r.organisation_id, r.months]))
}

/** Organisations that have computed values in a month (cheap: the primary key starts with period). */
export async function listOrganisationsWithValues(db: Kysely<DB>, month: number): Promise<number[]> {
  const rows = await db
    .selectFrom('kpi_value')
    .select('organisation_id')
    .distinct()
    .where('period', '=', monthStart(month))
    .execute()
  return rows.map((r) => r.organisation_id)
}

export async function deleteAllValues(db: Kysely<DB>): Promise<void> {
  await sql`truncate kpi_value`.execute(db)
}

/** Deletes the values of each organisation in its own month range. */
export async function deleteValueRanges(
  db: Kysely<DB>,
  ranges: ReadonlyMap<number, { from: number; to: number }>,
): Promise<void> {
  if (ranges.size === 0) return
  const ids: number[] = []
  const froms: string[] = []
  const tos: string[] = []
  let earliest = Infinity
  for (const [id, r] of ranges) {
    ids.push(id)
    froms.push(monthStart(r.from))
    tos.push(monthStart(r.to))
    earliest = Math.min(earliest, r.from)
  }
  // The extra bound on period lets the planner range-scan the primary key (period first).
  await sql`
    delete from kpi_value v
    using unnest(${ids}::int[], ${froms}::date[], ${tos}::date[]) as r(org, from_period, to_period)
    where v.period >= ${monthStart(earliest)}::date
      and v.organisation_id = r.org and v.period between r.from_period and r.to_period
  `.execute(db)
}

const COLUMNS = [
  'period',
  'figure_code',
  'breakdown',
  'organisation_id',
  'version',
  'is_change_rate',
  'numerator',
  'denominator',
  'missing_reason',
  'missing_detail',
  'run_id',
]

function numberField(x: number): string {
  return x === x && x !== Infinity && x !== -Infinity ? String(x) : ''
}

function detailJson(d: MissingDetail): string {
  let json = `""month"":""${d.month}""`
  if (d.indicator) json += `,""indicator"":""${d.indicator}""`
  if (d.breakdown) json += `,""breakdown"":""${d.breakdown}""`
  if (d.cause) json += `,""cause"":""${d.cause}""`
  // Already CSV-escaped (quotes doubled): codes and months contain no quotes or commas.
  return `"{${json}}"`
}

/**
 * Bulk-writes figure results by COPY, in primary-key order (month, figure, breakdown,
 * organisation) so the index grows at its end. Only months inside each organisation's range are
 * written (the evaluator also returns the lead-in months it needed as history).
 */
export async function copyFigureResults(
  tx: TransactionContext,
  options: {
    results: readonly OrganisationFigureResult[]
    /** Per figure code, by version: is it a change rate (value = (ratio − 1) · 100)? */
    changeRateVersions: ReadonlyMap<string, readonly boolean[]>
    startMonth: number
    runId: number
    ranges: ReadonlyMap<number, { from: number; to: number }> | { from: number; to: number }
  },
): Promise<number> {
  const { startMonth, runId, ranges } = options
  const rows = options.results
    .map((r) => {
      const orgId = Number(r.orgId)
      const range = ranges instanceof Map ? ranges.get(orgId) : (ranges as { from: number; to: number })
      const middle = `,${r.code},${r.breakdown},${orgId},`
      const flags = (options.changeRateVersions.get(r.code) ?? []).map((isRate) => (isRate ? ',t,' : ',f,'))
      return { r, range, middle, flags, orgId }
    })
    .filter((x) => x.range !== undefined)
    .sort(
      (a, b) =>
        (a.r.code < b.r.code ? -1 : a.r.code > b.r.code ? 1 : 0) ||
        (a.r.breakdown < b.r.breakdown ? -1 : a.r.breakdown > b.r.breakdown ? 1 : 0) ||
        a.orgId - b.orgId,
    )
  const length = rows.reduce((max, x) => Math.max(max, x.r.value.length), 0)
  const suffix = `,${runId}\n`
  let written = 0
  function* chunks(): Generator<string> {
    let chunk = ''
    let count = 0
    for (let i = 0; i < length; i++) {
      const period = monthStart(startMonth + i)
      const month = startMonth + i
      for (const { r, range, middle, flags } of rows) {
        if (month < range!.from || month > range!.to || i >= r.value.length) continue
        const missing = r.missing[i]
        chunk +=
          period +
          middle +
          r.versions[i] +
          (flags[r.versions[i]!] ?? ',f,') +
          (missing
            ? `${numberField(r.numerator[i]!)},${numberField(r.denominator[i]!)},${missing.reason},${detailJson(missing)}`
            : `${r.numerator[i]},${r.denominator[i]},,`) +
          suffix
        written++
        if (++count === 20_000) {
          yield chunk
          chunk = ''
          count = 0
        }
      }
    }
    if (chunk) yield chunk
  }
  await tx.copyCsv('kpi_value', COLUMNS, chunks())
  return written
}

export interface StoredValueRow {
  organisationId: number
  period: number
  version: number
  value: number | null
  numerator: number | null
  denominator: number | null
  missingReason: KpiMissingReason | null
  missingDetail: Record<string, string> | null
}

/** Stored values of one figure and breakdown for some organisations and months. */
export async function findStoredValues(
  db: Kysely<DB>,
  options: { code: string; breakdown: string; organisationIds: readonly number[]; from: number; to: number },
): Promise<StoredValueRow[]> {
  if (options.organisationIds.length === 0) return []
  const rows = await db
    .selectFrom('kpi_value')
    .select([
      'organisation_id',
      'period',
      'version',
      'value',
      'numerator',
      'denominator',
      'missing_reason',
      'missing_detail',
    ])
    .where('period', '>=', monthStart(options.from))
    .where('period', '<=', monthStart(options.to))
    .where('figure_code', '=', options.code)
    .where('breakdown', '=', options.breakdown)
    .where('organisation_id', 'in', [...options.organisationIds])
    .execute()
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    period: monthIndexOf(r.period),
    version: r.version,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    missingReason: r.missing_reason,
    missingDetail: r.missing_detail,
  }))
}

/** The latest month with computed values, if any. */
export async function findLatestComputedMonth(db: Kysely<DB>): Promise<number | undefined> {
  const row = await db
    .selectFrom('kpi_run')
    .select(sql<string | null>`max(last_month)`.as('m'))
    .executeTakeFirst()
  return row?.m ? monthIndexOf(row.m) : undefined
}
