/**
 * Published figure values (the official § 48a figures as the statistics office publishes them) and
 * their reconciliation with the platform's own computation.
 */
import { z } from 'zod'
import { keyText, MAX_KEY, refusedAs } from './common'
import { fileImportSummarySchema } from './imports'

const monthText = z.string().regex(/^\d{4}-\d{2}$/, refusedAs('pattern.month'))

/** Where a compared value comes from: the platform's computation or the official publication. */
export const valueSourceSchema = z
  .enum(['computed', 'published'])
  .describe('computed: from the raw series on this platform; published: the official publication')
export type ValueSource = z.infer<typeof valueSourceSchema>

/** The sources of the values a comparison used: one of them, or both (mixed). */
export const sourceMixSchema = z
  .enum(['computed', 'published', 'mixed'])
  .describe('computed or published: every value used came from there; mixed: some from each')
export type SourceMixDto = z.infer<typeof sourceMixSchema>

const partsSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
})

export const reconciliationFindingSchema = z
  .object({
    organisationId: z.number().int(),
    name: z.string(),
    figure: z.string(),
    period: monthText,
    breakdown: z.string(),
    published: partsSchema,
    computed: partsSchema,
    differs: z.array(z.enum(['value', 'numerator', 'denominator'])),
    tolerance: z
      .number()
      .describe('half a unit of the published value’s last decimal: differences up to this are rounding'),
  })
  .meta({ id: 'ReconciliationFinding' })
export type ReconciliationFindingDto = z.infer<typeof reconciliationFindingSchema>

export const reconciliationSchema = z
  .object({
    compared: z.number().int().describe('published values that also have a computed value'),
    differing: z.number().int().describe('of these, the ones that differ beyond rounding'),
    findings: z.array(reconciliationFindingSchema).describe('the differing values you may see in full'),
  })
  .meta({ id: 'Reconciliation' })
export type ReconciliationDto = z.infer<typeof reconciliationSchema>

/** The result of importing published figure values (mapping kind "published-figures"). */
export const publishedFiguresSummarySchema = fileImportSummarySchema
  .extend({
    format: z.literal('published-figures'),
    reconciliation: reconciliationSchema,
  })
  .meta({ id: 'PublishedFiguresSummary' })
export type PublishedFiguresSummaryDto = z.infer<typeof publishedFiguresSummarySchema>

export const figureReconciliationQuerySchema = z.object({
  period: monthText.optional().describe('default: the latest month with published values'),
  breakdown: keyText().default('total'),
})

export const figureReconciliationParamsSchema = z.object({
  code: z
    .string()
    .max(MAX_KEY)
    .regex(/^[A-Z][A-Z0-9_]*$/, refusedAs('pattern.figureCode')),
})

export const figureReconciliationSchema = reconciliationSchema
  .extend({
    figure: z.string(),
    period: monthText.nullable().describe('null: no published values for this figure'),
    breakdown: z.string(),
  })
  .meta({ id: 'FigureReconciliation' })
export type FigureReconciliationDto = z.infer<typeof figureReconciliationSchema>
