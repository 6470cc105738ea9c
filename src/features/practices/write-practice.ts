/**
 * Writing practice cards, their attachments and adoptions. Every write is one transaction with its
 * audit entry.
 */
import type { Kysely } from 'kysely'
import { forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import { UPLOAD_LIMITS } from '../../core/limits/input-limits'
import {
  canEditPractice,
  canReadPractice,
  canRecordAdoption,
} from '../../core/benchlearning/practice-permissions'
import type { Viewer } from '../../core/permissions'
import type {
  AdoptPracticeRequest,
  CreatePracticeRequest,
  UpdatePracticeRequest,
} from '../../contracts/practices'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit, type AuditActor, type AuditEntry } from '../audit/record-audit'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { loadConfidentiality } from '../networks/load-confidentiality'
import {
  deleteAttachmentRow,
  deletePracticeRow,
  findPracticeById,
  insertAdoption,
  insertAttachment,
  insertPractice,
  replacePracticeLinks,
  updatePracticeRow,
  type PracticeRow,
} from './practice.repository'
import { isoDate } from '../../core/periods/dates'
import { notifyNewPractice } from './notify-new-practice'

/** Attachments are handouts and flyers, not archives: the database keeps them. */
export const MAX_ATTACHMENT_BYTES = UPLOAD_LIMITS.attachmentMaxBytes
/** Types a browser shows or downloads safely; anything else would be served as an opaque download anyway. */
export const ALLOWED_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]

interface WriteContext {
  viewer: Viewer
  actor: AuditActor
  now: Date
  ip?: string | null
}

/** Records a write in the audit log as done by the context's actor, from its address, at its time. */
function audit(db: Kysely<DB>, context: WriteContext, entry: Omit<AuditEntry, 'actor' | 'ip' | 'at'>) {
  return recordAudit(db, { ...entry, actor: context.actor, ip: context.ip, at: context.now })
}

async function checkFigureCodes(db: Kysely<DB>, codes: readonly string[]): Promise<string[]> {
  const upper = [...new Set(codes.map((c) => c.toUpperCase()))]
  if (upper.length === 0) return []
  const known = new Set(
    (await db.selectFrom('kpi_definition').select('code').where('code', 'in', upper).execute()).map(
      (r) => r.code,
    ),
  )
  const unknown = upper.filter((c) => !known.has(c))
  if (unknown.length > 0)
    throw invalidInput(`figureCodes: unknown key figure(s) ${unknown.join(', ')}`, [
      ...unknown.map((c) => ({ field: 'figureCodes', value: c, message: 'no key figure with this code' })),
    ])
  return upper
}

/** The fields of a practice that a create or update request writes as they are. */
type WrittenAsGiven =
  'title' | 'problem' | 'approach' | 'resources' | 'results' | 'contact' | 'visibility' | 'status'
function writtenAsGiven<R extends CreatePracticeRequest | UpdatePracticeRequest>(
  request: R,
): Pick<R, WrittenAsGiven> {
  const { title, problem, approach, resources, results, contact, visibility, status } = request
  return { title, problem, approach, resources, results, contact, visibility, status }
}

/** The organisation a caller writes for: members their own, network roles the one they name (and may act for). */
async function resolveActingOrganisation(
  db: Kysely<DB>,
  context: WriteContext,
  requested: number | undefined,
  field: string,
): Promise<number> {
  const { viewer } = context
  if (viewer.role === 'admin' || viewer.role === 'moderator') {
    const id = requested ?? viewer.organisationId
    if (id === null || id === undefined)
      throw invalidInput(`${field}: name the organisation you act for`, [{ field, message: 'required' }])
    const exists = await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst()
    if (!exists) throw notFound(`${field}: no organisation ${id}`)
    const confidentiality = await loadConfidentiality(db, isoDate(context.now))
    if (confidentiality.visibilityOf(viewer, id) !== 'full')
      throw forbidden(`${field}: organisation ${id} is outside the rings you moderate`)
    return id
  }
  if (viewer.organisationId === null) throw forbidden('your account belongs to no organisation')
  if (requested !== undefined && requested !== viewer.organisationId)
    throw forbidden(`${field}: you act only for your own organisation`)
  return viewer.organisationId
}

export async function createPractice(
  database: Database,
  options: WriteContext & { request: CreatePracticeRequest },
): Promise<number> {
  const { request, viewer } = options
  if (viewer.role === 'viewer') throw forbidden('viewers do not write practice cards')
  return database.transaction(async ({ db }) => {
    const organisationId = await resolveActingOrganisation(
      db,
      options,
      request.organisationId,
      'organisationId',
    )
    const rings =
      (await findOrganisationRings(db, { at: isoDate(options.now), ids: [organisationId] })).get(
        organisationId,
      )?.rings ?? []
    if (request.ringId !== undefined && !rings.some((r) => r.id === request.ringId))
      throw invalidInput(`ringId: organisation ${organisationId} is not in ring ${request.ringId} today`, [
        { field: 'ringId', value: String(request.ringId), message: 'not a ring of the organisation' },
      ])
    const ringId = request.ringId ?? rings[0]?.id ?? null
    if (request.visibility === 'ring' && ringId === null)
      throw invalidInput("visibility: 'ring' needs a ring, and the organisation is in none today", [
        { field: 'visibility', value: 'ring', message: "choose 'network' or 'public'" },
      ])
    const figureCodes = await checkFigureCodes(db, request.figureCodes)
    const id = await insertPractice(db, {
      ...writtenAsGiven(request),
      organisationId,
      authorUserId: viewer.userId,
      ringId,
      now: options.now,
    })
    await replacePracticeLinks(db, id, { topics: request.topics, figureCodes })
    if (request.status === 'published')
      await notifyNewPractice(
        db,
        { id, organisationId, ringId, authorUserId: viewer.userId, ...writtenAsGiven(request) },
        options.now,
      )
    await audit(db, options, {
      action: 'practice.create',
      entity: 'practice',
      entityId: id,
      after: { ...request, organisationId, ringId, figureCodes },
    })
    return id
  })
}

async function findEditablePractice(db: Kysely<DB>, viewer: Viewer, id: number): Promise<PracticeRow> {
  const row = await findPracticeById(db, id)
  if (!row) throw notFound(`no practice card ${id}`)
  if (!canEditPractice(viewer, row)) {
    // Readers learn that they may not edit; others do not learn that the card exists.
    throw row.status === 'published' && row.visibility !== 'ring'
      ? forbidden(`practice card ${id} belongs to another organisation`)
      : notFound(`no practice card ${id}`)
  }
  return row
}

export async function updatePractice(
  database: Database,
  options: WriteContext & { id: number; request: UpdatePracticeRequest },
): Promise<void> {
  const { request } = options
  await database.transaction(async ({ db }) => {
    const before = await findEditablePractice(db, options.viewer, options.id)
    if (request.visibility === 'ring' && before.ringId === null)
      throw invalidInput("visibility: 'ring' needs a ring, and the card has none", [
        { field: 'visibility', value: 'ring', message: "choose 'network' or 'public'" },
      ])
    const figureCodes = request.figureCodes ? await checkFigureCodes(db, request.figureCodes) : undefined
    // The first publication sets published_at; later edits keep it (the meeting pack lists new cards by it).
    const publishedAt =
      request.status === 'published' && before.status === 'draft'
        ? options.now
        : request.status === 'draft'
          ? null
          : undefined
    await updatePracticeRow(db, options.id, {
      ...writtenAsGiven(request),
      publishedAt,
      now: options.now,
    })
    await replacePracticeLinks(db, options.id, { topics: request.topics, figureCodes })
    if (publishedAt)
      await notifyNewPractice(
        db,
        {
          ...before,
          title: request.title ?? before.title,
          visibility: request.visibility ?? before.visibility,
        },
        options.now,
      )
    await audit(db, options, {
      action: 'practice.update',
      entity: 'practice',
      entityId: options.id,
      before: { ...before, rank: undefined },
      after: { ...request, figureCodes },
    })
  })
}

export async function deletePractice(
  database: Database,
  options: WriteContext & { id: number },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const before = await findEditablePractice(db, options.viewer, options.id)
    await deletePracticeRow(db, options.id)
    await audit(db, options, {
      action: 'practice.delete',
      entity: 'practice',
      entityId: options.id,
      before: { ...before, rank: undefined },
    })
  })
}

export async function addAttachment(
  database: Database,
  options: WriteContext & { practiceId: number; fileName: string; mimeType: string; content: Buffer },
): Promise<number> {
  const { content } = options
  if (content.length === 0)
    throw invalidInput('file: the file is empty', [{ field: 'file', message: 'empty' }])
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw invalidInput(`file: at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB per attachment`, [
      { field: 'file', value: String(content.length), message: 'too large' },
    ])
  const mimeType = options.mimeType.split(';')[0]!.trim().toLowerCase()
  if (!ALLOWED_ATTACHMENT_TYPES.includes(mimeType))
    throw invalidInput(
      `file: type ${mimeType} is not accepted (PDF, PNG, JPEG, text, CSV, Word, PowerPoint, Excel)`,
      [{ field: 'file', value: mimeType, message: 'type not accepted' }],
    )
  const fileName = options.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'attachment'
  return database.transaction(async ({ db }) => {
    await findEditablePractice(db, options.viewer, options.practiceId)
    const id = await insertAttachment(db, {
      practiceId: options.practiceId,
      fileName,
      mimeType,
      content,
      uploadedByUserId: options.viewer.userId,
      now: options.now,
    })
    await audit(db, options, {
      action: 'practice.attachment.add',
      entity: 'practice_attachment',
      entityId: id,
      after: { practiceId: options.practiceId, fileName, mimeType, sizeBytes: content.length },
    })
    return id
  })
}

export async function deleteAttachment(
  database: Database,
  options: WriteContext & { practiceId: number; attachmentId: number },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    await findEditablePractice(db, options.viewer, options.practiceId)
    const isDeleted = await deleteAttachmentRow(db, options)
    if (!isDeleted)
      throw notFound(`no attachment ${options.attachmentId} on practice card ${options.practiceId}`)
    await audit(db, options, {
      action: 'practice.attachment.delete',
      entity: 'practice_attachment',
      entityId: options.attachmentId,
      before: { practiceId: options.practiceId },
    })
  })
}

/** Records (or corrects) that an organisation adopted a published card, with the day it started. */
export async function adoptPractice(
  database: Database,
  options: WriteContext & { practiceId: number; request: AdoptPracticeRequest },
): Promise<number> {
  const { request, viewer } = options
  return database.transaction(async ({ db }) => {
    const practice = await findPracticeById(db, options.practiceId)
    if (!practice || !canReadPractice(viewer, practice))
      throw notFound(`no practice card ${options.practiceId}`)
    if (practice.status !== 'published')
      throw invalidInput('practice: only published cards can be adopted', [
        { field: 'practiceId', message: 'draft' },
      ])
    const organisationId = await resolveActingOrganisation(
      db,
      options,
      request.organisationId,
      'organisationId',
    )
    if (!canRecordAdoption(viewer, organisationId)) throw forbidden('you may not record adoptions')
    if (organisationId === practice.organisationId)
      throw invalidInput('organisationId: an organisation does not adopt its own practice', [
        { field: 'organisationId', value: String(organisationId), message: 'the card is its own' },
      ])
    if (request.startedOn > isoDate(options.now))
      throw invalidInput(`startedOn: ${request.startedOn} lies in the future`, [
        { field: 'startedOn', value: request.startedOn, message: 'not after today' },
      ])
    const id = await insertAdoption(db, {
      practiceId: practice.id,
      organisationId,
      startedOn: request.startedOn,
      note: request.note,
      createdByUserId: viewer.userId,
      now: options.now,
    })
    await audit(db, options, {
      action: 'practice.adopt',
      entity: 'practice_adoption',
      entityId: id,
      after: { practiceId: practice.id, organisationId, startedOn: request.startedOn, note: request.note },
    })
    return id
  })
}
