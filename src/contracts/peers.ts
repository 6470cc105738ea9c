/**
 * Peer groups and comparison rings (issue 4): context profiles, proposals (Ward, k-means, bounded
 * rings), saved peer models, hand moves with their quality change, rings created from a model,
 * nearest neighbours with explanations, and the import of official comparison types.
 *
 * For the web UI (Rings page): every proposal and model carries `groups` (with members),
 * `assignments` (flat), `excluded` (organisations without complete context data, never dropped
 * silently) and `quality`. Group codes (`R01`, or the imported type code) identify groups within
 * one model; organisation ids identify members.
 */
import { z } from 'zod'
import { isoDate, keyText, MAX_LIST_ITEMS, refusedAs } from './common'
import { importErrorSchema, unmatchedKeySchema } from './imports'

export const peerMethodSchema = z
  .enum(['ward', 'kmeans', 'rings'])
  .describe(
    'ward = Ward hierarchical clustering; kmeans = Ward refined by k-means; rings = k rings with minimum and maximum size',
  )
export type PeerMethod = z.infer<typeof peerMethodSchema>

export const columnTransformSchema = z
  .enum(['none', 'log', 'rank'])
  .describe('applied before standardising: none, natural log (skewed figures), rank (robust to outliers)')

export const peerModelKindSchema = z.enum(['computed', 'official_types', 'manual'])

const indicatorCode = keyText().regex(/^[a-z][a-z0-9_]*$/, refusedAs('pattern.indicatorCode'))

/** Which context indicators, how transformed and weighted, for which year. */
export const contextProfileRequestSchema = z.object({
  indicators: z
    .array(indicatorCode)
    .min(1)
    .max(MAX_LIST_ITEMS)
    .optional()
    .describe('context indicator codes; default: the standard profile (those with data)'),
  transforms: z
    .record(keyText(), columnTransformSchema)
    .optional()
    .describe('per indicator; default log for population, density and tourism, else none'),
  weighting: z
    .enum(['manual', 'regression'])
    .default('manual')
    .describe(
      'manual = weights as given (default 1); regression = from regressions of K1, K2, K3 on the indicators',
    ),
  weights: z.record(keyText(), z.number().min(0)).optional().describe('per indicator, for weighting=manual'),
  referenceYear: z
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('default: the latest year in which every indicator has values'),
  networkId: z.number().int().optional().describe('default: the only network'),
})
export type ContextProfileRequest = z.infer<typeof contextProfileRequestSchema>

const orgKey = keyText().min(1).describe('organisation id, 5-digit AGS or NUTS-3 code')

export const formPeerGroupsRequestSchema = contextProfileRequestSchema.extend({
  method: peerMethodSchema,
  k: z.number().int().min(1).max(1000),
  minSize: z.number().int().min(1).optional().describe('method=rings: smallest ring'),
  maxSize: z.number().int().min(1).optional().describe('method=rings: largest ring'),
  together: z
    .array(z.tuple([orgKey, orgKey]))
    .max(MAX_LIST_ITEMS)
    .optional()
    .describe('method=rings: pairs in the same ring'),
  apart: z
    .array(z.tuple([orgKey, orgKey]))
    .max(MAX_LIST_ITEMS)
    .optional()
    .describe('method=rings: pairs in different rings'),
  pinned: z
    .array(z.object({ org: orgKey, ring: z.number().int().min(1) }))
    .max(MAX_LIST_ITEMS)
    .optional()
    .describe('method=rings: organisation fixed to ring 1…k'),
  land: z
    .enum(['spread', 'group'])
    .optional()
    .describe(
      'method=rings: spread = at most ceil(n_Land / k) of one Land per ring; group = prefer one Land',
    ),
  seed: z.number().int().optional(),
  bootstrapReplicates: z
    .number()
    .int()
    .min(0)
    .max(200)
    .optional()
    .describe('stability check (mean adjusted Rand index); default 20, 0 = skip'),
  progressToken: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .optional()
    .describe(
      'random token chosen by the caller; GET /api/v1/peers/progress/{token} reports the stability check',
    ),
})
export type FormPeerGroupsRequest = z.infer<typeof formPeerGroupsRequestSchema>

export const savePeerModelRequestSchema = formPeerGroupsRequestSchema.extend({
  name: z.string().trim().min(1).max(200),
})
export type SavePeerModelRequest = z.infer<typeof savePeerModelRequestSchema>

export const peerIndicatorSchema = z.object({
  code: z.string(),
  nameDe: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  transform: columnTransformSchema,
  /** Weight in the squared distance (Σ weight · z-difference²). */
  weight: z.number(),
  /** Years of the values used (a value may come from an earlier year when the year has none). */
  yearFrom: z.number().int().nullable(),
  yearTo: z.number().int().nullable(),
})

export const regressionTargetSchema = z.object({
  figure: z.string(),
  period: z.string(),
  n: z.number().int(),
  rSquared: z.number(),
  coefficients: z.array(
    z.object({
      code: z.string(),
      standardisedEffect: z.number(),
      pValue: z.number(),
      isSignificant: z.boolean(),
    }),
  ),
})

export const peerInputsSchema = z.object({
  indicators: z.array(peerIndicatorSchema),
  referenceYear: z.number().int().nullable(),
  weighting: z.enum(['manual', 'regression', 'none']),
  /** For weighting=regression: each target's fit; weights = mean over targets of |β| / Σ|β|. */
  regression: z.array(regressionTargetSchema).optional(),
})
export type PeerInputsDto = z.infer<typeof peerInputsSchema>

export const peerVintageSchema = z.object({
  referenceYear: z.number().int().nullable(),
  latestBatchId: z.number().int().nullable(),
  latestBatchAt: z.string().nullable(),
  source: z.string().nullable(),
})

/**
 * A note or violation the server wrote: `message` in English (for API users), `messageKey` and
 * `params` to render it in the reader's language (absent in notes of models saved before).
 */
export const peerTextSchema = z.object({
  message: z.string(),
  messageKey: importErrorSchema.shape.messageKey,
  params: importErrorSchema.shape.params,
})
export type PeerTextDto = z.infer<typeof peerTextSchema>

export const peerQualitySchema = z
  .object({
    /** What the quality was computed on, e.g. "context profile 2021 (5 indicators)". */
    basis: z.string(),
    organisations: z.number().int(),
    groups: z.number().int(),
    /** Share of variance explained by the groups (1 − within / total sum of squares). */
    rSquared: z.number(),
    withinSS: z.number(),
    totalSS: z.number(),
    /** Mean silhouette width (−1…1) and per group; null when it is undefined (1 group, singletons only). */
    silhouette: z.number().nullable(),
    silhouetteByGroup: z.record(z.string(), z.number().nullable()),
    /**
     * Mean adjusted Rand index of re-clusterings of bootstrap samples (1 = perfectly stable), with
     * the rows drawn per sample (fewer than the organisations only for very large tables) and the
     * standard error of the mean (absent in models saved before they were reported).
     */
    stability: z
      .object({
        meanAdjustedRandIndex: z.number(),
        replicates: z.number().int(),
        sampleRows: z.number().int().optional(),
        standardError: z.number().optional(),
      })
      .nullable(),
    /** Per group and indicator: mean, population sd, min, max of the untransformed values. */
    spread: z.array(
      z.object({
        group: z.string(),
        size: z.number().int(),
        indicators: z.array(
          z.object({ code: z.string(), mean: z.number(), sd: z.number(), min: z.number(), max: z.number() }),
        ),
      }),
    ),
  })
  .meta({ id: 'PeerQuality' })
export type PeerQualityDto = z.infer<typeof peerQualitySchema>

export const peerMemberSchema = z.object({
  organisationId: z.number().int(),
  name: z.string(),
  /** 5-digit AGS of the organisation's district (null if it has none). */
  ags5: z.string().nullable(),
  landCode: z.string().nullable(),
})

export const peerGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  size: z.number().int(),
  members: z.array(peerMemberSchema),
})

export const dendrogramSchema = z
  .object({
    /** Leaf i is organisation leafIds[i]; merged clusters get ids n, n + 1, … (scipy layout). */
    leafIds: z.array(z.number().int()),
    /** [a, b, height, size] per merge, sorted by height. */
    merges: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])),
  })
  .describe('Ward only: the merge tree, for drawing the dendrogram')

export const peerProposalSchema = z
  .object({
    method: z.enum(['ward', 'kmeans', 'rings', 'imported']),
    parameters: z.record(z.string(), z.unknown()),
    inputs: peerInputsSchema,
    vintage: peerVintageSchema,
    groups: z.array(peerGroupSchema),
    assignments: z.array(peerMemberSchema.extend({ group: z.string() })),
    /** Organisations of the network without complete context data: listed, never dropped silently. */
    excluded: z.array(peerMemberSchema.extend({ missing: z.array(z.string()) })),
    notes: z.array(peerTextSchema),
    quality: peerQualitySchema.nullable(),
    dendrogram: dendrogramSchema.nullable(),
  })
  .meta({ id: 'PeerProposal' })
export type PeerProposalDto = z.infer<typeof peerProposalSchema>

export const peerMoveRecordSchema = z.object({
  organisationId: z.number().int(),
  name: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
  by: z.string(),
})

export const peerModelSchema = peerProposalSchema
  .extend({
    id: z.number().int(),
    name: z.string(),
    kind: peerModelKindSchema,
    networkId: z.number().int().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Hand moves since the model was formed, oldest first. */
    moves: z.array(peerMoveRecordSchema),
  })
  .meta({ id: 'PeerModel' })
export type PeerModelDto = z.infer<typeof peerModelSchema>

export const peerModelSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: peerModelKindSchema,
  method: z.string(),
  groups: z.number().int(),
  members: z.number().int(),
  referenceYear: z.number().int().nullable(),
  rSquared: z.number().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
})
export const peerModelListSchema = z.object({ models: z.array(peerModelSummarySchema) })
export type PeerModelListDto = z.infer<typeof peerModelListSchema>

export const peerModelParamsSchema = z.object({ id: z.coerce.number().int().positive() })

export const comparePeerModelsQuerySchema = z.object({
  a: z.coerce.number().int().positive().describe('first model id'),
  b: z.coerce.number().int().positive().describe('second model id'),
})

export const peerComparisonSchema = z
  .object({
    a: z.object({ id: z.number().int(), name: z.string() }),
    b: z.object({ id: z.number().int(), name: z.string() }),
    /** Organisations in both models (the comparison is over them). */
    common: z.number().int(),
    onlyInA: z.array(peerMemberSchema),
    onlyInB: z.array(peerMemberSchema),
    /** 1 = the same partition up to renaming, ≈ 0 = no more agreement than chance. */
    adjustedRandIndex: z.number(),
    /** For each group of b: the group of a it matches best (one-to-one), or null. */
    matches: z.array(z.object({ b: z.string(), a: z.string().nullable(), overlap: z.number().int() })),
    /** Who is not in the match of their group of a. */
    moves: z.array(peerMemberSchema.extend({ from: z.string(), to: z.string() })),
  })
  .meta({ id: 'PeerComparison' })
export type PeerComparisonDto = z.infer<typeof peerComparisonSchema>

export const movePeerMembersRequestSchema = z.object({
  moves: z
    .array(z.object({ org: orgKey, toGroup: keyText().min(1).describe('group code, e.g. R03') }))
    .max(MAX_LIST_ITEMS)
    .min(1),
})
export type MovePeerMembersRequest = z.infer<typeof movePeerMembersRequestSchema>

export const peerMovePreviewSchema = z
  .object({
    moves: z.array(peerMemberSchema.extend({ from: z.string().nullable(), to: z.string() })),
    before: peerQualitySchema.nullable(),
    after: peerQualitySchema.nullable(),
    sizes: z.array(z.object({ group: z.string(), before: z.number().int(), after: z.number().int() })),
    /** Size bounds or hard constraints of the model the moves would break: a save is refused then. */
    violations: z.array(peerTextSchema),
  })
  .meta({ id: 'PeerMovePreview' })
export type PeerMovePreviewDto = z.infer<typeof peerMovePreviewSchema>

export const applyPeerModelRequestSchema = z.object({
  validFrom: isoDate.describe('first day of the new rings; current memberships end the day before'),
})

export const applyPeerModelResultSchema = z
  .object({
    modelId: z.number().int(),
    networkId: z.number().int(),
    validFrom: isoDate,
    rings: z.array(
      z.object({
        ringId: z.number().int(),
        code: z.string(),
        name: z.string(),
        members: z.number().int(),
        isNew: z.boolean(),
      }),
    ),
    endedMemberships: z.number().int(),
    endedRings: z.array(z.string()),
    /** Network members the model has no group for (e.g. excluded for missing data): now in no ring. */
    withoutRing: z.array(peerMemberSchema),
    /**
     * Meetings still to come that were planned under the old membership and no longer fit: their
     * ring ended, their host or registered organisations are not members of the ring on the day.
     */
    meetingsToCheck: z.array(
      z.object({
        meetingId: z.number().int(),
        title: z.string(),
        startsOn: isoDate,
        ringCode: z.string(),
        isRingEnded: z.boolean(),
        isHostOutside: z.boolean(),
        registrationsOutside: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ApplyPeerModelResult' })
export type ApplyPeerModelResultDto = z.infer<typeof applyPeerModelResultSchema>

export const neighboursQuerySchema = z.object({
  org: orgKey,
  k: z.coerce.number().int().min(1).max(103).default(10),
  model: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("a computed model's profile; default: the latest computed model, else the standard profile"),
})

export const neighbourSchema = z.object({
  rank: z.number().int(),
  /** Null when the caller may not see this organisation by name (outside their ring). */
  organisationId: z.number().int().nullable(),
  name: z.string(),
  isHidden: z.boolean(),
  distance: z.number(),
  /** Distance / distance to the least similar organisation (0…1). */
  rebasedDistance: z.number(),
  contributions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** Share of this indicator in the squared distance (shares add up to 100). */
      sharePercent: z.number(),
      value: z.number().nullable(),
      neighbourValue: z.number().nullable(),
    }),
  ),
  explanationDe: z.string(),
  explanationEn: z.string(),
})

export const neighboursSchema = z
  .object({
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    basis: z.object({
      modelId: z.number().int().nullable(),
      referenceYear: z.number().int().nullable(),
      indicators: z.array(peerIndicatorSchema),
    }),
    neighbours: z.array(neighbourSchema),
  })
  .meta({ id: 'PeerNeighbours' })
export type NeighboursDto = z.infer<typeof neighboursSchema>

export const ringHistoryQuerySchema = z.object({ org: orgKey })

export const ringHistorySchema = z
  .object({
    organisation: z.object({ id: z.number().int(), name: z.string() }),
    memberships: z.array(
      z.object({
        ringId: z.number().int(),
        code: z.string(),
        name: z.string(),
        networkName: z.string(),
        validFrom: isoDate,
        validTo: isoDate.nullable(),
      }),
    ),
  })
  .meta({ id: 'RingHistory' })
export type RingHistoryDto = z.infer<typeof ringHistorySchema>

export const importPeerTypesQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('name of the new peer model, e.g. "IAB-Vergleichstypen 2014"'),
  dryRun: z.enum(['true', 'false']).optional(),
  networkId: z.coerce.number().int().optional(),
})

export const importPeerTypesSummarySchema = z
  .object({
    fileName: z.string(),
    isDryRun: z.boolean(),
    isCommitted: z.boolean(),
    modelId: z.number().int().nullable(),
    rowsRead: z.number().int(),
    assigned: z.number().int(),
    groups: z.array(z.object({ code: z.string(), name: z.string(), size: z.number().int() })),
    errors: z.array(
      z.object({
        row: z.number().int().optional(),
        column: z.string().optional(),
        value: z.string().optional(),
        message: z.string(),
        messageKey: importErrorSchema.shape.messageKey,
        params: importErrorSchema.shape.params,
      }),
    ),
    /** Keys of districts no organisation in benchlearn serves (e.g. joint job centres): listed, not errors. */
    unmatched: z.array(unmatchedKeySchema),
    /** Network members the file assigns no type (listed, not an error). */
    withoutType: z.array(peerMemberSchema),
  })
  .meta({ id: 'ImportPeerTypesSummary' })
export type ImportPeerTypesSummaryDto = z.infer<typeof importPeerTypesSummarySchema>

export const proposalProgressParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) })

/** How far the stability check of a running proposal is: replicates done of total. */
export const proposalProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
})
export type ProposalProgressDto = z.infer<typeof proposalProgressSchema>
