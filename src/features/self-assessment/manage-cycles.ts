/** Self-assessment cycles: the template (enabler areas, maturity scale) per cycle. */
import type { Kysely } from 'kysely'
import { conflict, detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type {
  CreateCycleRequest,
  CycleDto,
  ScaleDto,
  UpdateCycleRequest,
} from '../../contracts/self-assessment'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { DEFAULT_SCALE, PES_ENABLER_AREAS } from './default-template'
import {
  countRespondents,
  insertCycle,
  listAreaRows,
  listCycleRows,
  saveAreas,
  updateCycleRow,
  type CycleRow,
} from './self-assessment.repository'

function checkScale(scale: ScaleDto): void {
  if (scale.max <= scale.min || scale.max - scale.min > 10)
    throw invalidInput(message('cycle.scaleRange', { min: scale.min }), [
      detail(message('cycle.scaleRange', { min: scale.min }), {
        field: 'scale.max',
        value: String(scale.max),
      }),
    ])
  const expected = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i)
  const given = scale.levels.map((l) => l.level)
  if (given.length !== expected.length || !expected.every((level, i) => given[i] === level))
    throw invalidInput(message('cycle.scaleLevels', { expected: expected.join(', ') }), [
      detail(message('cycle.scaleLevels', { expected: expected.join(', ') }), {
        field: 'scale.levels',
        value: given.join(','),
      }),
    ])
}

function checkAreaCodes(areas: readonly { code: string }[]): void {
  const seen = new Set<string>()
  for (const a of areas) {
    if (seen.has(a.code))
      throw invalidInput(message('cycle.areaTwice', { code: a.code }), [
        detail(message('cycle.areaTwice', { code: a.code }), { field: 'areas.code', value: a.code }),
      ])
    seen.add(a.code)
  }
}

export async function listCycles(db: Kysely<DB>): Promise<CycleDto[]> {
  const cycles = await listCycleRows(db)
  const areas = await listAreaRows(
    db,
    cycles.map((c) => c.id),
  )
  const result: CycleDto[] = []
  for (const c of cycles) {
    const previous = findPreviousCycle(cycles, c)
    result.push({
      id: c.id,
      code: c.code,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      scale: { min: c.scaleMin, max: c.scaleMax, levels: c.scaleLevels },
      areas: areas
        .filter((a) => a.cycleId === c.id)
        .map((a) => ({
          code: a.code,
          nameDe: a.nameDe,
          nameEn: a.nameEn,
          descriptionDe: a.descriptionDe,
          descriptionEn: a.descriptionEn,
        })),
      previousCycle: previous ? { id: previous.id, code: previous.code } : null,
      respondentCount: await countRespondents(db, c.id),
      isDemo: c.isDemo,
    })
  }
  return result
}

/** The cycle before this one in the same network (by start date): its answers give the change. */
export function findPreviousCycle(cycles: readonly CycleRow[], cycle: CycleRow): CycleRow | undefined {
  return cycles
    .filter((c) => c.networkId === cycle.networkId && c.startsOn < cycle.startsOn)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1))[0]
}

/** A cycle by id or code; the latest (by start) when `key` is absent. */
export async function resolveCycle(db: Kysely<DB>, key: string | number | undefined): Promise<CycleRow> {
  const cycles = await listCycleRows(db)
  if (key === undefined || key === '') {
    const latest = cycles[cycles.length - 1]
    if (!latest) throw notFound(message('cycle.none'))
    return latest
  }
  const text = String(key)
  const found =
    cycles.find((c) => c.code === text) ??
    (/^\d+$/.test(text) ? cycles.find((c) => c.id === Number(text)) : undefined)
  if (!found)
    throw notFound(
      message('cycle.unknown', { cycle: text, codes: cycles.map((c) => c.code).join(', ') || '–' }),
    )
  return found
}

export async function createCycle(
  database: Database,
  options: {
    request: CreateCycleRequest
    actor: AuditActor
    now: Date
    ip?: string | null
    isDemo?: boolean
  },
): Promise<number> {
  const { request } = options
  const scale = request.scale ?? DEFAULT_SCALE
  const areas = request.areas ?? PES_ENABLER_AREAS
  checkScale(scale)
  checkAreaCodes(areas)
  if (request.endsOn < request.startsOn)
    throw invalidInput(message('cycle.endsBeforeStart', { startsOn: request.startsOn }), [
      detail(message('cycle.endsBeforeStart', { startsOn: request.startsOn }), {
        field: 'endsOn',
        value: request.endsOn,
      }),
    ])
  return database.transaction(async ({ db }) => {
    const networkId =
      request.networkId ?? (await db.selectFrom('network').select('id').orderBy('id').executeTakeFirst())?.id
    if (networkId === undefined) throw notFound(message('cycle.noNetwork'))
    const exists = await db
      .selectFrom('self_assessment_cycle')
      .select('id')
      .where('network_id', '=', networkId)
      .where('code', '=', request.code)
      .executeTakeFirst()
    if (exists)
      throw conflict(message('cycle.codeExists', { code: request.code }), [
        detail(message('cycle.codeExists', { code: request.code }), { field: 'code', value: request.code }),
      ])
    const id = await insertCycle(db, {
      networkId,
      code: request.code,
      name: request.name,
      startsOn: request.startsOn,
      endsOn: request.endsOn,
      scaleMin: scale.min,
      scaleMax: scale.max,
      scaleLevels: scale.levels.map((l) => ({
        ...l,
        descriptionDe: l.descriptionDe ?? '',
        descriptionEn: l.descriptionEn ?? '',
      })),
      isDemo: options.isDemo,
      now: options.now,
    })
    await saveAreas(db, id, areas)
    await recordAudit(db, {
      actor: options.actor,
      action: 'self_assessment.cycle.create',
      entity: 'self_assessment_cycle',
      entityId: id,
      after: { ...request, scale, areas },
      ip: options.ip,
      at: options.now,
    })
    return id
  })
}

/**
 * Changes a cycle's template. Once answers exist, the scale stays (answers on another scale would
 * change meaning) and areas with answers stay; names, descriptions and new areas are fine.
 */
export async function updateCycle(
  database: Database,
  options: { id: number; request: UpdateCycleRequest; actor: AuditActor; now: Date; ip?: string | null },
): Promise<void> {
  const { request } = options
  if (request.scale) checkScale(request.scale)
  if (request.areas) checkAreaCodes(request.areas)
  await database.transaction(async ({ db }) => {
    const before = (await listCycleRows(db)).find((c) => c.id === options.id)
    if (!before) throw notFound(message('cycle.unknown', { cycle: options.id, codes: '–' }))
    const answered = await db
      .selectFrom('self_assessment_response as r')
      .innerJoin('self_assessment_area as a', 'a.id', 'r.area_id')
      .select('a.code')
      .distinct()
      .where('r.cycle_id', '=', options.id)
      .execute()
    const scaleChanged =
      request.scale !== undefined &&
      (request.scale.min !== before.scaleMin || request.scale.max !== before.scaleMax)
    if (scaleChanged && answered.length > 0)
      throw conflict(message('cycle.scaleFixed'), [detail(message('cycle.scaleFixed'), { field: 'scale' })])
    if (request.areas) {
      const kept = new Set(request.areas.map((a) => a.code))
      const dropped = answered.map((a) => a.code).filter((code) => !kept.has(code))
      if (dropped.length > 0)
        throw conflict(message('cycle.areaAnswered', { code: dropped.join(', ') }), [
          ...dropped.map((code) =>
            detail(message('cycle.areaAnswered', { code }), { field: 'areas', value: code }),
          ),
        ])
    }
    const startsOn = request.startsOn ?? before.startsOn
    const endsOn = request.endsOn ?? before.endsOn
    if (endsOn < startsOn)
      throw invalidInput(message('cycle.endsBeforeStart', { startsOn }), [
        detail(message('cycle.endsBeforeStart', { startsOn }), { field: 'endsOn', value: endsOn }),
      ])
    await updateCycleRow(db, options.id, {
      name: request.name,
      startsOn: request.startsOn,
      endsOn: request.endsOn,
      scale: request.scale
        ? {
            ...request.scale,
            levels: request.scale.levels.map((l) => ({
              ...l,
              descriptionDe: l.descriptionDe ?? '',
              descriptionEn: l.descriptionEn ?? '',
            })),
          }
        : undefined,
    })
    if (request.areas) await saveAreas(db, options.id, request.areas)
    await recordAudit(db, {
      actor: options.actor,
      action: 'self_assessment.cycle.update',
      entity: 'self_assessment_cycle',
      entityId: options.id,
      before,
      after: request,
      ip: options.ip,
      at: options.now,
    })
  })
}
