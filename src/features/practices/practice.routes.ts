import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../db/schema'
import { notFound } from '../../core/errors/app-error'
import {
  adoptionParamsSchema,
  adoptPracticeRequestSchema,
  attachmentParamsSchema,
  createPracticeRequestSchema,
  deletedSchema,
  effectCheckSchema,
  practiceIdParamsSchema,
  practiceListQuerySchema,
  practiceListSchema,
  practiceSchema,
  publicPracticeListQuerySchema,
  updatePracticeRequestSchema,
  type UpdatePracticeRequest,
} from '../../contracts/practices'
import { isoDate } from '../../core/periods/dates'
import { PERMISSIONS, type Viewer } from '../../core/permissions'
import { FOR_ANY, type PublicRouteInput, readerOnDayOf, route, writerWithIpOf } from '../../server/route'
import { checkPracticeEffect } from './check-practice-effect'
import { listPractices } from './list-practices'
import { findAttachmentContent } from './practice.repository'
import { findReadablePractice, readPractice } from './read-practice'
import {
  addAttachment,
  adoptPractice,
  createPractice,
  deleteAttachment,
  deletePractice,
  MAX_ATTACHMENT_BYTES,
  updatePractice,
} from './write-practice'
import { readUpload } from '../../server/read-upload'
import { nameWarningsField } from '../../contracts/name-warnings'
import { warnAboutPracticeTexts } from './warn-about-practice-texts'
import { message } from '../../core/messages/text'

const WRITERS = PERMISSIONS.writePractices

type CardTexts = Readonly<Record<string, string | null | undefined>>

/** The texts of a card that peers read, as written by a create or an update. */
function cardTexts(body: UpdatePracticeRequest): CardTexts {
  const { title, problem, approach, resources, results, contact } = body
  return { title, problem, approach, resources, results, contact }
}

/** The card after a write, with warnings for the texts written (check-names-in-text.ts). */
async function readWithWarnings(
  db: Kysely<DB>,
  options: {
    viewer: Viewer
    id: number
    now: Date
    fields: CardTexts
  },
) {
  const at = isoDate(options.now)
  return {
    ...(await readPractice(db, { viewer: options.viewer, id: options.id, at })),
    warnings: await warnAboutPracticeTexts(db, { practiceId: options.id, at, fields: options.fields }),
  }
}

// Writes answer with warnings when a text names an organisation (check-names-in-text.ts).
const practiceWithWarningsSchema = practiceSchema.extend(nameWarningsField)

export const listPracticesRoute = route('practices', 'GET /api/v1/practices', {
  operationId: 'listPractices',
  summary: 'Practice cards the caller may read: German full-text search (q) and filters',
  access: FOR_ANY,
  query: practiceListQuerySchema,
  response: practiceListSchema,
  handler: (input) =>
    listPractices(input.context.database.db, { ...readerOnDayOf(input), query: input.query }),
})

export const listPublicPracticesRoute = route.public('practices', 'GET /api/v1/public/practices', {
  operationId: 'listPublicPractices',
  summary: "Published practice cards with visibility 'public', readable without signing in",
  access: { isPublic: true },
  query: publicPracticeListQuerySchema,
  response: practiceListSchema,
  async handler({ query, context, now }) {
    // Always the anonymous view, even with a session: this is the page the public sees.
    return listPractices(context.database.db, { viewer: null, query, at: isoDate(now) })
  },
})

export const getPublicPracticeRoute = route.public('practices', 'GET /api/v1/public/practices/:id', {
  operationId: 'getPublicPractice',
  summary: "One practice card with visibility 'public', readable without signing in",
  access: { isPublic: true },
  params: practiceIdParamsSchema,
  response: practiceSchema,
  async handler({ params, context, now }) {
    return readPractice(context.database.db, {
      viewer: null,
      id: params.id,
      at: isoDate(now),
      isPublicPath: true,
    })
  },
})

export const getPracticeRoute = route('practices', 'GET /api/v1/practices/:id', {
  operationId: 'getPractice',
  summary: 'One practice card with attachments, visible adoptions and the caller’s abilities',
  access: FOR_ANY,
  params: practiceIdParamsSchema,
  response: practiceSchema,
  handler: (input) =>
    readPractice(input.context.database.db, { ...readerOnDayOf(input), id: input.params.id }),
})

export const createPracticeRoute = route('practices', 'POST /api/v1/practices', {
  operationId: 'createPractice',
  summary: 'Write a practice card (members for their organisation; status draft or published)',
  access: { roles: WRITERS },
  body: createPracticeRequestSchema,
  response: practiceWithWarningsSchema,
  async handler(input) {
    const write = writerWithIpOf(input)
    const id = await createPractice(input.context.database, { ...write, request: input.body })
    return readWithWarnings(input.context.database.db, { ...write, id, fields: cardTexts(input.body) })
  },
})

export const updatePracticeRoute = route('practices', 'PATCH /api/v1/practices/:id', {
  operationId: 'updatePractice',
  summary: 'Change a practice card (its organisation, its ring’s moderators, administrators)',
  access: { roles: WRITERS },
  params: practiceIdParamsSchema,
  body: updatePracticeRequestSchema,
  response: practiceWithWarningsSchema,
  async handler(input) {
    const write = { ...writerWithIpOf(input), id: input.params.id }
    await updatePractice(input.context.database, { ...write, request: input.body })
    return readWithWarnings(input.context.database.db, { ...write, fields: cardTexts(input.body) })
  },
})

export const deletePracticeRoute = route('practices', 'DELETE /api/v1/practices/:id', {
  operationId: 'deletePractice',
  summary: 'Delete a practice card with its attachments and adoptions',
  access: { roles: WRITERS },
  params: practiceIdParamsSchema,
  response: deletedSchema,
  async handler(input) {
    await deletePractice(input.context.database, { ...writerWithIpOf(input), id: input.params.id })
    return { deleted: true as const }
  },
})

export const uploadPracticeAttachmentRoute = route('practices', 'POST /api/v1/practices/:id/attachments', {
  operationId: 'uploadPracticeAttachment',
  summary: `Attach a file (multipart field "file"; PDF, images, Office, text; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB)`,
  access: { roles: WRITERS },
  params: practiceIdParamsSchema,
  isUpload: true,
  response: practiceSchema,
  async handler(input) {
    const file = await readUpload(input.request, { maxBytes: MAX_ATTACHMENT_BYTES })
    await addAttachment(input.context.database, {
      ...writerWithIpOf(input),
      practiceId: input.params.id,
      fileName: file.fileName,
      mimeType: file.mimeType,
      content: file.bytes,
    })
    return readPractice(input.context.database.db, { ...readerOnDayOf(input), id: input.params.id })
  },
})

async function sendAttachment<Q, B>(
  input: PublicRouteInput<Q, z.infer<typeof attachmentParamsSchema>, B>,
  viewer: Viewer | null,
  isPublicPath: boolean,
): Promise<undefined> {
  const db = input.context.database.db
  const practice = await findReadablePractice(db, { viewer, id: input.params.id })
  if (isPublicPath && practice.visibility !== 'public')
    throw notFound(message('practice.none', { id: input.params.id }))
  const file = await findAttachmentContent(db, {
    practiceId: practice.id,
    attachmentId: input.params.attachmentId,
  })
  if (!file)
    throw notFound(
      message('practice.noAttachment', { attachmentId: input.params.attachmentId, id: practice.id }),
    )
  await input.reply
    .type(file.mimeType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.content)
  return undefined
}

export const downloadPracticeAttachmentRoute = route(
  'practices',
  'GET /api/v1/practices/:id/attachments/:attachmentId',
  {
    operationId: 'downloadPracticeAttachment',
    summary: 'Download an attachment of a card the caller may read',
    access: FOR_ANY,
    params: attachmentParamsSchema,
    response: z.unknown(),
    produces: 'application/octet-stream',
    async handler(input) {
      return sendAttachment(input, input.viewer, false)
    },
  },
)

export const downloadPublicPracticeAttachmentRoute = route.public(
  'practices',
  'GET /api/v1/public/practices/:id/attachments/:attachmentId',
  {
    operationId: 'downloadPublicPracticeAttachment',
    summary: 'Download an attachment of a public card without signing in',
    access: { isPublic: true },
    params: attachmentParamsSchema,
    response: z.unknown(),
    produces: 'application/octet-stream',
    async handler(input) {
      return sendAttachment(input, null, true)
    },
  },
)

export const deletePracticeAttachmentRoute = route(
  'practices',
  'DELETE /api/v1/practices/:id/attachments/:attachmentId',
  {
    operationId: 'deletePracticeAttachment',
    summary: 'Remove an attachment from a card',
    access: { roles: WRITERS },
    params: attachmentParamsSchema,
    response: deletedSchema,
    async handler(input) {
      await deleteAttachment(input.context.database, {
        ...writerWithIpOf(input),
        practiceId: input.params.id,
        attachmentId: input.params.attachmentId,
      })
      return { deleted: true as const }
    },
  },
)

export const adoptPracticeRoute = route('practices', 'POST /api/v1/practices/:id/adoptions', {
  operationId: 'adoptPractice',
  summary: 'Record that an organisation adopted the practice, with the day it started (again: corrects it)',
  access: { roles: WRITERS },
  params: practiceIdParamsSchema,
  body: adoptPracticeRequestSchema,
  response: practiceWithWarningsSchema,
  async handler(input) {
    const write = writerWithIpOf(input)
    await adoptPractice(input.context.database, {
      ...write,
      practiceId: input.params.id,
      request: input.body,
    })
    return readWithWarnings(input.context.database.db, {
      ...write,
      id: input.params.id,
      fields: { note: input.body.note },
    })
  },
})

export const getPracticeEffectRoute = route(
  'practices',
  'GET /api/v1/practices/:id/adoptions/:adoptionId/effect',
  {
    operationId: 'getPracticeEffect',
    summary:
      'Effect check of an adoption: difference-in-differences against ring peers per linked figure (an indication, not proof)',
    access: FOR_ANY,
    params: adoptionParamsSchema,
    response: effectCheckSchema,
    async handler({ params, context, viewer, now }) {
      return checkPracticeEffect(context.database.db, {
        viewer,
        practiceId: params.id,
        adoptionId: params.adoptionId,
        now,
      })
    },
  },
)

export const practiceRoutes = [
  listPracticesRoute,
  listPublicPracticesRoute,
  getPublicPracticeRoute,
  getPracticeRoute,
  createPracticeRoute,
  updatePracticeRoute,
  deletePracticeRoute,
  uploadPracticeAttachmentRoute,
  downloadPracticeAttachmentRoute,
  downloadPublicPracticeAttachmentRoute,
  deletePracticeAttachmentRoute,
  adoptPracticeRoute,
  getPracticeEffectRoute,
]
