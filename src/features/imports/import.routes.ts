import { z } from 'zod'
import { invalidInput } from '../../core/errors/app-error'
import {
  importBatchListSchema,
  importSummarySchema,
  importUploadQuerySchema,
  organisationListSummarySchema,
} from '../../contracts/imports'
import { defineRoute } from '../../server/route'
import { runImport } from './run-import'
import { listImportBatches } from './import-batch.repository'
import { listShippedMappings, loadMapping } from './load-mapping'

const MAX_UPLOAD_BYTES = 512 * 1024 * 1024

export const uploadImportRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/imports',
  operationId: 'uploadImport',
  summary: 'Import a CSV or XLSX file of observations (multipart field "file"); dryRun=true only reports',
  tag: 'imports',
  query: importUploadQuerySchema,
  isUpload: true,
  response: z.union([importSummarySchema, organisationListSummarySchema]),
  async handler({ query, request, context }) {
    const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES } })
    if (!part)
      throw invalidInput('expected a multipart upload with a field "file"', [
        { field: 'file', message: 'missing' },
      ])
    const bytes = await part.toBuffer()
    const summary = await runImport(context.database, {
      fileName: part.filename,
      bytes,
      loaded: query.mapping ? loadMapping(query.mapping) : undefined,
      isDryRun: query.dryRun === 'true',
      createdBy: 'api',
      now: context.now(),
    })
    if (!summary.isCommitted && !summary.isDryRun) {
      throw invalidInput(
        `${summary.fileName}: ${summary.rowsRejected} value(s) rejected; nothing was imported`,
        summary.errors.map((e) => ({ file: summary.fileName, ...e })),
      )
    }
    return summary
  },
})

export const listImportBatchesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/imports',
  operationId: 'listImports',
  summary: 'Import history: every batch with file, checksum, who, when, counts and notices',
  tag: 'imports',
  response: importBatchListSchema,
  async handler({ context }) {
    return { batches: await listImportBatches(context.database.db) }
  },
})

export const listMappingsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/mappings',
  operationId: 'listMappings',
  summary: 'Column mappings shipped for official file formats (INKAR, BBSR, long CSV …)',
  tag: 'imports',
  response: z.object({
    mappings: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['observations', 'organisation-list']),
        description: z.string(),
      }),
    ),
  }),
  async handler() {
    return { mappings: listShippedMappings() }
  },
})
