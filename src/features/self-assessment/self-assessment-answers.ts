/** Reading and saving one organisation's self-assessment answers. */
import { message } from '../../core/messages/text'
import type { Kysely } from 'kysely'
import { conflict, detail, forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { AnswerSheetDto, SaveAnswersRequest } from '../../contracts/self-assessment'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { listAreaRows, listCycleRows, listResponses, upsertResponse } from './self-assessment.repository'
import { isoDate } from '../../core/periods/dates'

/** Members answer for their own organisation; administrators may correct any organisation's answers. */
export function canAnswerFor(viewer: Viewer, organisationId: number): boolean {
  if (viewer.role === 'admin') return true
  return (
    (viewer.role === 'member_lead' || viewer.role === 'member_analyst') &&
    viewer.organisationId === organisationId
  )
}

/**
 * An organisation's answers with evidence notes: the own organisation in full, ring peers by name
 * or under their pseudonym (as the ring shares), others not at all (not_found).
 */
export async function readAnswers(
  db: Kysely<DB>,
  options: { viewer: Viewer; cycleId: number; organisationId?: number; at: string },
): Promise<AnswerSheetDto> {
  const { viewer } = options
  const organisationId = options.organisationId ?? viewer.organisationId
  if (organisationId === null || organisationId === undefined)
    throw invalidInput(message('selfAssessment.noOrganisation'), [
      detail(message('selfAssessment.required'), { field: 'org' }),
    ])
  const cycle = (await listCycleRows(db)).find((c) => c.id === options.cycleId)
  if (!cycle) throw notFound(message('cycle.unknown', { cycle: options.cycleId, codes: '–' }))
  const confidentiality = await loadConfidentiality(db, options.at)
  const visibility = confidentiality.visibilityOf(viewer, organisationId)
  if (visibility === 'none') throw notFound(message('selfAssessment.notVisible'))
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', '=', organisationId)
    .executeTakeFirst()
  if (!org) throw notFound(message('selfAssessment.notVisible'))
  const pseudonym =
    visibility === 'pseudonymised' ? confidentiality.pseudonymFor(viewer, organisationId) : undefined
  const responses = await listResponses(db, { cycleId: cycle.id, organisationIds: [organisationId] })
  return {
    cycleId: cycle.id,
    organisation: pseudonym
      ? { id: pseudonym.id, name: pseudonym.name, isPseudonymised: true, isOwn: false }
      : { id: org.id, name: org.name, isPseudonymised: false, isOwn: viewer.organisationId === org.id },
    answers: responses.map((r) => ({
      areaCode: r.areaCode,
      score: r.score,
      evidenceNote: r.evidenceNote,
      answeredAt: r.answeredAt.toISOString(),
    })),
    // The same rule as saveAnswers: members while the cycle runs, administrators also afterwards.
    canEdit:
      canAnswerFor(viewer, organisationId) &&
      (viewer.role === 'admin' || (options.at >= cycle.startsOn && options.at <= cycle.endsOn)),
  }
}

/**
 * Saves answers (score and evidence note per area) in one transaction. Members answer while the
 * cycle runs (start to end date); administrators may also correct afterwards.
 */
export async function saveAnswers(
  database: Database,
  options: {
    viewer: Viewer
    cycleId: number
    request: SaveAnswersRequest
    actor: AuditActor
    now: Date
    ip?: string | null
  },
): Promise<number> {
  const { viewer, request } = options
  const organisationId = request.organisationId ?? viewer.organisationId
  if (organisationId === null || organisationId === undefined)
    throw invalidInput(message('selfAssessment.noOrganisation'), [
      detail(message('selfAssessment.required'), { field: 'organisationId' }),
    ])
  if (!canAnswerFor(viewer, organisationId)) throw forbidden(message('selfAssessment.ownOrganisationOnly'))
  return database.transaction(async ({ db }) => {
    const cycle = (await listCycleRows(db)).find((c) => c.id === options.cycleId)
    if (!cycle) throw notFound(message('cycle.unknown', { cycle: options.cycleId, codes: '–' }))
    const today = isoDate(options.now)
    if (viewer.role !== 'admin' && (today < cycle.startsOn || today > cycle.endsOn))
      throw conflict(
        message('selfAssessment.closed', {
          cycle: cycle.code,
          startsOn: cycle.startsOn,
          endsOn: cycle.endsOn,
        }),
      )
    const areas = new Map((await listAreaRows(db, [cycle.id])).map((a) => [a.code, a]))
    const seen = new Set<string>()
    for (const [i, answer] of request.answers.entries()) {
      const field = `answers.${i}`
      const area = areas.get(answer.areaCode)
      if (!area)
        throw invalidInput(
          message('selfAssessment.unknownArea', { area: answer.areaCode, cycle: cycle.code }),
          [
            detail(message('selfAssessment.oneOf', { codes: [...areas.keys()].join(', ') }), {
              field: `${field}.areaCode`,
              value: answer.areaCode,
            }),
          ],
        )
      if (seen.has(answer.areaCode))
        throw invalidInput(message('selfAssessment.answeredTwice', { area: answer.areaCode }), [
          detail(message('selfAssessment.answeredTwice', { area: answer.areaCode }), {
            field: `${field}.areaCode`,
            value: answer.areaCode,
          }),
        ])
      seen.add(answer.areaCode)
      const outsideScale = message('selfAssessment.outsideScale', {
        score: answer.score,
        min: cycle.scaleMin,
        max: cycle.scaleMax,
      })
      if (answer.score < cycle.scaleMin || answer.score > cycle.scaleMax)
        throw invalidInput(outsideScale, [
          detail(outsideScale, { field: `${field}.score`, value: String(answer.score) }),
        ])
      await upsertResponse(db, {
        cycleId: cycle.id,
        areaId: area.id,
        organisationId,
        score: answer.score,
        evidenceNote: answer.evidenceNote,
        answeredByUserId: viewer.userId,
        now: options.now,
      })
    }
    await recordAudit(db, {
      actor: options.actor,
      action: 'self_assessment.answer',
      entity: 'self_assessment_response',
      entityId: `${cycle.id}:${organisationId}`,
      after: { cycleId: cycle.id, organisationId, answers: request.answers },
      ip: options.ip,
      at: options.now,
    })
    return organisationId
  })
}
