import { z } from 'zod'
import { detail, forbidden, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import {
  importBatchListSchema,
  importBatchParamsSchema,
  importChangeListSchema,
  importChangesQuerySchema,
  importSummarySchema,
  importUploadQuerySchema,
  organisationListSummarySchema,
  mappingListSchema,
  MAPPING_DOCUMENT_MAX_BYTES,
} from '../../contracts/imports'
import { publishedFiguresSummarySchema } from '../../contracts/published-figures'
import { readUploadWithPart } from '../../server/read-upload'
import { isoDate } from '../../core/periods/dates'
import { PERMISSIONS } from '../../core/permissions'
import { FOR_ANY, queryAndScopeKey, readerOnDayOf, route } from '../../server/route'
import { auditImport } from './audit-import'
import { runImport } from './run-import'
import { loadImportBatchScope } from './import-batch-scope'
import { listImportBatches } from './import-batch.repository'
import { listImportChanges } from './list-import-changes'
import { listShippedMappings, loadShippedMapping, parseUploadedMapping } from './load-mapping'

export const uploadImportRoute = route('imports', 'POST /api/v1/imports', {
  operationId: 'uploadImport',
  summary:
    'Import a CSV or XLSX file of observations, published figure values or organisations (multipart part "file", optionally a mapping document as part "mapping"); dryRun=true only reports',
  access: { roles: PERMISSIONS.uploadData },
  query: importUploadQuerySchema,
  isUpload: true,
  // The published summary first: the others' schemas would accept it and drop its reconciliation.
  response: z.union([publishedFiguresSummarySchema, importSummarySchema, organisationListSummarySchema]),
  async handler({ query, request, context, viewer, session, actor, now }) {
    const user = session.user
    // Administrators load files of any organisations (official downloads); analysts only their own.
    let onlyOrganisation: { id: number; name: string } | undefined
    if (viewer.role !== 'admin') {
      if (viewer.organisationId === null || user.organisationName === null)
        throw forbidden(message('import.accountWithoutOrganisation'))
      onlyOrganisation = { id: viewer.organisationId, name: user.organisationName }
    }
    const upload = await readUploadWithPart(request, {
      maxBytes: context.maxUploadBytes,
      limitHint: 'BENCHLEARN_MAX_UPLOAD_MB',
      optionalPart: { name: 'mapping', maxBytes: MAPPING_DOCUMENT_MAX_BYTES },
    })
    const mappingDocument = upload.part
    if (query.mapping && mappingDocument)
      throw invalidInput(message('import.mappingTwice'), [
        detail(message('import.givenTwice'), { field: 'mapping' }),
      ])
    // A request chooses a shipped mapping by name or sends its own document; never a path.
    const loaded = query.mapping
      ? loadShippedMapping(query.mapping)
      : mappingDocument
        ? parseUploadedMapping(mappingDocument.bytes, mappingDocument.fileName)
        : undefined
    const started = performance.now()
    const summary = await runImport(context.database, {
      fileName: upload.file.fileName,
      bytes: upload.file.bytes,
      open: context.parsePool.open,
      parsePublished: context.parsePool.parsePublished,
      loaded,
      isDryRun: query.dryRun === 'true',
      createdBy: user.email,
      uploadedByUserId: user.id,
      onlyOrganisation,
      now,
      onCommitted: (tx, summary) =>
        auditImport(tx, summary, {
          actor,
          action: 'import.upload',
          organisationId: onlyOrganisation?.id ?? null,
          ip: request.ip,
          at: now,
        }),
    })
    const outcome = summary.isCommitted ? 'committed' : summary.isDryRun ? 'dry_run' : 'rejected'
    context.metrics.imports.observe({ outcome }, (performance.now() - started) / 1000)
    if (!summary.isCommitted && !summary.isDryRun) {
      throw invalidInput(
        message('import.rejected', { file: summary.fileName, count: summary.rowsRejected }),
        summary.errors.map(({ messageKey, ...e }) => ({ file: summary.fileName, ...e, key: messageKey })),
      )
    }
    return summary
  },
})

export const listImportBatchesRoute = route('imports', 'GET /api/v1/imports', {
  operationId: 'listImports',
  summary: 'Import history: every batch with file, checksum, who, when, counts and notices',
  access: { roles: PERMISSIONS.viewImports },
  response: importBatchListSchema,
  // Batches and rings are in the data version; which batches one sees follows from the viewer's scope.
  cacheKey: ({ viewer }) => queryAndScopeKey(null, viewer),
  async handler({ context, viewer, now }) {
    const scope = await loadImportBatchScope(context.database.db, {
      viewer,
      at: isoDate(now),
    })
    // Others than administrators and moderators of every ring: the uploads for the organisations
    // they see in full (members: their own).
    const batches = await listImportBatches(
      context.database.db,
      scope.isAll ? {} : { organisationIds: scope.organisationIds },
    )
    return { batches }
  },
})

export const listImportChangesRoute = route('imports', 'GET /api/v1/imports/:id/changes', {
  operationId: 'listImportChanges',
  summary:
    'The values one import revised: previous value, new value and the import that had written the old one (paged)',
  access: { roles: PERMISSIONS.viewImports },
  params: importBatchParamsSchema,
  query: importChangesQuerySchema,
  response: importChangeListSchema,
  // Imports as in the history above; their values as in listObservations.
  handler: ({ params, query, ...input }) =>
    listImportChanges(input.context.database.db, {
      ...readerOnDayOf(input),
      batchId: params.id,
      limit: query.limit,
      offset: query.offset,
    }),
})

export const listMappingsRoute = route('imports', 'GET /api/v1/mappings', {
  operationId: 'listMappings',
  summary: 'Column mappings shipped for official file formats (INKAR, BBSR, long CSV …)',
  access: FOR_ANY,
  response: mappingListSchema,
  async handler() {
    return { mappings: listShippedMappings() }
  },
})
