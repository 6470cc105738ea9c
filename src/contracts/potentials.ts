/**
 * Improvement potential with its evidence (GET /api/v1/potentials), the ring's learning spotlight
 * for the moderator, and the council report's query. What a caller may see follows the key-figure
 * rules: the organisation only by name, the group's quartiles only where the disclosure rules allow
 * them (else its mean, said so), better peers only by name, practice cards as the library labels
 * them, effects only of adoptions whose adopter the caller may see.
 */
import { z } from 'zod'
import { COUNCIL_SECTIONS, type CouncilSection } from '../core/benchlearning/council-sections'
import { keyText, refusedAs } from './common'
import { disclosureSchema, polaritySchema } from './kpi'
import { practiceSummarySchema } from './practices'
import { valueSourceSchema } from './published-figures'

const monthText = z.string().regex(/^\d{4}-\d{2}$/, refusedAs('pattern.month'))

export const potentialGroupSchema = z
  .enum(['ring', 'type', 'neighbours'])
  .describe('the better peers under similar conditions: ring, comparison type or nearest neighbours')

export const potentialsQuerySchema = z.object({
  org: keyText().min(1).describe('organisation id, 5-digit AGS or NUTS-3 code'),
  group: potentialGroupSchema.default('ring'),
  period: monthText.optional().describe('default: the latest computed month'),
})
export type PotentialsQuery = z.infer<typeof potentialsQuerySchema>

export const translatedGapSchema = z
  .object({
    series: z.string().describe('the raw series the numerator counts, e.g. integrations or llu'),
    isMoney: z.boolean().describe('euros (llu, luh) rather than people'),
    amount: z.number(),
    amountPerYear: z.number().describe('a year of events, or 12 × a monthly amount of money'),
    per: z.enum(['year', 'month']).describe("'month' for a month's stock of people"),
  })
  .meta({ id: 'TranslatedGap' })

export const pooledEffectSchema = z
  .object({
    estimate: z.number(),
    standardError: z.number(),
    lower: z.number(),
    upper: z.number(),
    adoptions: z.number().int().describe('adoptions behind the pooled estimate'),
    direction: z.enum(['favourable', 'unfavourable', 'unclear', 'no_polarity']),
  })
  .meta({ id: 'PooledEffect' })
export type PooledEffectDto = z.infer<typeof pooledEffectSchema>

export const potentialEvidenceSchema = z.object({
  practice: practiceSummarySchema,
  isFromBetterPeer: z.boolean().describe('written by one of the better peers listed'),
  /** Adoptions of the card whose adopter the caller may see (the others are not counted at all). */
  adoptionsVisible: z.number().int(),
  pooledEffect: pooledEffectSchema
    .nullable()
    .describe('null where no visible adoption has an effect check yet'),
})

export const figurePotentialSchema = z
  .object({
    figure: z.object({
      code: z.string(),
      nameDe: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      polarity: polaritySchema,
    }),
    actual: z.number(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    source: valueSourceSchema.describe('where the actual value comes from'),
    tier: z.enum(['worse_than_expected', 'below_expected', 'behind_peers']),
    standardisedGap: z.number().nullable(),
    toExpected: z
      .object({
        target: z.number(),
        gap: z.number(),
        lower: z.number(),
        upper: z.number(),
        translated: translatedGapSchema.nullable(),
        translatedRange: z.object({ low: z.number(), high: z.number() }).nullable(),
      })
      .nullable(),
    toPeers: z
      .object({
        kind: z.enum(['quartile', 'quartile_visible', 'mean']),
        target: z.number(),
        gap: z.number(),
        group: z.string(),
        n: z.number().int(),
        translated: translatedGapSchema.nullable(),
      })
      .nullable(),
    disclosure: disclosureSchema,
    betterPeers: z
      .array(
        z.object({ id: z.number().int(), name: z.string(), value: z.number(), source: valueSourceSchema }),
      )
      .describe('peers of the group with a better value that the caller may see by name'),
    evidence: z.array(potentialEvidenceSchema),
  })
  .meta({ id: 'FigurePotential' })
export type FigurePotentialDto = z.infer<typeof figurePotentialSchema>

export const potentialsSchema = z
  .object({
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    period: monthText,
    group: z.object({ kind: potentialGroupSchema, label: z.string() }),
    ringId: z.number().int().nullable().describe("the organisation's ring (for a topic proposal)"),
    potentials: z.array(figurePotentialSchema).describe('most realistic first'),
    withoutGap: z.array(z.string()).describe('figures where the organisation is at or above both references'),
    unavailable: z.array(z.object({ figure: z.string(), reason: z.string() })),
  })
  .meta({ id: 'Potentials' })
export type PotentialsDto = z.infer<typeof potentialsSchema>

export const learningSpotlightQuerySchema = z.object({
  period: monthText.optional().describe('default: the latest computed month'),
})

export const learningSpotlightSchema = z
  .object({
    ringId: z.number().int(),
    period: monthText.nullable(),
    items: z.array(
      z.object({
        organisation: z.object({ id: z.number().int(), name: z.string() }),
        potential: figurePotentialSchema,
      }),
    ),
  })
  .meta({ id: 'LearningSpotlight' })
export type LearningSpotlightDto = z.infer<typeof learningSpotlightSchema>

export { COUNCIL_SECTIONS, type CouncilSection }

export const councilReportQuerySchema = z.object({
  format: z.enum(['pdf', 'pptx']),
  lang: z.enum(['de', 'en']).default('de'),
  period: monthText.optional().describe('the date of data; default: the latest computed month'),
  sections: z
    .string()
    .max(200)
    .optional()
    .describe(`comma-separated, any of ${COUNCIL_SECTIONS.join(', ')}; default: all`),
})
export type CouncilReportQuery = z.infer<typeof councilReportQuerySchema>

export const councilReportParamsSchema = z.object({ org: keyText().min(1) })
