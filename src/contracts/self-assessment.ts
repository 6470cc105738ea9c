/**
 * The self-assessment (qualitative benchmarking after the EU PES benchlearning method): cycles
 * with enabler areas and a configurable maturity scale, answers per organisation with evidence
 * notes, and the comparison within a ring.
 *
 * Who sees answers: the own organisation in full; ring peers by name or under a pseudonym as the
 * ring's sharing setting says; nobody outside the ring, except statistics over at least 5 answers.
 */
import { z } from 'zod'
import { isoDate, keyText, MAX_LIST_ITEMS, refusedAs } from './common'

export const scaleLevelSchema = z.object({
  level: z.number().int(),
  labelDe: z.string().min(1).max(80),
  labelEn: z.string().min(1).max(80),
  descriptionDe: z.string().max(2_000).default(''),
  descriptionEn: z.string().max(2_000).default(''),
})

export const scaleSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    /** One entry per level from min to max. */
    levels: z.array(scaleLevelSchema).max(MAX_LIST_ITEMS),
  })
  .meta({ id: 'MaturityScale' })
export type ScaleDto = z.infer<typeof scaleSchema>

export const enablerAreaSchema = z
  .object({
    /** Stable across cycles (lower case, digits, _): the change since the last cycle is matched by it. */
    code: keyText().regex(/^[a-z0-9_]+$/, refusedAs('pattern.lowerCode')),
    nameDe: z.string().min(1).max(200),
    nameEn: z.string().min(1).max(200),
    descriptionDe: z.string().max(4_000).default(''),
    descriptionEn: z.string().max(4_000).default(''),
  })
  .meta({ id: 'EnablerArea' })

export const cycleSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    startsOn: isoDate,
    endsOn: isoDate,
    scale: scaleSchema,
    areas: z.array(enablerAreaSchema),
    /** The cycle before this one (same network), whose answers give the change. */
    previousCycle: z.object({ id: z.number().int(), code: z.string() }).nullable(),
    /** Organisations that answered at least one area. */
    respondentCount: z.number().int(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'SelfAssessmentCycle' })
export type CycleDto = z.infer<typeof cycleSchema>

export const cycleListSchema = z.object({ cycles: z.array(cycleSchema) })

export const cycleWriteSchema = z.object({
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(200),
  startsOn: isoDate,
  endsOn: isoDate,
  /** Default: 1–5 maturity levels (see docs/practices-and-self-assessment.md). */
  scale: scaleSchema.optional(),
  /** Default: the seven PES enabler areas. */
  areas: z.array(enablerAreaSchema).min(1).max(20).optional(),
})
export const createCycleRequestSchema = cycleWriteSchema.extend({
  /** Default: the only (or first) network. */
  networkId: z.number().int().positive().optional(),
})
export type CreateCycleRequest = z.infer<typeof createCycleRequestSchema>
export const updateCycleRequestSchema = cycleWriteSchema.omit({ code: true }).partial()
export type UpdateCycleRequest = z.infer<typeof updateCycleRequestSchema>

export const cycleParamsSchema = z.object({ id: z.coerce.number().int().positive() })

/** An organisation as the comparison shows it to the caller. */
export const assessedOrganisationSchema = z.object({
  /** Negative for a pseudonym. */
  id: z.number().int(),
  name: z.string(),
  isPseudonymised: z.boolean(),
  isOwn: z.boolean(),
})

export const answerSchema = z.object({
  areaCode: keyText(),
  score: z.number().int(),
  evidenceNote: z.string(),
  answeredAt: z.string(),
})

export const answersQuerySchema = z.object({
  org: z.coerce.number().int().positive().optional().describe('default: your organisation'),
})

export const answerSheetSchema = z
  .object({
    cycleId: z.number().int(),
    organisation: assessedOrganisationSchema,
    answers: z.array(answerSchema),
    canEdit: z.boolean(),
  })
  .meta({ id: 'SelfAssessmentAnswers' })
export type AnswerSheetDto = z.infer<typeof answerSheetSchema>

export const saveAnswersRequestSchema = z.object({
  /** Administrators answer for any organisation; members only for their own (the default). */
  organisationId: z.number().int().positive().optional(),
  answers: z
    .array(
      z.object({
        areaCode: keyText(),
        score: z.number().int(),
        evidenceNote: z.string().max(4_000).default(''),
      }),
    )
    .min(1)
    .max(MAX_LIST_ITEMS),
})
export type SaveAnswersRequest = z.infer<typeof saveAnswersRequestSchema>

export const compareQuerySchema = z.object({
  ring: keyText().min(1).describe('ring code (R01) or id'),
  cycle: keyText().optional().describe('cycle code (2025) or id; default: the latest cycle'),
  org: z.coerce
    .number()
    .int()
    .optional()
    .describe('focus organisation (id, or a pseudonym id from this comparison); default: your own'),
})

const nullableNumber = z.number().nullable()

export const areaComparisonSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  score: nullableNumber,
  /** Answers in this area; the statistics are null when the caller may not see the ring and fewer than 5 answered. */
  organisationCount: z.number().int(),
  mean: nullableNumber,
  median: nullableNumber,
  best: nullableNumber,
  worst: nullableNumber,
  gapToBest: nullableNumber,
  previousScore: nullableNumber,
  change: nullableNumber,
  previousMean: nullableNumber,
  meanChange: nullableNumber,
})

export const selfAssessmentComparisonSchema = z
  .object({
    cycle: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    previousCycle: z.object({ id: z.number().int(), code: z.string() }).nullable(),
    isPreviousComparable: z.boolean(),
    ring: z.object({ id: z.number().int(), code: z.string(), name: z.string(), sharing: z.string() }),
    scale: scaleSchema,
    /** The organisation the scores, gaps and changes are for (null: ring statistics only). */
    focus: assessedOrganisationSchema.nullable(),
    areas: z.array(areaComparisonSchema),
    radar: z.object({
      indicators: z.array(z.object({ code: z.string(), name: z.string(), min: z.number(), max: z.number() })),
      series: z.array(
        z.object({
          key: z.enum(['own', 'mean', 'best', 'previous']),
          values: z.array(nullableNumber),
        }),
      ),
    }),
    /** Each member's scores, by name or pseudonym; empty when the caller may not see the ring's members. */
    members: z.array(
      z.object({
        organisation: assessedOrganisationSchema,
        scores: z.record(z.string(), z.number().int()),
      }),
    ),
    isDemo: z.boolean(),
  })
  .meta({ id: 'SelfAssessmentComparison' })
export type SelfAssessmentComparisonDto = z.infer<typeof selfAssessmentComparisonSchema>
