/**
 * Key figures: catalogue, computed values, group statistics, context model and excellence, as the
 * server, the web UI and the CLI (--json) see them.
 */
import { z } from 'zod'
import { MISSING_REASONS } from '../core/kpi/evaluate'
import { POLARITIES } from '../core/kpi/polarity'
import {
  confidentialitySchema,
  isoDate,
  keyText,
  listText,
  MAX_KEY,
  MAX_LIST_CHARS,
  serverTextSchema,
  refusedAs,
} from './common'
import { sourceMixSchema, valueSourceSchema } from './published-figures'

const monthText = z.string().regex(/^\d{4}-\d{2}$/, refusedAs('pattern.month'))
const figureCode = z
  .string()
  .max(MAX_KEY)
  .regex(/^[A-Z][A-Z0-9_]*$/, refusedAs('pattern.figureCodeLong'))
const asOfText = z
  .string()
  .max(40)
  .describe('compute from the values known at this date or instant (YYYY-MM-DD = end of that day, UTC)')

export const kpiMissingReasonSchema = z.enum(MISSING_REASONS)
export const polaritySchema = z.enum(POLARITIES)
export const displayTransformSchema = z.enum(['percent', 'change_rate'])
export const groupKindSchema = z
  .enum(['ring', 'all', 'set', 'type', 'neighbours', 'comparison_type'])
  .describe(
    "ring = the organisation's comparison ring in that month, all = the whole network, set = a hand-picked list (orgs), type = its group in the latest official types (else the latest peer model), neighbours = itself and its 10 nearest neighbours by context, comparison_type = every job centre of its official comparison type (also outside the network)",
  )

export const figureVersionSchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    validFrom: isoDate,
    nameDe: z.string(),
    nameEn: z.string(),
    explanationDe: z.string(),
    explanationEn: z.string(),
    numerator: z.string(),
    denominator: z.string(),
    unit: z.string(),
    transform: displayTransformSchema,
    polarity: polaritySchema,
    hasSexBreakdown: z.boolean(),
    legalSource: z.string(),
    isOfficial: z.boolean(),
    confidentiality: confidentialitySchema,
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'FigureVersion' })

export const figureSchema = z
  .object({
    code: z.string(),
    /** The latest version. */
    current: figureVersionSchema,
    versions: z.array(figureVersionSchema),
    breakdowns: z.array(z.string()),
    display: z.string().describe('how the value is shown, e.g. "(ratio − 1) · 100"'),
    requiredMonths: z.number().int().describe('months of data ending with the month that the figure needs'),
  })
  .meta({ id: 'Figure' })

export const catalogueSchema = z.object({ figures: z.array(figureSchema) })
export type CatalogueDto = z.infer<typeof catalogueSchema>
export type FigureDto = z.infer<typeof figureSchema>

export const createFigureRequestSchema = z.object({
  code: figureCode,
  nameDe: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
  explanationDe: z.string().max(2000).default(''),
  explanationEn: z.string().max(2000).default(''),
  numerator: z.string().min(1).max(1000).describe('formula, e.g. sum(integrations, 12)'),
  denominator: z.string().min(1).max(1000).default('1'),
  unit: z.string().max(20).default('%'),
  transform: displayTransformSchema.default('percent'),
  polarity: polaritySchema,
  hasSexBreakdown: z.boolean().default(false),
  validFrom: monthText.default('2011-01').describe('first month this version applies to'),
  legalSource: z.string().max(500).default(''),
})
export type CreateFigureRequest = z.infer<typeof createFigureRequestSchema>

export const missingDetailSchema = z.object({
  reason: kpiMissingReasonSchema,
  month: z.string().describe('the month that caused it'),
  indicator: z.string().optional(),
  breakdown: z.string().optional(),
  cause: kpiMissingReasonSchema.optional().describe('for incomplete_window: why that month was missing'),
})

export const figureValueSchema = z
  .object({
    period: monthText,
    version: z.number().int(),
    value: z.number().nullable().describe('after the display transform (percent or change rate)'),
    ratio: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    missing: missingDetailSchema.nullable(),
    source: valueSourceSchema,
  })
  .meta({ id: 'FigureValue' })
export type FigureValueDto = z.infer<typeof figureValueSchema>

export const figureValuesQuerySchema = z.object({
  figure: figureCode,
  org: keyText().min(1).describe('organisation id, 5-digit AGS or NUTS-3 code'),
  breakdown: keyText().default('total'),
  from: monthText.optional(),
  to: monthText.optional(),
  asOf: asOfText.optional(),
})

export const figureValuesSchema = z.object({
  figure: z.object({ code: z.string(), nameDe: z.string(), nameEn: z.string(), unit: z.string() }),
  organisation: z.object({ id: z.number().int(), name: z.string() }),
  breakdown: z.string(),
  asOf: z.string().nullable(),
  values: z.array(figureValueSchema),
})
export type FigureValuesDto = z.infer<typeof figureValuesSchema>

export const groupQuerySchema = z.object({
  figure: figureCode,
  org: keyText().min(1).describe('the organisation whose group is meant (and that is highlighted)'),
  group: groupKindSchema.default('ring'),
  orgs: z
    .string()
    .max(MAX_LIST_CHARS)
    .optional()
    .describe('for group=set: comma-separated organisation keys'),
  period: monthText.optional().describe('default: the latest computed month'),
  breakdown: keyText().default('total'),
  asOf: asOfText.optional(),
})

export const groupMemberSchema = z
  .object({
    organisationId: z.number().int(),
    name: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    missing: missingDetailSchema.nullable(),
    source: valueSourceSchema,
    rank: z.number().int().nullable(),
    percentile: z.number().nullable(),
    zScore: z.number().nullable(),
    gapToBest: z.number().nullable().describe('positive = better; 0 for the best'),
    gapToMedian: z.number().nullable().describe('positive = better than the median'),
    trend12: z.number().nullable().describe('OLS slope over the last 12 months, display units per month'),
    changeToPreviousYear: z.number().nullable().describe('value − value 12 months earlier'),
  })
  .meta({ id: 'GroupMember' })

export const disclosureSchema = z
  .object({
    level: z
      .enum(['full', 'mean_only', 'visible_only'])
      .describe(
        'full: every statistic; mean_only: count, mean and ranks over organisations outside your view, no order statistic or spread; visible_only: statistics over the organisations you can see only',
      ),
    reason: z
      .enum(['own_figure', 'too_few', 'incomplete', 'differencing', 'not_own_group'])
      .nullable()
      .describe('why organisations outside your view were left out (visible_only)'),
    hiddenCount: z.number().int().describe('organisations outside your view pooled (mean_only) or left out'),
  })
  .meta({
    id: 'Disclosure',
    description: 'What the disclosure rules let you see of this group (docs/security.md)',
  })
export type DisclosureDto = z.infer<typeof disclosureSchema>

export const groupStatisticsSchema = z
  .object({
    figure: z.object({ code: z.string(), nameDe: z.string(), nameEn: z.string(), polarity: polaritySchema }),
    group: z.object({ kind: groupKindSchema, label: z.string(), organisationIds: z.array(z.number().int()) }),
    period: monthText,
    breakdown: z.string(),
    asOf: z.string().nullable(),
    isPerformanceRanking: z.boolean(),
    n: z.number().int().describe('members with a value'),
    missing: z.number().int().describe('members without a value (listed with their reason, never as 0)'),
    mean: z.number().nullable(),
    median: z.number().nullable(),
    q1: z.number().nullable(),
    q3: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    standardDeviation: z.number().nullable(),
    best: z.number().nullable(),
    members: z.array(groupMemberSchema),
    disclosure: disclosureSchema,
  })
  .meta({ id: 'GroupStatistics' })
export type GroupStatisticsDto = z.infer<typeof groupStatisticsSchema>

export const contextModelQuerySchema = z.object({
  figure: figureCode,
  period: monthText.optional(),
  breakdown: keyText().default('total'),
  context: z
    .string()
    .max(MAX_LIST_CHARS)
    .optional()
    .describe(
      'comma-separated yearly context indicators; default sgb2_rate,unemployment_rate,gdp_per_employed,population_density (density enters as its logarithm)',
    ),
  org: keyText().optional().describe('explain the result for this organisation'),
  asOf: asOfText.optional(),
})

export const contextObservationSchema = z.object({
  organisationId: z.number().int(),
  name: z.string(),
  actual: z.number(),
  expected: z.number(),
  residual: z.number(),
  lower: z.number(),
  upper: z.number(),
  classification: z.enum([
    'better_than_expected',
    'worse_than_expected',
    'as_expected',
    'above_expected',
    'below_expected',
  ]),
  contextYear: z.record(z.string(), z.number().int()).describe('year of each context value used'),
  source: valueSourceSchema,
})

export const contextModelSchema = z
  .object({
    figure: z.object({ code: z.string(), nameDe: z.string(), nameEn: z.string(), polarity: polaritySchema }),
    period: monthText,
    breakdown: z.string(),
    asOf: z.string().nullable(),
    context: z.array(z.string()).describe('predictors as used, e.g. log(population_density)'),
    n: z.number().int(),
    excluded: z.array(
      z.object({
        organisationId: z.number().int(),
        message: z.string().describe('why, in English; render messageKey and params for other languages'),
        messageKey: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    ),
    confidence: z.number(),
    coefficients: z.array(
      z.object({
        name: z.string(),
        estimate: z.number(),
        standardError: z.number(),
        tValue: z.number(),
        pValue: z.number(),
      }),
    ),
    rSquared: z.number(),
    adjustedRSquared: z.number(),
    residualStandardError: z.number(),
    observations: z.array(contextObservationSchema),
    source: sourceMixSchema.describe('where the figure values the model was fitted on come from'),
    howToReadDe: z.string(),
    howToReadEn: z.string(),
    organisation: z
      .object({ organisationId: z.number().int(), explanationDe: z.string(), explanationEn: z.string() })
      .nullable(),
  })
  .meta({ id: 'ContextModel' })
export type ContextModelDto = z.infer<typeof contextModelSchema>

export const excellenceQuerySchema = groupQuerySchema.extend({
  context: contextModelQuerySchema.shape.context,
})

const named = { organisationId: z.number().int(), name: z.string() }
export const excellenceSchema = z
  .object({
    figure: z.object({ code: z.string(), nameDe: z.string(), nameEn: z.string(), polarity: polaritySchema }),
    group: groupStatisticsSchema.shape.group,
    period: monthText,
    breakdown: z.string(),
    isPerformanceRanking: z.boolean(),
    byLevel: z.array(
      z.object({
        ...named,
        value: z.number(),
        rank: z.number().int(),
        n: z.number().int(),
        groupMedian: z.number(),
        gapToMedian: z.number(),
        percentile: z.number().nullable(),
        source: sourceMixSchema,
      }),
    ),
    byImprovement: z.array(
      z.object({
        ...named,
        value: z.number(),
        valuePreviousYear: z.number(),
        change: z.number(),
        improvement: z.number().describe('the change signed so that positive = improved'),
        rank: z.number().int(),
        n: z.number().int(),
        groupMedianImprovement: z.number(),
        source: sourceMixSchema,
      }),
    ),
    beyondContext: z.array(
      z.object({
        ...named,
        actual: z.number(),
        expected: z.number(),
        residual: z.number(),
        lower: z.number(),
        upper: z.number(),
        classification: contextObservationSchema.shape.classification,
        rank: z.number().int(),
        source: sourceMixSchema,
      }),
    ),
    consistency: z.array(
      z.object({
        ...named,
        monthsInTopQuartile: z.number().int(),
        monthsConsidered: z.number().int(),
        monthsMissing: z.number().int(),
        latestValue: z.number().nullable(),
        source: sourceMixSchema,
      }),
    ),
    source: sourceMixSchema.describe(
      "where the group's values of the 13 months and the context model's values come from",
    ),
    notes: z.array(serverTextSchema),
  })
  .meta({ id: 'Excellence' })
export type ExcellenceDto = z.infer<typeof excellenceSchema>

export const figureSummaryQuerySchema = groupQuerySchema.extend({
  context: contextModelQuerySchema.shape.context,
})

export const figureSummarySchema = z
  .object({
    figure: figureSchema.shape.current,
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    period: monthText,
    breakdown: z.string(),
    asOf: z.string().nullable(),
    value: z.number().nullable(),
    ratio: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    missing: missingDetailSchema.nullable(),
    source: valueSourceSchema,
    group: z.object({
      kind: groupKindSchema,
      label: z.string(),
      n: z.number().int(),
      rank: z.number().int().nullable(),
      percentile: z.number().nullable(),
      mean: z.number().nullable(),
      median: z.number().nullable(),
      q1: z.number().nullable(),
      q3: z.number().nullable(),
      best: z.number().nullable(),
      gapToMedian: z.number().nullable(),
      trend12: z.number().nullable(),
      changeToPreviousYear: z.number().nullable(),
      disclosure: disclosureSchema,
    }),
    context: z
      .object({
        predictors: z.array(z.string()),
        rSquared: z.number(),
        n: z.number().int(),
        expected: z.number(),
        lower: z.number(),
        upper: z.number(),
        residual: z.number(),
        classification: contextObservationSchema.shape.classification,
        explanationDe: z.string(),
        explanationEn: z.string(),
        source: sourceMixSchema.describe('where the values the context model was fitted on come from'),
      })
      .nullable(),
    contextUnavailable: z
      .object({ de: z.string(), en: z.string() })
      .nullable()
      .describe('why there is no context comparison, if there is none, in German and English'),
  })
  .meta({ id: 'FigureSummary' })
export type FigureSummaryDto = z.infer<typeof figureSummarySchema>

/** At most this many figures in one batched summaries request. */
export const MAX_SUMMARIES_PER_REQUEST = 50

export const figureSummariesQuerySchema = figureSummaryQuerySchema.omit({ figure: true }).extend({
  figures: listText({
    item: figureCode,
    max: MAX_SUMMARIES_PER_REQUEST,
    noun: 'a figure code',
    plural: 'figures',
  })
    .optional()
    .describe(
      'comma-separated figure codes, e.g. K1,K2,K3; default: every official figure (the 15 of § 48a)',
    ),
})
export type FigureSummariesQuery = z.infer<typeof figureSummariesQuerySchema>

export const figureSummariesSchema = z
  .object({
    summaries: z.array(figureSummarySchema).describe('in the order of the figures asked for'),
    unavailable: z
      .array(
        z.object({
          figure: z.string(),
          code: z.string(),
          message: z.string().describe('in English; render key and params for other languages'),
          key: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
        }),
      )
      .describe(
        'figures without a summary and why (code as in the error shape, e.g. not_found for an unknown figure)',
      ),
  })
  .meta({ id: 'FigureSummaries' })
export type FigureSummariesDto = z.infer<typeof figureSummariesSchema>

export const computeRequestSchema = z.object({
  isFull: z.boolean().default(false).describe('recompute everything instead of only what changed'),
})

export const computeSummarySchema = z.object({
  kind: z.enum(['full', 'incremental', 'up_to_date']),
  reason: z.string(),
  runId: z.number().int().nullable(),
  organisations: z.number().int(),
  figures: z.number().int(),
  valuesWritten: z.number().int(),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
  seconds: z.number(),
})
export type ComputeSummaryDto = z.infer<typeof computeSummarySchema>
