/**
 * Writing practice cards, their attachments and adoptions. Every write is one transaction with its
 * audit entry.
 */
import type { Kysely } from 'kysely'
import { detail, forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
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
    throw invalidInput(message('practice.unknownFigures', { codes: unknown.join(', ') }), [
      ...unknown.map((c) => detail(message('practice.noSuchFigure'), { field: 'figureCodes', value: c })),
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
      throw invalidInput(message('practice.nameOrganisation'), [
        detail(message('practice.required'), { field }),
      ])
    const exists = await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst()
    if (!exists) throw notFound(message('practice.noOrganisation', { id }))
    const confidentiality = await loadConfidentiality(db, isoDate(context.now))
    if (confidentiality.visibilityOf(viewer, id) !== 'full')
      throw forbidden(message('practice.outsideRings', { id }))
    return id
  }
  if (viewer.organisationId === null) throw forbidden(message('practice.accountWithoutOrganisation'))
  if (requested !== undefined && requested !== viewer.organisationId)
    throw forbidden(message('practice.ownOrganisationOnly'))
  return viewer.organisationId
}

export async function createPractice(
  database: Database,
  options: WriteContext & { request: CreatePracticeRequest },
): Promise<number> {
  const { request, viewer } = options
  if (viewer.role === 'viewer') throw forbidden(message('practice.viewersDoNotWrite'))
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
      throw invalidInput(
        message('practice.notInRing', { organisation: organisationId, ring: request.ringId }),
        [
          detail(message('practice.notARingOfOrganisation'), {
            field: 'ringId',
            value: String(request.ringId),
          }),
        ],
      )
    const ringId = request.ringId ?? rings[0]?.id ?? null
    if (request.visibility === 'ring' && ringId === null)
      throw invalidInput(message('practice.ringNeededOrganisation'), [
        detail(message('practice.chooseNetworkOrPublic'), { field: 'visibility', value: 'ring' }),
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
  if (!row) throw notFound(message('practice.none', { id }))
  if (!canEditPractice(viewer, row)) {
    // Readers learn that they may not edit; others do not learn that the card exists.
    throw row.status === 'published' && row.visibility !== 'ring'
      ? forbidden(message('practice.otherOrganisation', { id }))
      : notFound(message('practice.none', { id }))
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
      throw invalidInput(message('practice.ringNeededCard'), [
        detail(message('practice.chooseNetworkOrPublic'), { field: 'visibility', value: 'ring' }),
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
    throw invalidInput(message('practice.fileEmpty'), [
      detail(message('practice.fileEmpty'), { field: 'file' }),
    ])
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw invalidInput(message('practice.fileTooLarge', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }), [
      detail(message('practice.fileTooLarge', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }), {
        field: 'file',
        value: String(content.length),
      }),
    ])
  const mimeType = options.mimeType.split(';')[0]!.trim().toLowerCase()
  if (!ALLOWED_ATTACHMENT_TYPES.includes(mimeType))
    throw invalidInput(message('practice.fileType', { type: mimeType }), [
      detail(message('practice.fileType', { type: mimeType }), { field: 'file', value: mimeType }),
    ])
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
      throw notFound(
        message('practice.noAttachment', { attachmentId: options.attachmentId, id: options.practiceId }),
      )
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
      throw notFound(message('practice.none', { id: options.practiceId }))
    if (practice.status !== 'published')
      throw invalidInput(message('practice.onlyPublishedAdopted'), [
        detail(message('practice.draft'), { field: 'practiceId' }),
      ])
    const organisationId = await resolveActingOrganisation(
      db,
      options,
      request.organisationId,
      'organisationId',
    )
    if (!canRecordAdoption(viewer, organisationId)) throw forbidden(message('practice.mayNotRecordAdoption'))
    if (organisationId === practice.organisationId)
      throw invalidInput(message('practice.ownCard'), [
        detail(message('practice.ownCard'), { field: 'organisationId', value: String(organisationId) }),
      ])
    if (request.startedOn > isoDate(options.now))
      throw invalidInput(message('practice.startInFuture', { day: request.startedOn }), [
        detail(message('practice.notAfterToday'), { field: 'startedOn', value: request.startedOn }),
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
