import { z } from 'zod'
import { keyText, listText, periodText, confidentialitySchema, refusedAs } from './common'

export const missingReasonSchema = z.enum(['not_delivered', 'suppressed', 'not_applicable'])
export const observationStatusSchema = z.enum(['provisional', 'final', 'corrected'])

export const observationsQuerySchema = z.object({
  org: keyText().min(1).describe('organisation id, 5-digit AGS or NUTS-3 code'),
  indicator: keyText().min(1).describe('indicator code, e.g. elb'),
  from: periodText.optional(),
  to: periodText.optional(),
  breakdown: keyText().optional(),
  asOf: z
    .string()
    .max(40)
    .optional()
    .describe('show values as known at this date or instant (YYYY-MM-DD = end of that day, UTC)'),
})

export const observationSchema = z
  .object({
    period: periodText,
    breakdown: z.string(),
    value: z.number().nullable(),
    missingReason: missingReasonSchema.nullable(),
    status: observationStatusSchema,
    revision: z.number().int(),
    revisions: z.number().int().describe('revisions known up to asOf; > 1 means the value was corrected'),
    recordedAt: z.string(),
    batchId: z.number().int(),
    source: z
      .string()
      .describe('where the value comes from (the import batch source, else the indicator source)'),
  })
  .meta({ id: 'Observation' })

export const observationListSchema = z.object({
  organisation: z.object({ id: z.number().int(), name: z.string() }),
  indicator: z.object({
    code: z.string(),
    unit: z.string(),
    frequency: z.enum(['monthly', 'yearly']),
    source: z.string(),
    confidentiality: confidentialitySchema,
  }),
  asOf: z.string().nullable(),
  observations: z.array(observationSchema),
})
export type ObservationListDto = z.infer<typeof observationListSchema>

/** At most this many indicators per GET /api/v1/observations/series. */
export const MAX_SERIES_PER_REQUEST = 20

const indicatorCode = z.string().regex(/^[a-z][a-z0-9_]*$/, refusedAs('pattern.indicatorCode'))

export const observationSeriesQuerySchema = observationsQuerySchema.omit({ indicator: true }).extend({
  indicators: listText({
    item: indicatorCode,
    max: MAX_SERIES_PER_REQUEST,
    noun: 'an indicator code',
    plural: 'indicators',
  }).describe('comma-separated indicator codes, e.g. elb,lzb,integrations'),
})
export type ObservationSeriesQuery = z.infer<typeof observationSeriesQuerySchema>

/** Several indicators' values for one organisation (GET /api/v1/observations/series). */
export const observationSeriesListSchema = z
  .object({
    organisation: observationListSchema.shape.organisation,
    asOf: z.string().nullable(),
    series: z
      .array(observationListSchema.pick({ indicator: true, observations: true }))
      .describe('in the order of the indicators asked for'),
  })
  .meta({ id: 'ObservationSeriesList' })
export type ObservationSeriesListDto = z.infer<typeof observationSeriesListSchema>

export const valueRevisionsQuerySchema = z.object({
  org: keyText().min(1).describe('organisation id, 5-digit AGS or NUTS-3 code'),
  indicator: keyText().min(1).describe('indicator code, e.g. elb'),
  period: periodText,
  breakdown: keyText().min(1).optional().describe('default: total'),
})

/** Every revision of one value, oldest first (GET /api/v1/observations/revisions). */
export const valueRevisionListSchema = z
  .object({
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    indicator: z.object({ code: z.string(), unit: z.string(), frequency: z.enum(['monthly', 'yearly']) }),
    period: periodText,
    breakdown: z.string(),
    revisions: z.array(
      z.object({
        revision: z.number().int(),
        value: z.number().nullable(),
        missingReason: missingReasonSchema.nullable(),
        status: observationStatusSchema,
        recordedAt: z.string(),
        isCurrent: z.boolean(),
        batchId: z.number().int(),
        fileName: z
          .string()
          .nullable()
          .describe('the import file; null when that import is not in your import history'),
        createdBy: z.string().nullable().describe('who imported it; null as fileName'),
      }),
    ),
  })
  .meta({ id: 'ValueRevisionList' })
export type ValueRevisionListDto = z.infer<typeof valueRevisionListSchema>
