/**
 * The good-practice library: practice cards, search, adoptions and the effect check.
 *
 * Who sees a card: `ring` cards the members of the card's ring (and moderators of it, admins);
 * `network` cards every signed-in user; `public` cards also anonymous callers (through
 * /api/v1/public/practices). Drafts only the authoring organisation, its moderators and admins.
 * The authoring organisation is named on the card only to callers who may see it by name under the
 * ring rules; pseudonymised ring peers see its pseudonym, everyone else "a job centre of the
 * network" (the card's contact field, written by the authors, says whom to ask).
 */
import { z } from 'zod'
import { isoDate, MAX_OFFSET } from './common'
import { polaritySchema } from './kpi'
import { sourceMixSchema } from './published-figures'

export const practiceVisibilitySchema = z
  .enum(['ring', 'network', 'public'])
  .describe("who may read the card: the author's ring, every signed-in member of the network, or anyone")
export const practiceStatusSchema = z.enum(['draft', 'published'])

/** An organisation as a card shows it to the caller. */
export const practiceOrganisationSchema = z
  .object({
    /** Null when the caller may not identify the organisation; negative for a pseudonym. */
    id: z.number().int().nullable(),
    name: z.string(),
    kind: z.enum(['named', 'pseudonymised', 'anonymous']),
    key: z.string().optional().describe('for the anonymous label: its key in the server catalogue'),
  })
  .meta({ id: 'PracticeOrganisation' })

export const practiceSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    /** The first ~240 characters of the problem, for lists. */
    excerpt: z.string(),
    status: practiceStatusSchema,
    visibility: practiceVisibilitySchema,
    organisation: practiceOrganisationSchema,
    topics: z.array(z.string()),
    figureCodes: z.array(z.string()),
    publishedAt: z.string().nullable(),
    /** All adoptions, including those of organisations the caller may not see one by one. */
    adoptionCount: z.number().int(),
    /** Full-text rank when searched with q (higher = better match), else null. */
    rank: z.number().nullable(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'PracticeSummary' })
export type PracticeSummaryDto = z.infer<typeof practiceSummarySchema>

export const practiceListQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      "German full-text search (websearch syntax: words, \"phrases\", -excluded; stemmed: 'Beratungen' finds 'Beratung', but 'Vermittlung' does not find 'vermittelt')",
    ),
  topic: z.string().max(80).optional(),
  figure: z.string().max(40).optional().describe('a key-figure code linked to the card, e.g. K2'),
  organisation: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('cards of one organisation (only one the caller may see by name)'),
  visibility: practiceVisibilitySchema.optional(),
  status: practiceStatusSchema
    .optional()
    .describe('draft: the drafts the caller may edit; default: published cards'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0),
})
export type PracticeListQuery = z.infer<typeof practiceListQuerySchema>

export const practiceListSchema = z.object({
  practices: z.array(practiceSummarySchema),
  /** Matches in total (for paging). */
  total: z.number().int(),
  /** Every topic in use on cards the caller may read, for the filter. */
  topics: z.array(z.string()),
})
export type PracticeListDto = z.infer<typeof practiceListSchema>

export const publicPracticeListQuerySchema = practiceListQuerySchema.omit({
  organisation: true,
  visibility: true,
  status: true,
})

export const attachmentSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    uploadedAt: z.string(),
    /** GET this path for the file. */
    url: z.string(),
  })
  .meta({ id: 'PracticeAttachment' })

export const adoptionSchema = z
  .object({
    id: z.number().int(),
    organisation: practiceOrganisationSchema,
    startedOn: isoDate,
    note: z.string(),
    /** The effect check can be read by the caller (it shows the adopter's figures). */
    canViewEffect: z.boolean(),
    /** GET this path for the effect check, when canViewEffect. */
    effectUrl: z.string().nullable(),
  })
  .meta({ id: 'PracticeAdoption' })
export type AdoptionDto = z.infer<typeof adoptionSchema>

export const practiceSchema = practiceSummarySchema
  .extend({
    problem: z.string(),
    approach: z.string(),
    resources: z.string(),
    results: z.string(),
    contact: z.string(),
    ring: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    attachments: z.array(attachmentSchema),
    /** Adoptions of organisations the caller may see (by name or pseudonym); adoptionCount counts all. */
    adoptions: z.array(adoptionSchema),
    abilities: z.object({
      canEdit: z.boolean(),
      canAdopt: z.boolean(),
      canAttach: z.boolean(),
    }),
  })
  .meta({ id: 'Practice' })
export type PracticeDto = z.infer<typeof practiceSchema>

const text = (max: number) => z.string().max(max)

// Without defaults: a PATCH must leave out what it does not change (zod 4 fills defaults even
// inside .partial(), which would blank the card).
const practiceFields = {
  title: z.string().trim().min(3, 'title: at least 3 characters').max(200),
  problem: text(10_000),
  approach: text(20_000),
  resources: text(10_000),
  results: text(10_000),
  contact: text(1_000),
  visibility: practiceVisibilitySchema,
  topics: z.array(z.string().trim().min(1).max(80)).max(20),
  figureCodes: z.array(z.string().trim().min(1).max(40)).max(15),
  status: practiceStatusSchema,
}

export const createPracticeRequestSchema = z.object({
  ...practiceFields,
  problem: practiceFields.problem.default(''),
  approach: practiceFields.approach.default(''),
  resources: practiceFields.resources.default(''),
  results: practiceFields.results.default(''),
  contact: practiceFields.contact.default(''),
  topics: practiceFields.topics.default([]),
  figureCodes: practiceFields.figureCodes.default([]),
  status: practiceStatusSchema.default('draft'),
  /** Administrators and moderators write for an organisation; members always for their own. */
  organisationId: z.number().int().positive().optional(),
  /** For visibility 'ring' when the organisation is in more than one ring. */
  ringId: z.number().int().positive().optional(),
})
export type CreatePracticeRequest = z.infer<typeof createPracticeRequestSchema>

/** Only the fields that change. */
export const updatePracticeRequestSchema = z.object(practiceFields).partial()
export type UpdatePracticeRequest = z.infer<typeof updatePracticeRequestSchema>

export const practiceIdParamsSchema = z.object({ id: z.coerce.number().int().positive() })
export const attachmentParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
})
export const adoptionParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  adoptionId: z.coerce.number().int().positive(),
})

export const adoptPracticeRequestSchema = z.object({
  startedOn: isoDate.describe('the day the organisation started to use the practice'),
  note: z.string().max(4_000).default(''),
  /** Administrators and moderators record for an organisation; members always for their own. */
  organisationId: z.number().int().positive().optional(),
})
export type AdoptPracticeRequest = z.infer<typeof adoptPracticeRequestSchema>

export const effectWordingSchema = z.object({ de: z.string(), en: z.string() })

/** One linked figure's difference-in-differences (see docs/practices-and-self-assessment.md). */
export const figureEffectSchema = z
  .object({
    figureCode: z.string(),
    nameDe: z.string(),
    nameEn: z.string(),
    polarity: polaritySchema,
    breakdown: z.literal('total'),
    isEstimated: z.boolean(),
    /** Why there is no estimate (after_window_not_over, adopter_too_few_months, too_few_peers, no_peer_spread). */
    refusalReason: z.string().nullable(),
    /** First and last month of each window and the adoption's start month, YYYY-MM. */
    window: z.object({
      start: z.string(),
      beforeFrom: z.string(),
      beforeTo: z.string(),
      afterFrom: z.string(),
      afterTo: z.string(),
    }),
    adopterBefore: z.number().nullable(),
    adopterAfter: z.number().nullable(),
    adopterChange: z.number().nullable(),
    /** Ring peers with enough values (other adopters of the practice are left out). */
    peerCount: z.number().int(),
    peerMeanChange: z.number().nullable(),
    /** Adopter's change − peers' mean change, in percentage points. */
    estimate: z.number().nullable(),
    standardError: z.number().nullable(),
    confidence: z.number(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    /** Estimate turned so that positive = improvement; null for context figures. */
    favourableEffect: z.number().nullable(),
    direction: z.enum(['favourable', 'unfavourable', 'unclear', 'no_polarity']).nullable(),
    /** Plain-language result; always says it is an indication, not proof. */
    wording: effectWordingSchema,
    source: sourceMixSchema.describe('where the adopter’s and the peers’ values in the window come from'),
    /** Monthly values for a chart: the adopter and the mean of the peers used. */
    series: z.array(
      z.object({ period: z.string(), adopter: z.number().nullable(), peerMean: z.number().nullable() }),
    ),
  })
  .meta({ id: 'FigureEffect' })
export type FigureEffectDto = z.infer<typeof figureEffectSchema>

export const effectCheckSchema = z
  .object({
    practiceId: z.number().int(),
    adoption: adoptionSchema,
    ring: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
    /** One entry per figure linked to the card. */
    figures: z.array(figureEffectSchema),
    /** "Hinweis, kein Beweis" – shown with every effect check. */
    caveat: effectWordingSchema,
  })
  .meta({ id: 'EffectCheck' })
export type EffectCheckDto = z.infer<typeof effectCheckSchema>

export const deletedSchema = z.object({ deleted: z.literal(true) })
