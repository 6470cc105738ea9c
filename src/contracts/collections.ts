/**
 * Data collections (Erhebungen): figures the network asks of its members by form, with
 * plausibility checks and a deadline (docs/data-collections.md).
 *
 * Who sees what: before closing, a member sees only its own organisation's form; the moderator sees
 * every form and the completion matrix. After closing, the results follow the ring rules: ring
 * peers by name or pseudonym, organisations outside the caller's view only in a mean over at least
 * five (core/permissions/disclosure.ts). A collection may show the others' values only to members
 * that delivered.
 */
import { z } from 'zod'
import {
  isoDate,
  MAX_KEY,
  MAX_LIST_ITEMS,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  periodText,
  serverMessageFields,
  refinement,
  refusedAs,
} from './common'
import { message } from '../core/messages/text'

export const indicatorPolaritySchema = z
  .enum(['higher_is_better', 'lower_is_better', 'neutral'])
  .describe('how the network reads the values: higher is better, lower is better, or neither')

const ownCode = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, refusedAs('pattern.code'))
const boundedNumber = z.number().min(-1e15).max(1e15)
/** Cells of one form at most: 50 indicators × 12 months × a few breakdowns. */
export const MAX_FORM_CELLS = 2000

/** An own indicator defined for a collection (stored in the indicator catalogue, kind 'raw'). */
export const ownIndicatorSchema = z
  .object({
    nameDe: z.string().min(2).max(MAX_KEY),
    nameEn: z.string().min(2).max(MAX_KEY),
    unit: z.string().min(1).max(40),
    definitionDe: z.string().max(MAX_SHORT_TEXT).default(''),
    definitionEn: z.string().max(MAX_SHORT_TEXT).default(''),
    allowedMin: boundedNumber.nullable().default(null),
    allowedMax: boundedNumber.nullable().default(null),
    polarity: indicatorPolaritySchema.default('neutral'),
    /** 'total' and its parts that must add up to it (e.g. total, women, men). */
    breakdowns: z
      .array(ownCode.or(z.literal('total')))
      .min(1)
      .max(10)
      .default(['total']),
  })
  .refine((i) => i.allowedMin === null || i.allowedMax === null || i.allowedMin <= i.allowedMax, {
    ...refinement(message('collection.minAboveMax')),
    path: ['allowedMax'],
  })
  .refine((i) => i.breakdowns.includes('total'), {
    ...refinement(message('collection.totalRequired')),
    path: ['breakdowns'],
  })

export const createCollectionRequestSchema = z.object({
  title: z.string().min(3).max(200),
  instructions: z.string().max(MAX_LONG_TEXT).default(''),
  frequency: z.enum(['monthly', 'yearly']),
  periods: z.array(periodText).min(1).max(24),
  /** Rings asked (ids); empty: the whole network. */
  ringIds: z.array(z.number().int().positive()).max(MAX_LIST_ITEMS).default([]),
  deadline: isoDate,
  isResultsForDeliverersOnly: z.boolean().default(false),
  changeThresholdPercent: z.number().gt(0).max(1000).default(30),
  indicators: z
    .array(
      z.object({
        code: ownCode,
        /** A new own indicator's definition; absent: an own indicator defined before. */
        definition: ownIndicatorSchema.optional(),
        figureCode: z
          .string()
          .max(40)
          .regex(/^[A-Z][A-Z0-9_]*$/)
          .nullable()
          .default(null)
          .describe('a key figure the indicator belongs with (the figure page shows the results there)'),
      }),
    )
    .min(1)
    .max(50),
})
export type CreateCollectionRequest = z.infer<typeof createCollectionRequestSchema>

export const collectionIndicatorSchema = z
  .object({
    code: z.string(),
    nameDe: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    definitionDe: z.string(),
    definitionEn: z.string(),
    allowedMin: z.number().nullable(),
    allowedMax: z.number().nullable(),
    polarity: indicatorPolaritySchema,
    breakdowns: z.array(z.string()),
    figureCode: z.string().nullable(),
  })
  .meta({ id: 'CollectionIndicator' })

export const collectionMemberStatusSchema = z.enum(['missing', 'draft', 'submitted'])

export const collectionSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    instructions: z.string(),
    frequency: z.enum(['monthly', 'yearly']),
    periods: z.array(z.string()),
    rings: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
    isNetworkWide: z.boolean(),
    deadline: z.string(),
    status: z.enum(['open', 'closed']),
    isOverdue: z.boolean(),
    isResultsForDeliverersOnly: z.boolean(),
    changeThresholdPercent: z.number(),
    indicators: z.array(collectionIndicatorSchema),
    organisationCount: z.number().int(),
    submittedCount: z.number().int(),
    closedAt: z.string().nullable(),
    isDemo: z.boolean(),
    /** The caller's own organisation in this collection, if it is asked. */
    own: z
      .object({
        organisationId: z.number().int(),
        status: collectionMemberStatusSchema,
        submittedAt: z.string().nullable(),
        remindedAt: z.string().nullable(),
      })
      .nullable(),
    canManage: z.boolean(),
    canFill: z.boolean(),
  })
  .meta({ id: 'Collection' })
export type CollectionDto = z.infer<typeof collectionSchema>

export const collectionListSchema = z.object({ collections: z.array(collectionSchema) })
export const collectionIdParamsSchema = z.object({ id: z.coerce.number().int().positive() })
export const collectionOrgQuerySchema = z.object({
  org: z.coerce.number().int().positive().describe('the organisation whose form is meant'),
})

export const findingSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.enum([
      'not_finite',
      'negative',
      'below_minimum',
      'above_maximum',
      'change',
      'outlier',
      'breakdown_sum',
      'missing_again',
    ]),
    indicator: z.string(),
    period: z.string(),
    breakdown: z.string(),
    message: z.string(),
    ...serverMessageFields(),
  })
  .meta({ id: 'CollectionFinding' })
export type FindingDto = z.infer<typeof findingSchema>

export const formCellSchema = z.object({
  indicator: z.string(),
  period: z.string(),
  breakdown: z.string(),
  value: z.number().nullable(),
  /** The organisation's value of the period before (for reference), if it has one. */
  previousValue: z.number().nullable(),
  comment: z.string(),
})

export const collectionFormSchema = z
  .object({
    collectionId: z.number().int(),
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    status: collectionMemberStatusSchema,
    submittedAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    isEditable: z.boolean(),
    cells: z.array(formCellSchema),
    findings: z.array(findingSchema),
    /** Warnings without a comment on their cell (each needs a correction or a comment). */
    uncommentedWarnings: z.number().int(),
    errors: z.number().int(),
  })
  .meta({ id: 'CollectionForm' })
export type CollectionFormDto = z.infer<typeof collectionFormSchema>

export const saveCollectionFormRequestSchema = z.object({
  organisationId: z.number().int().positive(),
  cells: z
    .array(
      z.object({
        indicator: z.string().max(40),
        period: periodText,
        breakdown: z.string().max(40).default('total'),
        value: boundedNumber.nullable(),
        comment: z.string().max(MAX_SHORT_TEXT).default(''),
      }),
    )
    .max(MAX_FORM_CELLS),
})
export type SaveCollectionFormRequest = z.infer<typeof saveCollectionFormRequestSchema>

export const collectionOrganisationRequestSchema = z.object({ organisationId: z.number().int().positive() })

export const remindRequestSchema = z.object({
  /** Organisations to remind; absent: every organisation that has not submitted. */
  organisationIds: z.array(z.number().int().positive()).max(MAX_LIST_ITEMS).optional(),
})
export const remindedSchema = z.object({ reminded: z.number().int() })

export const matrixCellStateSchema = z.enum(['missing', 'draft', 'submitted', 'warning', 'commented'])
export const collectionMatrixSchema = z
  .object({
    collectionId: z.number().int(),
    indicators: z.array(z.string()),
    rows: z.array(
      z.object({
        organisation: z.object({ id: z.number().int(), name: z.string() }),
        status: collectionMemberStatusSchema,
        submittedAt: z.string().nullable(),
        remindedAt: z.string().nullable(),
        cells: z.array(z.object({ indicator: z.string(), state: matrixCellStateSchema })),
        /** The warnings of the form with the member's comment (empty: not commented). */
        warnings: z.array(findingSchema.extend({ comment: z.string() })),
      }),
    ),
  })
  .meta({ id: 'CollectionMatrix' })
export type CollectionMatrixDto = z.infer<typeof collectionMatrixSchema>

export const closeCollectionResponseSchema = z.object({
  collection: collectionSchema,
  /** Values written as observations (new or revised). */
  valuesWritten: z.number().int(),
  batchId: z.number().int().nullable(),
})

export const resultOrganisationSchema = z.object({
  /** Null when the caller may not identify the organisation; negative for a pseudonym. */
  id: z.number().int().nullable(),
  name: z.string(),
  kind: z.enum(['named', 'pseudonymised', 'anonymous']),
})

export const collectionResultsSchema = z
  .object({
    collectionId: z.number().int(),
    title: z.string(),
    closedAt: z.string(),
    /** The caller's organisation did not deliver and the collection shows the others only to those that did. */
    isRestricted: z.boolean(),
    indicators: z.array(
      collectionIndicatorSchema.extend({
        cells: z.array(
          z.object({
            period: z.string(),
            breakdown: z.string(),
            /** Organisations the statistics pool (those the caller sees, and hidden ones where allowed). */
            organisationCount: z.number().int(),
            mean: z.number().nullable(),
            /** Null where hidden organisations are pooled (no order statistic over them). */
            median: z.number().nullable(),
            min: z.number().nullable(),
            max: z.number().nullable(),
            disclosure: z.object({
              level: z.enum(['full', 'mean_only', 'visible_only']),
              reason: z.string().nullable(),
              hiddenCount: z.number().int(),
            }),
            members: z.array(
              z.object({ organisation: resultOrganisationSchema, value: z.number(), isOwn: z.boolean() }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CollectionResults' })
export type CollectionResultsDto = z.infer<typeof collectionResultsSchema>

export const figureCollectionResultsQuerySchema = z.object({
  figure: z
    .string()
    .max(40)
    .regex(/^[A-Z][A-Z0-9_]*$/),
})
export const figureCollectionResultsSchema = z.object({ results: z.array(collectionResultsSchema) })
