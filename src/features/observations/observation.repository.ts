import { sql, type Kysely } from 'kysely'
import type { DB, MissingReason, ObservationStatus } from '../../db/schema'

/** The columns, in order, of observation rows written in bulk (COPY … FROM STDIN as CSV). */
export const OBSERVATION_COPY_COLUMNS = [
  'organisation_id',
  'indicator_id',
  'period',
  'breakdown',
  'revision',
  'value',
  'missing_reason',
  'status',
  'batch_id',
  'recorded_at',
  'is_current',
]

export interface ObservationQuery {
  organisationId: number
  indicatorId: number
  /** First day of the first period (inclusive), ISO date. */
  from?: string
  /** First day of the last period (inclusive), ISO date. */
  to?: string
  breakdown?: string
  /**
   * Show the figures as they were known at this instant: the latest revision recorded at or
   * before it. Absent = the current revision.
   */
  asOf?: Date
}

export interface ObservationRow {
  period: string
  breakdown: string
  value: number | null
  missingReason: MissingReason | null
  status: ObservationStatus
  revision: number
  recordedAt: Date
  batchId: number
  /** How many revisions exist up to the asOf instant (1 = never corrected). */
  revisions: number
  /** Source recorded with the import batch (e.g. "synthetic demo data"), if any. */
  source: string | null
}

export async function findObservations(db: Kysely<DB>, q: ObservationQuery): Promise<ObservationRow[]> {
  const asOf = q.asOf
  const rows = await db
    .selectFrom('observation as o')
    .innerJoin('import_batch as b', 'b.id', 'o.batch_id')
    .select([
      'b.source',
      'o.period',
      'o.breakdown',
      'o.value',
      'o.missing_reason',
      'o.status',
      'o.revision',
      'o.recorded_at',
      'o.batch_id',
      sql<number>`count(*) over (partition by o.period, o.breakdown)::int`.as('revisions'),
      sql<number>`row_number() over (partition by o.period, o.breakdown order by o.revision desc)::int`.as(
        'rn',
      ),
    ])
    .where('o.organisation_id', '=', q.organisationId)
    .where('o.indicator_id', '=', q.indicatorId)
    .$if(q.from !== undefined, (qb) => qb.where('o.period', '>=', q.from!))
    .$if(q.to !== undefined, (qb) => qb.where('o.period', '<=', q.to!))
    .$if(q.breakdown !== undefined, (qb) => qb.where('o.breakdown', '=', q.breakdown!))
    .$if(asOf !== undefined, (qb) => qb.where('o.recorded_at', '<=', asOf!))
    .orderBy('o.period')
    .orderBy('o.breakdown')
    .execute()
  return rows
    .filter((r) => r.rn === 1)
    .map((r) => ({
      period: r.period,
      breakdown: r.breakdown,
      value: r.value,
      missingReason: r.missing_reason,
      status: r.status,
      revision: r.revision,
      recordedAt: r.recorded_at,
      batchId: r.batch_id,
      revisions: r.revisions,
      source: r.source,
    }))
}

/** All revisions of one value, oldest first, with the import batch that wrote each. */
export async function findRevisions(
  db: Kysely<DB>,
  key: { organisationId: number; indicatorId: number; period: string; breakdown: string },
) {
  return db
    .selectFrom('observation as o')
    .innerJoin('import_batch as b', 'b.id', 'o.batch_id')
    .select([
      'o.revision',
      'o.value',
      'o.missing_reason',
      'o.status',
      'o.recorded_at',
      'o.batch_id',
      'o.is_current',
      'b.file_name',
      'b.created_by',
      'b.organisation_id as batch_organisation_id',
    ])
    .where('o.organisation_id', '=', key.organisationId)
    .where('o.indicator_id', '=', key.indicatorId)
    .where('o.period', '=', key.period)
    .where('o.breakdown', '=', key.breakdown)
    .orderBy('o.revision')
    .execute()
}

/** The organisations whose values an import batch revised (not the ones it only added values for). */
export async function findOrganisationsRevisedByBatch(db: Kysely<DB>, batchId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('observation')
    .select('organisation_id')
    .distinct()
    .where('batch_id', '=', batchId)
    .where('revision', '>', 1)
    .execute()
  return rows.map((r) => r.organisation_id)
}

export interface BatchRevisionQuery {
  batchId: number
  organisationIds: readonly number[]
  limit: number
  offset: number
}

/** How many values of these organisations an import batch revised. */
export async function countBatchRevisions(
  db: Kysely<DB>,
  q: Pick<BatchRevisionQuery, 'batchId' | 'organisationIds'>,
): Promise<number> {
  if (q.organisationIds.length === 0) return 0
  const row = await db
    .selectFrom('observation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('batch_id', '=', q.batchId)
    .where('revision', '>', 1)
    .where('organisation_id', 'in', q.organisationIds)
    .executeTakeFirstOrThrow()
  return row.n
}

/**
 * The values an import batch revised, each with the revision it replaced (one revision back), for
 * the given organisations; one page, ordered by organisation name, indicator, period and breakdown.
 */
export async function findBatchRevisions(db: Kysely<DB>, q: BatchRevisionQuery) {
  if (q.organisationIds.length === 0) return []
  return db
    .selectFrom('observation as n')
    .innerJoin('observation as p', (join) =>
      join
        .onRef('p.organisation_id', '=', 'n.organisation_id')
        .onRef('p.indicator_id', '=', 'n.indicator_id')
        .onRef('p.period', '=', 'n.period')
        .onRef('p.breakdown', '=', 'n.breakdown')
        .on(sql<boolean>`p.revision = n.revision - 1`),
    )
    .innerJoin('organisation as org', 'org.id', 'n.organisation_id')
    .innerJoin('indicator as i', 'i.id', 'n.indicator_id')
    .select([
      'n.organisation_id',
      'org.name as organisation_name',
      'i.code as indicator',
      'i.frequency',
      'n.period',
      'n.breakdown',
      'n.revision',
      'n.value',
      'n.missing_reason',
      'p.value as previous_value',
      'p.missing_reason as previous_missing_reason',
      'p.batch_id as previous_batch_id',
      'p.recorded_at as previous_recorded_at',
    ])
    .where('n.batch_id', '=', q.batchId)
    .where('n.revision', '>', 1)
    .where('n.organisation_id', 'in', q.organisationIds)
    .orderBy('org.name')
    .orderBy('n.organisation_id')
    .orderBy('i.code')
    .orderBy('n.period')
    .orderBy('n.breakdown')
    .limit(q.limit)
    .offset(q.offset)
    .execute()
}

export async function countCurrentObservations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('observation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('is_current', '=', true)
    .executeTakeFirstOrThrow()
  return row.n
}

/**
 * When the newest revision was recorded (null: no values yet). Values as known at any later instant
 * are the current ones.
 */
export async function findLatestRecordedAt(db: Kysely<DB>): Promise<Date | null> {
  const row = await db
    .selectFrom('observation')
    .select((eb) => eb.fn.max('recorded_at').as('latest'))
    .executeTakeFirst()
  return row?.latest ? new Date(row.latest) : null
}
