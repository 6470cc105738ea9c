/** SQL of data collections: definitions, the organisations asked, their forms' cells. `db` first. */
import { sql, type Kysely } from 'kysely'
import type { CollectionMemberStatus, DB, IndicatorPolarity } from '../../db/schema'
import { validOn } from '../../db/valid-on'
import { indicatorColumns, type IndicatorRow } from '../indicators/indicator.repository'

export interface CollectionRow {
  id: number
  title: string
  instructions: string
  frequency: 'monthly' | 'yearly'
  periods: string[]
  ringIds: number[]
  deadline: string
  status: 'open' | 'closed'
  isResultsForDeliverersOnly: boolean
  changeThresholdPercent: number
  createdAt: Date
  closedAt: Date | null
  batchId: number | null
  isDemo: boolean
}

export interface CollectionIndicatorRow {
  id: number
  code: string
  nameDe: string
  nameEn: string
  unit: string
  definitionDe: string
  definitionEn: string
  allowedMin: number | null
  allowedMax: number | null
  polarity: IndicatorPolarity
  breakdowns: string[]
  isOwn: boolean
  figureCode: string | null
}

export interface CollectionMemberRow {
  organisationId: number
  name: string
  status: CollectionMemberStatus
  submittedAt: Date | null
  remindedAt: Date | null
}

export interface EntryRow {
  organisationId: number
  indicatorId: number
  period: string
  breakdown: string
  value: number | null
  comment: string
}

function selectCollections(db: Kysely<DB>) {
  return db
    .selectFrom('data_collection')
    .select([
      'id',
      'title',
      'instructions',
      'frequency',
      'periods',
      'ring_ids',
      'deadline',
      'status',
      'is_results_for_deliverers_only',
      'change_threshold_percent',
      'created_at',
      'closed_at',
      'batch_id',
      'is_demo',
    ])
}

function toCollection(
  r: Awaited<ReturnType<ReturnType<typeof selectCollections>['executeTakeFirstOrThrow']>>,
) {
  return {
    id: r.id,
    title: r.title,
    instructions: r.instructions,
    frequency: r.frequency,
    periods: r.periods,
    ringIds: r.ring_ids,
    deadline: r.deadline,
    status: r.status,
    isResultsForDeliverersOnly: r.is_results_for_deliverers_only,
    changeThresholdPercent: r.change_threshold_percent,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    batchId: r.batch_id,
    isDemo: r.is_demo,
  } satisfies CollectionRow
}

export async function listCollectionRows(db: Kysely<DB>): Promise<CollectionRow[]> {
  const rows = await selectCollections(db).orderBy('deadline', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toCollection)
}

export async function findCollectionRow(db: Kysely<DB>, id: number): Promise<CollectionRow | undefined> {
  const row = await selectCollections(db).where('id', '=', id).executeTakeFirst()
  return row && toCollection(row)
}

/** Locks the collection's row for the rest of the transaction (closing, submitting, reopening). */
export async function lockCollection(db: Kysely<DB>, id: number): Promise<void> {
  await sql`select 1 from data_collection where id = ${id} for update`.execute(db)
}

export async function insertCollection(
  db: Kysely<DB>,
  c: Omit<CollectionRow, 'id' | 'status' | 'closedAt' | 'batchId'> & { createdByUserId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('data_collection')
    .values({
      title: c.title,
      instructions: c.instructions,
      frequency: c.frequency,
      periods: JSON.stringify(c.periods),
      ring_ids: JSON.stringify(c.ringIds),
      deadline: c.deadline,
      is_results_for_deliverers_only: c.isResultsForDeliverersOnly,
      change_threshold_percent: c.changeThresholdPercent,
      created_by_user_id: c.createdByUserId,
      created_at: c.createdAt,
      is_demo: c.isDemo,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertCollectionIndicators(
  db: Kysely<DB>,
  collectionId: number,
  indicators: readonly { indicatorId: number; figureCode: string | null }[],
): Promise<void> {
  await db
    .insertInto('data_collection_indicator')
    .values(
      indicators.map((i, position) => ({
        collection_id: collectionId,
        indicator_id: i.indicatorId,
        position,
        figure_code: i.figureCode,
      })),
    )
    .execute()
}

export async function insertCollectionMembers(
  db: Kysely<DB>,
  collectionId: number,
  organisationIds: readonly number[],
): Promise<void> {
  if (organisationIds.length === 0) return
  await db
    .insertInto('data_collection_member')
    .values(
      organisationIds.map((organisationId) => ({
        collection_id: collectionId,
        organisation_id: organisationId,
      })),
    )
    .execute()
}

/** The indicators of the given collections, in their order, by collection id. */
export async function listCollectionIndicators(
  db: Kysely<DB>,
  collectionIds: readonly number[],
): Promise<Map<number, CollectionIndicatorRow[]>> {
  const result = new Map<number, CollectionIndicatorRow[]>(collectionIds.map((id) => [id, []]))
  if (collectionIds.length === 0) return result
  const rows = await db
    .selectFrom('data_collection_indicator as ci')
    .innerJoin('indicator as i', 'i.id', 'ci.indicator_id')
    .select([
      'ci.collection_id',
      'ci.figure_code',
      'i.id',
      'i.code',
      'i.name_de',
      'i.name_en',
      'i.unit',
      'i.definition_de',
      'i.definition_en',
      'i.allowed_min',
      'i.allowed_max',
      'i.polarity',
      'i.breakdowns',
      'i.is_own',
    ])
    .where('ci.collection_id', 'in', collectionIds)
    .orderBy('ci.collection_id')
    .orderBy('ci.position')
    .execute()
  for (const r of rows)
    result.get(r.collection_id)!.push({
      id: r.id,
      code: r.code,
      nameDe: r.name_de,
      nameEn: r.name_en,
      unit: r.unit,
      definitionDe: r.definition_de,
      definitionEn: r.definition_en,
      allowedMin: r.allowed_min,
      allowedMax: r.allowed_max,
      polarity: r.polarity ?? 'neutral',
      breakdowns: r.breakdowns,
      isOwn: r.is_own,
      figureCode: r.figure_code,
    })
  return result
}

export async function listClosedCollectionIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('data_collection').select('id').where('status', '=', 'closed').execute()
  return rows.map((r) => r.id)
}

/** Collection ids whose indicators belong with a key figure. */
export async function findCollectionIdsForFigure(db: Kysely<DB>, figureCode: string): Promise<number[]> {
  const rows = await db
    .selectFrom('data_collection_indicator')
    .select('collection_id')
    .distinct()
    .where('figure_code', '=', figureCode)
    .execute()
  return rows.map((r) => r.collection_id)
}

/** The organisations asked by the given collections, by collection id (ordered by name). */
export async function listCollectionMembers(
  db: Kysely<DB>,
  collectionIds: readonly number[],
): Promise<Map<number, CollectionMemberRow[]>> {
  const result = new Map<number, CollectionMemberRow[]>(collectionIds.map((id) => [id, []]))
  if (collectionIds.length === 0) return result
  const rows = await db
    .selectFrom('data_collection_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.collection_id', 'm.organisation_id', 'o.name', 'm.status', 'm.submitted_at', 'm.reminded_at'])
    .where('m.collection_id', 'in', collectionIds)
    .orderBy('o.name')
    .execute()
  for (const r of rows)
    result.get(r.collection_id)!.push({
      organisationId: r.organisation_id,
      name: r.name,
      status: r.status,
      submittedAt: r.submitted_at,
      remindedAt: r.reminded_at,
    })
  return result
}

export async function listEntries(
  db: Kysely<DB>,
  options: { collectionId: number; organisationIds?: readonly number[] },
): Promise<EntryRow[]> {
  if (options.organisationIds?.length === 0) return []
  const rows = await db
    .selectFrom('data_collection_entry')
    .select(['organisation_id', 'indicator_id', 'period', 'breakdown', 'value', 'comment'])
    .where('collection_id', '=', options.collectionId)
    .$if(options.organisationIds !== undefined, (qb) =>
      qb.where('organisation_id', 'in', options.organisationIds!),
    )
    .orderBy('organisation_id')
    .execute()
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    indicatorId: r.indicator_id,
    period: r.period,
    breakdown: r.breakdown,
    value: r.value,
    comment: r.comment,
  }))
}

/** Replaces the cells of one organisation's form with the given ones (a form is saved whole). */
export async function replaceEntries(
  db: Kysely<DB>,
  options: {
    collectionId: number
    organisationId: number
    entries: readonly Omit<EntryRow, 'organisationId'>[]
    userId: number | null
    now: Date
  },
): Promise<void> {
  await db
    .deleteFrom('data_collection_entry')
    .where('collection_id', '=', options.collectionId)
    .where('organisation_id', '=', options.organisationId)
    .execute()
  if (options.entries.length === 0) return
  await db
    .insertInto('data_collection_entry')
    .values(
      options.entries.map((e) => ({
        collection_id: options.collectionId,
        organisation_id: options.organisationId,
        indicator_id: e.indicatorId,
        period: e.period,
        breakdown: e.breakdown,
        value: e.value,
        comment: e.comment,
        updated_by_user_id: options.userId,
        updated_at: options.now,
      })),
    )
    .execute()
}

export async function updateMemberStatus(
  db: Kysely<DB>,
  options: {
    collectionId: number
    organisationId: number
    status: CollectionMemberStatus
    submittedByUserId?: number | null
    at: Date
  },
): Promise<void> {
  await db
    .updateTable('data_collection_member')
    .set({
      status: options.status,
      submitted_at: options.status === 'submitted' ? options.at : null,
      submitted_by_user_id: options.status === 'submitted' ? (options.submittedByUserId ?? null) : null,
    })
    .where('collection_id', '=', options.collectionId)
    .where('organisation_id', '=', options.organisationId)
    .execute()
}

export async function markReopened(db: Kysely<DB>, collectionId: number, organisationId: number, at: Date) {
  await db
    .updateTable('data_collection_member')
    .set({ status: 'draft', submitted_at: null, submitted_by_user_id: null, reopened_at: at })
    .where('collection_id', '=', collectionId)
    .where('organisation_id', '=', organisationId)
    .execute()
}

/** Marks the given organisations reminded now; returns how many were. */
export async function markReminded(
  db: Kysely<DB>,
  options: { collectionId: number; organisationIds: readonly number[]; at: Date },
): Promise<number> {
  if (options.organisationIds.length === 0) return 0
  const result = await db
    .updateTable('data_collection_member')
    .set({ reminded_at: options.at })
    .where('collection_id', '=', options.collectionId)
    .where('organisation_id', 'in', options.organisationIds)
    .where('status', '<>', 'submitted')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function markClosed(
  db: Kysely<DB>,
  options: { collectionId: number; at: Date; batchId: number | null },
): Promise<void> {
  await db
    .updateTable('data_collection')
    .set({ status: 'closed', closed_at: options.at, batch_id: options.batchId })
    .where('id', '=', options.collectionId)
    .execute()
}

/** The current observations of the given indicators and periods (ISO start days) of organisations. */
export async function findCurrentValues(
  db: Kysely<DB>,
  options: { indicatorIds: readonly number[]; days: readonly string[]; organisationIds: readonly number[] },
): Promise<{ organisationId: number; indicatorId: number; day: string; breakdown: string; value: number }[]> {
  if (options.indicatorIds.length === 0 || options.days.length === 0 || options.organisationIds.length === 0)
    return []
  const rows = await db
    .selectFrom('observation')
    .select(['organisation_id', 'indicator_id', 'period', 'breakdown', 'value'])
    .where('is_current', '=', true)
    .where('indicator_id', 'in', options.indicatorIds)
    .where('period', 'in', options.days)
    .where('organisation_id', 'in', options.organisationIds)
    .where('value', 'is not', null)
    .execute()
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    indicatorId: r.indicator_id,
    day: r.period,
    breakdown: r.breakdown,
    value: r.value!,
  }))
}

/** Organisations asked by a network-wide collection: members of a network or a ring on the day. */
export async function findNetworkOrganisationIds(db: Kysely<DB>, at: string): Promise<number[]> {
  const rows = await sql<{ organisation_id: number }>`
    select organisation_id from network_membership
     where valid_from <= ${at} and (valid_to is null or valid_to >= ${at})
    union
    select m.organisation_id from ring_membership m join ring r on r.id = m.ring_id
     where m.valid_from <= ${at} and (m.valid_to is null or m.valid_to >= ${at})
       and r.valid_from <= ${at} and (r.valid_to is null or r.valid_to >= ${at})
  `.execute(db)
  return rows.rows.map((r) => r.organisation_id).sort((a, b) => a - b)
}

/** Members of the given rings on the day. */
export async function findRingOrganisationIds(
  db: Kysely<DB>,
  options: { ringIds: readonly number[]; at: string },
): Promise<number[]> {
  if (options.ringIds.length === 0) return []
  const rows = await db
    .selectFrom('ring_membership')
    .select('organisation_id')
    .distinct()
    .where('ring_id', 'in', options.ringIds)
    .where(validOn(null, options.at))
    .execute()
  return rows.map((r) => r.organisation_id).sort((a, b) => a - b)
}

export async function findRings(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return []
  return db.selectFrom('ring').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('code').execute()
}

export async function findIndicatorsByCode(db: Kysely<DB>, codes: readonly string[]) {
  if (codes.length === 0) return []
  return db
    .selectFrom('indicator')
    .select(['id', 'code', 'is_own', 'frequency'])
    .where('code', 'in', codes)
    .execute()
}

export async function insertOwnIndicator(
  db: Kysely<DB>,
  i: Omit<IndicatorRow, 'id' | 'kind' | 'source' | 'licence' | 'confidentiality'> & {
    allowedMin: number | null
    allowedMax: number | null
    polarity: IndicatorPolarity
  },
): Promise<number> {
  const row = await db
    .insertInto('indicator')
    .values({
      ...indicatorColumns({
        ...i,
        kind: 'raw',
        source: 'Erhebung im Benchlearning-Netzwerk / network data collection',
        licence: '',
      }),
      is_own: true,
      // Delivered by the members: confidential to the network, whatever the form says.
      confidentiality: 'network',
      allowed_min: i.allowedMin,
      allowed_max: i.allowedMax,
      polarity: i.polarity,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
