import { sql, type Kysely } from 'kysely'
import type { DB, MissingReason, ObservationStatus } from '../../db/schema'

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

/** All revisions of one value, oldest first. */
export async function findRevisions(
  db: Kysely<DB>,
  key: { organisationId: number; indicatorId: number; period: string; breakdown: string },
) {
  return db
    .selectFrom('observation')
    .select(['revision', 'value', 'missing_reason', 'status', 'recorded_at', 'batch_id', 'is_current'])
    .where('organisation_id', '=', key.organisationId)
    .where('indicator_id', '=', key.indicatorId)
    .where('period', '=', key.period)
    .where('breakdown', '=', key.breakdown)
    .orderBy('revision')
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
