import { z } from 'zod'
import {
  closeCollectionResponseSchema,
  collectionFormSchema,
  collectionIdParamsSchema,
  collectionListSchema,
  collectionMatrixSchema,
  collectionOrganisationRequestSchema,
  collectionOrgQuerySchema,
  collectionResultsSchema,
  collectionSchema,
  createCollectionRequestSchema,
  figureCollectionResultsQuerySchema,
  figureCollectionResultsSchema,
  remindedSchema,
  remindRequestSchema,
  saveCollectionFormRequestSchema,
} from '../../contracts/collections'
import { UPLOAD_LIMITS } from '../../core/limits/input-limits'
import { readUpload } from '../../server/read-upload'
import type { WriteCaller } from '../../core/accounts/account'
import type { Database } from '../../db/connect'
import { FOR_ANY, route, writerOf, type RouteInput } from '../../server/route'
import { PERMISSIONS, type Viewer } from '../../core/permissions'
import { isoDate } from '../../core/periods/dates'
import { closeCollection } from './close-collection'
import { readCollectionWorkbook, writeCollectionWorkbook } from './collection-workbook'
import { createCollection } from './create-collection'
import { listCollections, readCollection } from './list-collections'
import { loadCollection } from './load-collection'
import { readCollectionForm } from './read-collection-form'
import { readCollectionMatrix } from './read-collection-matrix'
import { listClosedCollectionResults, readCollectionResults } from './read-collection-results'
import { remindCollectionMembers } from './remind-collection-members'
import { reopenCollectionSubmission } from './reopen-collection-submission'
import { saveCollectionForm } from './save-collection-form'
import { submitCollectionForm } from './submit-collection-form'

const MANAGERS = PERMISSIONS.manageCollections
const FILLERS = PERMISSIONS.fillCollections

/** The caller and the request's day, as the collection reads take them. */
function readerToday({ viewer, now }: { viewer: Viewer; now: Date }) {
  return { viewer, today: isoDate(now) }
}

/** The handler of a write on the collection in the path whose other options are the body's fields. */
function writeOnCollection<O extends WriteCaller & { collectionId: number }, R>(
  write: (database: Database, options: O) => Promise<R>,
) {
  return (input: RouteInput<unknown, { id: number }, Omit<O, keyof WriteCaller | 'collectionId'>>) =>
    // The body schema gives every option but the caller's and the path's, which are added here.
    write(input.context.database, { ...writerOf(input), collectionId: input.params.id, ...input.body } as O)
}

/** The form a request names: the collection in the path, the organisation in the query. */
function formOf(input: { viewer: Viewer; params: { id: number }; query: { org: number } }) {
  return { viewer: input.viewer, collectionId: input.params.id, organisationId: input.query.org }
}

export const listCollectionsRoute = route('collections', 'GET /api/v1/collections', {
  operationId: 'listCollections',
  summary: 'Data collections the caller takes part in or manages, with the state of their own organisation',
  access: FOR_ANY,
  response: collectionListSchema,
  handler: (input) => listCollections(input.context.database.db, readerToday(input)),
})

export const createCollectionRoute = route('collections', 'POST /api/v1/collections', {
  operationId: 'createCollection',
  summary:
    'Define a data collection: own indicators, periods, rings (or the network), deadline, instructions',
  access: { roles: MANAGERS },
  body: createCollectionRequestSchema,
  response: collectionSchema,
  async handler(input) {
    const id = await createCollection(input.context.database, { ...writerOf(input), request: input.body })
    return readCollection(input.context.database.db, { ...readerToday(input), id })
  },
})

export const getCollectionRoute = route('collections', 'GET /api/v1/collections/:id', {
  operationId: 'getCollection',
  summary: 'One data collection: definition, deadline, counts and the state of the caller’s organisation',
  access: FOR_ANY,
  params: collectionIdParamsSchema,
  response: collectionSchema,
  handler: (input) =>
    readCollection(input.context.database.db, { ...readerToday(input), id: input.params.id }),
})

export const getCollectionFormRoute = route('collections', 'GET /api/v1/collections/:id/form', {
  operationId: 'getCollectionForm',
  summary:
    'An organisation’s form with previous values and the findings of the checks (own organisation; managers any)',
  access: FOR_ANY,
  params: collectionIdParamsSchema,
  query: collectionOrgQuerySchema,
  response: collectionFormSchema,
  handler: (input) => readCollectionForm(input.context.database.db, formOf(input)),
})

export const saveCollectionFormRoute = route('collections', 'PUT /api/v1/collections/:id/form', {
  operationId: 'saveCollectionForm',
  summary: 'Save the form as a draft (values out of range are refused naming the cell; warnings are kept)',
  access: { roles: FILLERS },
  params: collectionIdParamsSchema,
  body: saveCollectionFormRequestSchema,
  response: collectionFormSchema,
  async handler(input) {
    return saveCollectionForm(input.context.database, {
      ...writerOf(input),
      collectionId: input.params.id,
      organisationId: input.body.organisationId,
      request: input.body,
    })
  },
})

export const submitCollectionFormRoute = route('collections', 'POST /api/v1/collections/:id/submissions', {
  operationId: 'submitCollectionForm',
  summary: 'Submit the saved form (every warning corrected or commented)',
  access: { roles: FILLERS },
  params: collectionIdParamsSchema,
  body: collectionOrganisationRequestSchema,
  response: collectionFormSchema,
  handler: writeOnCollection(submitCollectionForm),
})

export const downloadCollectionTemplateRoute = route(
  'collections',
  'GET /api/v1/collections/:id/template.xlsx',
  {
    operationId: 'downloadCollectionTemplate',
    summary: 'The form as an XLSX workbook to fill offline (with what is saved so far)',
    access: FOR_ANY,
    params: collectionIdParamsSchema,
    query: collectionOrgQuerySchema,
    response: z.unknown(),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler(input) {
      const { params, query, context, viewer, reply } = input
      const db = context.database.db
      const form = await readCollectionForm(db, formOf(input))
      const collection = await loadCollection(db, { viewer, id: params.id })
      const bytes = await writeCollectionWorkbook({
        title: collection.row.title,
        form,
        indicators: collection.indicators,
      })
      await reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="erhebung-${params.id}-${query.org}.xlsx"`)
        .send(bytes)
      return undefined
    },
  },
)

export const uploadCollectionWorkbookRoute = route('collections', 'POST /api/v1/collections/:id/workbook', {
  operationId: 'uploadCollectionWorkbook',
  summary: `Upload the filled template (multipart field "file"; at most ${UPLOAD_LIMITS.collectionWorkbookMaxBytes / 1024 / 1024} MB): saved as a draft`,
  access: { roles: FILLERS },
  params: collectionIdParamsSchema,
  query: collectionOrgQuerySchema,
  isUpload: true,
  response: collectionFormSchema,
  async handler(input) {
    // A form the caller may not read is "not found" before anything of the file is read.
    await readCollectionForm(input.context.database.db, formOf(input))
    const file = await readUpload(input.request, { maxBytes: UPLOAD_LIMITS.collectionWorkbookMaxBytes })
    const { request, origin } = await readCollectionWorkbook(file.bytes, {
      fileName: file.fileName,
      organisationId: input.query.org,
    })
    return saveCollectionForm(input.context.database, {
      ...writerOf(input),
      collectionId: input.params.id,
      organisationId: input.query.org,
      request,
      origin,
      action: 'collection.form.upload',
    })
  },
})

export const getCollectionMatrixRoute = route('collections', 'GET /api/v1/collections/:id/matrix', {
  operationId: 'getCollectionMatrix',
  summary:
    'Completion matrix (organisation × indicator) with warnings and comments, for the collection’s managers',
  access: { roles: MANAGERS },
  params: collectionIdParamsSchema,
  response: collectionMatrixSchema,
  handler: ({ params, context, viewer }) =>
    readCollectionMatrix(context.database.db, { viewer, collectionId: params.id }),
})

export const remindCollectionMembersRoute = route('collections', 'POST /api/v1/collections/:id/reminders', {
  operationId: 'remindCollectionMembers',
  summary: 'Remind organisations that have not submitted (all of them without a list)',
  access: { roles: MANAGERS },
  params: collectionIdParamsSchema,
  body: remindRequestSchema,
  response: remindedSchema,
  handler: writeOnCollection(remindCollectionMembers),
})

export const reopenCollectionSubmissionRoute = route('collections', 'POST /api/v1/collections/:id/reopen', {
  operationId: 'reopenCollectionSubmission',
  summary: 'Give a submitted form back to its organisation as a draft',
  access: { roles: MANAGERS },
  params: collectionIdParamsSchema,
  body: collectionOrganisationRequestSchema,
  response: collectionSchema,
  handler: writeOnCollection(reopenCollectionSubmission),
})

export const closeCollectionRoute = route('collections', 'POST /api/v1/collections/:id/close', {
  operationId: 'closeCollection',
  summary:
    'Close the collection: submitted values become observations (revisions, import batch) and figures are recomputed',
  access: { roles: MANAGERS },
  params: collectionIdParamsSchema,
  response: closeCollectionResponseSchema,
  async handler(input) {
    const { params, context } = input
    const closed = await closeCollection(context.database, { ...writerOf(input), collectionId: params.id })
    const collection = await readCollection(context.database.db, { ...readerToday(input), id: params.id })
    return { ...closed, collection }
  },
})

export const getCollectionResultsRoute = route('collections', 'GET /api/v1/collections/:id/results', {
  operationId: 'getCollectionResults',
  summary:
    'Results of a closed collection under the ring rules (others pooled only in means over at least five)',
  access: FOR_ANY,
  params: collectionIdParamsSchema,
  response: collectionResultsSchema,
  handler: (input) =>
    readCollectionResults(input.context.database.db, {
      ...readerToday(input),
      collectionId: input.params.id,
    }),
})

export const listFigureCollectionResultsRoute = route('collections', 'GET /api/v1/collection-results', {
  operationId: 'listFigureCollectionResults',
  summary: 'Results of closed collections whose indicators belong with a key figure (for the figure page)',
  access: FOR_ANY,
  query: figureCollectionResultsQuerySchema,
  response: figureCollectionResultsSchema,
  async handler(input) {
    const options = { ...readerToday(input), figureCode: input.query.figure }
    return { results: await listClosedCollectionResults(input.context.database.db, options) }
  },
})

export const collectionRoutes = [
  listCollectionsRoute,
  createCollectionRoute,
  getCollectionRoute,
  getCollectionFormRoute,
  saveCollectionFormRoute,
  submitCollectionFormRoute,
  downloadCollectionTemplateRoute,
  uploadCollectionWorkbookRoute,
  getCollectionMatrixRoute,
  remindCollectionMembersRoute,
  reopenCollectionSubmissionRoute,
  closeCollectionRoute,
  getCollectionResultsRoute,
  listFigureCollectionResultsRoute,
]
