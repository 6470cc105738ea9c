/** SQL of the self-assessment. Plain functions taking `db` first, so they work in a transaction. */
import type { Kysely } from 'kysely'
import type { DB, ScaleLevel } from '../../db/schema'

export interface CycleRow {
  id: number
  networkId: number
  code: string
  name: string
  startsOn: string
  endsOn: string
  scaleMin: number
  scaleMax: number
  scaleLevels: ScaleLevel[]
  isDemo: boolean
}

export interface AreaRow {
  id: number
  cycleId: number
  code: string
  position: number
  nameDe: string
  nameEn: string
  descriptionDe: string
  descriptionEn: string
}

export interface ResponseRow {
  areaCode: string
  organisationId: number
  score: number
  evidenceNote: string
  answeredAt: Date
}

export async function listCycleRows(
  db: Kysely<DB>,
  options: { networkId?: number } = {},
): Promise<CycleRow[]> {
  const rows = await db
    .selectFrom('self_assessment_cycle')
    .selectAll()
    .$if(options.networkId !== undefined, (qb) => qb.where('network_id', '=', options.networkId!))
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    networkId: r.network_id,
    code: r.code,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    scaleMin: r.scale_min,
    scaleMax: r.scale_max,
    scaleLevels: r.scale_levels,
    isDemo: r.is_demo,
  }))
}

export async function listAreaRows(db: Kysely<DB>, cycleIds: readonly number[]): Promise<AreaRow[]> {
  if (cycleIds.length === 0) return []
  const rows = await db
    .selectFrom('self_assessment_area')
    .selectAll()
    .where('cycle_id', 'in', [...cycleIds])
    .orderBy('cycle_id')
    .orderBy('position')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    code: r.code,
    position: r.position,
    nameDe: r.name_de,
    nameEn: r.name_en,
    descriptionDe: r.description_de,
    descriptionEn: r.description_en,
  }))
}

export async function insertCycle(
  db: Kysely<DB>,
  cycle: Omit<CycleRow, 'id' | 'isDemo'> & { isDemo?: boolean; now: Date },
): Promise<number> {
  const row = await db
    .insertInto('self_assessment_cycle')
    .values({
      network_id: cycle.networkId,
      code: cycle.code,
      name: cycle.name,
      starts_on: cycle.startsOn,
      ends_on: cycle.endsOn,
      scale_min: cycle.scaleMin,
      scale_max: cycle.scaleMax,
      scale_levels: JSON.stringify(cycle.scaleLevels),
      is_demo: cycle.isDemo ?? false,
      created_at: cycle.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateCycleRow(
  db: Kysely<DB>,
  id: number,
  changes: {
    name?: string
    startsOn?: string
    endsOn?: string
    scale?: { min: number; max: number; levels: ScaleLevel[] }
  },
): Promise<void> {
  await db
    .updateTable('self_assessment_cycle')
    .set({
      name: changes.name,
      starts_on: changes.startsOn,
      ends_on: changes.endsOn,
      ...(changes.scale
        ? {
            scale_min: changes.scale.min,
            scale_max: changes.scale.max,
            scale_levels: JSON.stringify(changes.scale.levels),
          }
        : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Writes the areas of a cycle: updates by code, inserts new codes, deletes codes no longer listed. */
export async function saveAreas(
  db: Kysely<DB>,
  cycleId: number,
  areas: readonly Omit<AreaRow, 'id' | 'cycleId' | 'position'>[],
): Promise<void> {
  const codes = areas.map((a) => a.code)
  await db
    .deleteFrom('self_assessment_area')
    .where('cycle_id', '=', cycleId)
    .$if(codes.length > 0, (qb) => qb.where('code', 'not in', codes))
    .execute()
  for (const [position, area] of areas.entries()) {
    const texts = {
      position,
      name_de: area.nameDe,
      name_en: area.nameEn,
      description_de: area.descriptionDe,
      description_en: area.descriptionEn,
    }
    await db
      .insertInto('self_assessment_area')
      .values({ cycle_id: cycleId, code: area.code, ...texts })
      .onConflict((oc) => oc.columns(['cycle_id', 'code']).doUpdateSet(texts))
      .execute()
  }
}

export async function listResponses(
  db: Kysely<DB>,
  options: { cycleId: number; organisationIds?: readonly number[] },
): Promise<ResponseRow[]> {
  if (options.organisationIds && options.organisationIds.length === 0) return []
  const rows = await db
    .selectFrom('self_assessment_response as r')
    .innerJoin('self_assessment_area as a', 'a.id', 'r.area_id')
    .select(['a.code', 'r.organisation_id', 'r.score', 'r.evidence_note', 'r.answered_at'])
    .where('r.cycle_id', '=', options.cycleId)
    .$if(options.organisationIds !== undefined, (qb) =>
      qb.where('r.organisation_id', 'in', [...options.organisationIds!]),
    )
    .orderBy('r.organisation_id')
    .orderBy('a.position')
    .execute()
  return rows.map((r) => ({
    areaCode: r.code,
    organisationId: r.organisation_id,
    score: r.score,
    evidenceNote: r.evidence_note,
    answeredAt: r.answered_at,
  }))
}

export async function countRespondents(db: Kysely<DB>, cycleId: number): Promise<number> {
  const row = await db
    .selectFrom('self_assessment_response')
    .select((eb) => eb.fn.count<number>('organisation_id').distinct().as('n'))
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function upsertResponse(
  db: Kysely<DB>,
  response: {
    cycleId: number
    areaId: number
    organisationId: number
    score: number
    evidenceNote: string
    answeredByUserId: number | null
    now: Date
  },
): Promise<void> {
  const answer = {
    score: response.score,
    evidence_note: response.evidenceNote,
    answered_by_user_id: response.answeredByUserId,
    answered_at: response.now,
  }
  await db
    .insertInto('self_assessment_response')
    .values({
      cycle_id: response.cycleId,
      area_id: response.areaId,
      organisation_id: response.organisationId,
      ...answer,
    })
    .onConflict((oc) => oc.columns(['area_id', 'organisation_id']).doUpdateSet(answer))
    .execute()
}
