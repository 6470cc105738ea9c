import { z } from 'zod'
import { MAX_OFFSET, refusedAs } from './common'
import { missingReasonSchema } from './observations'

export const importErrorSchema = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
  messageKey: z
    .string()
    .optional()
    .describe('the message as a key of the server catalogue (src/core/messages) or of the web catalogues'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})

/** A key in a file that no district or organisation matches: listed with its row, not an error. */
export const unmatchedKeySchema = z.object({
  row: z.number().int(),
  value: z.string(),
  message: z.string(),
  messageKey: importErrorSchema.shape.messageKey,
  params: importErrorSchema.shape.params,
})

export const importNoticeSchema = z.object({
  kind: z.string(),
  message: z.string(),
  messageKey: z
    .string()
    .optional()
    .describe('the message as a key of the server catalogue (src/core/messages) or of the web catalogues'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  count: z.number().int(),
  keys: z.array(z.string()).optional(),
})

/**
 * What every file import answers (observations below, published figures in published-figures.ts):
 * the file, the counts of the diff against the current revisions, the refused rows and the batch.
 */
export const fileImportSummarySchema = z.object({
  fileName: z.string(),
  checksum: z.string(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int().describe('values written (new or revised)'),
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  newValues: z.number().int(),
  revisedValues: z.number().int(),
  errors: z.array(importErrorSchema),
  notices: z.array(importNoticeSchema),
  isDryRun: z.boolean(),
  isCommitted: z.boolean(),
  batchId: z.number().int().nullable(),
})

/** The result of an import; `--json` of the CLI prints exactly this. */
export const importSummarySchema = fileImportSummarySchema
  .extend({
    format: z.string(),
    valuesRead: z.number().int(),
    rowsImported: z.number().int().describe('values written (new or revised); counts below count values'),
    keyFigureValuesWritten: z
      .number()
      .int()
      .optional()
      .describe('key-figure values recomputed after the import'),
    changes: z.array(
      z.object({
        organisationId: z.number().int(),
        indicator: z.string(),
        period: z.string(),
        breakdown: z.string(),
        before: z.union([z.number(), z.string()]).nullable(),
        after: z.union([z.number(), z.string()]),
      }),
    ),
  })
  .meta({ id: 'ImportSummary' })
export type ImportSummaryDto = z.infer<typeof importSummarySchema>

/** Names of shipped mappings: lower-case letters, digits and dashes (never a path). */
export const MAPPING_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/
/** An uploaded mapping document (or a mapping file named on the command line) has at most this size. */
export const MAPPING_DOCUMENT_MAX_BYTES = 256 * 1024

export const importUploadQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: check and report what would change, write nothing'),
  mapping: z
    .string()
    .max(64)
    .regex(MAPPING_NAME_PATTERN, refusedAs('pattern.mappingName'))
    .optional()
    .describe(
      'name of a shipped mapping, e.g. inkar-wirtschaft (GET /api/v1/mappings); or upload your own as the multipart part "mapping"',
    ),
})

export const importBatchSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    checksum: z.string(),
    format: z.string(),
    mapping: z.string().nullable(),
    source: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    rowsRead: z.number().int(),
    rowsImported: z.number().int(),
    rowsUnchanged: z.number().int(),
    rowsRejected: z.number().int(),
    notices: z.array(importNoticeSchema),
  })
  .meta({ id: 'ImportBatch' })
export const importBatchListSchema = z.object({ batches: z.array(importBatchSchema) })

/** The column mappings shipped for official file formats (GET /api/v1/mappings). */
export const mappingListSchema = z.object({
  mappings: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['observations', 'organisation-list', 'published-figures']),
      description: z
        .object({ de: z.string(), en: z.string() })
        .describe('what the mapping reads, per language'),
    }),
  ),
})

/** The result of importing a list of organisations (mapping kind "organisation-list"). */
export const organisationListSummarySchema = z
  .object({
    fileName: z.string(),
    checksum: z.string(),
    format: z.literal('organisation-list'),
    rowsRead: z.number().int(),
    rowsImported: z.number().int(),
    rowsUnchanged: z.number().int(),
    rowsRejected: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    addedToNetwork: z.number().int(),
    errors: z.array(importErrorSchema),
    notices: z.array(importNoticeSchema),
    isDryRun: z.boolean(),
    isCommitted: z.boolean(),
  })
  .meta({ id: 'OrganisationListSummary' })

export const importBatchParamsSchema = z.object({ id: z.coerce.number().int().positive() })

export const IMPORT_CHANGES_MAX_LIMIT = 5000
export const importChangesQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(IMPORT_CHANGES_MAX_LIMIT)
    .optional()
    .describe('values per page (default 500)'),
  offset: z.coerce.number().int().min(0).max(MAX_OFFSET).optional().describe('values to skip (page start)'),
})

/** One value an import corrected: the revision it wrote and the one it replaced. */
export const importChangeSchema = z.object({
  organisationId: z.number().int(),
  organisationName: z.string(),
  indicator: z.string(),
  period: z.string(),
  breakdown: z.string(),
  revision: z.number().int(),
  value: z.number().nullable(),
  missingReason: missingReasonSchema.nullable(),
  previousValue: z.number().nullable(),
  previousMissingReason: missingReasonSchema.nullable(),
  previousBatchId: z.number().int(),
  previousRecordedAt: z.string(),
  previousFileName: z
    .string()
    .nullable()
    .describe('file of the import that wrote the old value; null when it is not in your import history'),
})

/** GET /api/v1/imports/:id/changes: the values one import revised, as far as the caller may see them. */
export const importChangeListSchema = z
  .object({
    batch: importBatchSchema,
    revisedValues: z
      .number()
      .int()
      .describe('values this import revised, of the organisations whose figures you may see'),
    offset: z.number().int(),
    limit: z.number().int(),
    changes: z.array(importChangeSchema).describe('ordered by organisation, indicator, period, breakdown'),
  })
  .meta({ id: 'ImportChangeList' })
export type ImportChangeListDto = z.infer<typeof importChangeListSchema>
