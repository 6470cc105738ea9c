/**
 * Peer groups and rings over HTTP. Forming, saving, moving, applying and importing types are for
 * administrators and network-wide moderators (a model spans every organisation of the network);
 * an organisation's neighbours and ring history are for whoever sees that organisation in full
 * (its own members, moderators of its ring, administrators). Neighbours the caller may not see by
 * name appear as "a job centre outside your ring" with distance and indicator shares only.
 */
import { notFound } from '../../core/errors/app-error'
import { isoDate } from '../../core/periods/dates'
import { organisationVisibility, PERMISSIONS, type Viewer } from '../../core/permissions'
import {
  applyPeerModelRequestSchema,
  applyPeerModelResultSchema,
  comparePeerModelsQuerySchema,
  formPeerGroupsRequestSchema,
  importPeerTypesQuerySchema,
  importPeerTypesSummarySchema,
  movePeerMembersRequestSchema,
  neighboursQuerySchema,
  neighboursSchema,
  peerComparisonSchema,
  peerModelListSchema,
  peerModelParamsSchema,
  peerModelSchema,
  peerMovePreviewSchema,
  peerProposalSchema,
  proposalProgressParamsSchema,
  proposalProgressSchema,
  ringHistoryQuerySchema,
  ringHistorySchema,
  savePeerModelRequestSchema,
} from '../../contracts/peers'
import type { Database } from '../../db/connect'
import { FOR_ANY, requireNetworkWideManager, route, type Endpoint, type RoleRoute } from '../../server/route'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { findOrganisationByKey, organisationNotFound } from '../organisations/find-organisation'
import { applyPeerModel } from './apply-peer-model'
import { comparePeerModels } from './compare-peer-models'
import { findPeerNeighbours } from './find-peer-neighbours'
import { importPeerTypes } from './import-peer-types'
import { movePeerMembers, previewPeerMoves } from './move-peer-members'
import { listPeerModels } from './peer-model.repository'
import { proposePeerGroups } from './propose-peer-groups'
import { readProposalProgress, trackProposalProgress } from './proposal-progress'
import { readPeerModel } from './read-peer-model'
import { readRingHistory } from './read-ring-history'
import { savePeerModel } from './save-peer-model'
import { UPLOAD_LIMITS } from '../../core/limits/input-limits'
import { readUpload } from '../../server/read-upload'
import { message } from '../../core/messages/text'
import { rejectedFile } from '../imports/import-message'

/**
 * A route of peer models (tag "peers", for the roles of manageRings). Peer models span the whole
 * network: moderators limited to some rings may not form or read them, so the handler runs only for
 * network-wide managers.
 */
function peerModelRoute<Q, P, B, R>(
  endpoint: Endpoint,
  spec: Omit<RoleRoute<Q, P, B, R>, 'method' | 'url' | 'tag' | 'access'>,
): RoleRoute<Q, P, B, R> {
  return route('peers', endpoint, {
    ...spec,
    access: { roles: PERMISSIONS.manageRings },
    async handler(input) {
      requireNetworkWideManager(input.viewer, 'peerModels')
      return spec.handler(input)
    },
  })
}

/** The organisation named by `key` if the viewer sees it in full; else not found (as for observations). */
async function findFullyVisible(database: Database, viewer: Viewer, key: string, at: string) {
  const organisation = await findOrganisationByKey(database.db, key)
  const rings = await findOrganisationRings(database.db, { at })
  const visibility = organisationVisibility(
    viewer,
    rings.get(organisation.id) ?? { id: organisation.id, rings: [] },
  )
  if (visibility !== 'full') throw organisationNotFound(key)
  return { organisation, rings }
}

/** Runs `compute` with its progress readable under `token` (if given) until it ends. */
async function withProgress<T>(
  token: string | undefined,
  viewer: Viewer,
  compute: (onProgress?: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  if (!token) return compute()
  const progress = trackProposalProgress(token, viewer.userId)
  try {
    return await compute(progress.onProgress)
  } finally {
    progress.finish()
  }
}

export const proposePeerGroupsRoute = peerModelRoute('POST /api/v1/peers/proposals', {
  operationId: 'proposePeerGroups',
  summary: 'Form peer groups or rings (Ward, k-means, bounded rings) with their quality; saves nothing',
  body: formPeerGroupsRequestSchema,
  response: peerProposalSchema,
  async handler({ body, context, viewer }) {
    return withProgress(
      body.progressToken,
      viewer,
      async (onProgress) => (await proposePeerGroups(context.database.db, body, { onProgress })).dto,
    )
  },
})

export const getProposalProgressRoute = peerModelRoute('GET /api/v1/peers/progress/:token', {
  operationId: 'getProposalProgress',
  summary: "Progress of the caller's running proposal or model computation sent with this progressToken",
  params: proposalProgressParamsSchema,
  response: proposalProgressSchema,
  async handler({ params, viewer }) {
    const progress = readProposalProgress(params.token, viewer.userId)
    if (!progress) throw notFound(message('peers.noProgress'))
    return progress
  },
})

export const savePeerModelRoute = peerModelRoute('POST /api/v1/peers/models', {
  operationId: 'savePeerModel',
  summary: 'Form peer groups as for a proposal and save them as a peer model',
  body: savePeerModelRequestSchema,
  response: peerModelSchema,
  async handler({ body, context, viewer, actor, now }) {
    const { name, ...request } = body
    return withProgress(body.progressToken, viewer, (onProgress) =>
      savePeerModel(context.database, { request, name, actor, now, onProgress }),
    )
  },
})

export const listPeerModelsRoute = peerModelRoute('GET /api/v1/peers/models', {
  operationId: 'listPeerModels',
  summary: 'Saved peer models, newest first',
  response: peerModelListSchema,
  handler: async ({ context }) => ({ models: await listPeerModels(context.database.db) }),
})

export const getPeerModelRoute = peerModelRoute('GET /api/v1/peers/models/:id', {
  operationId: 'getPeerModel',
  summary: 'One peer model: inputs, parameters, data vintage, groups, quality, hand moves',
  params: peerModelParamsSchema,
  response: peerModelSchema,
  handler: ({ params, context }) => readPeerModel(context.database.db, params.id),
})

export const comparePeerModelsRoute = peerModelRoute('GET /api/v1/peers/compare', {
  operationId: 'comparePeerModels',
  summary: 'Compare two peer models: adjusted Rand index, matched groups, who moved where',
  query: comparePeerModelsQuerySchema,
  response: peerComparisonSchema,
  handler: ({ query, context }) => comparePeerModels(context.database.db, query),
})

export const previewPeerMoveRoute = peerModelRoute('POST /api/v1/peers/models/:id/moves/preview', {
  operationId: 'previewPeerMove',
  summary: 'Quality before and after moving members by hand, and the constraints the moves would break',
  params: peerModelParamsSchema,
  body: movePeerMembersRequestSchema,
  response: peerMovePreviewSchema,
  handler: ({ params, body, context }) =>
    previewPeerMoves(context.database.db, { modelId: params.id, request: body }),
})

export const movePeerMembersRoute = peerModelRoute('POST /api/v1/peers/models/:id/moves', {
  operationId: 'movePeerMembers',
  summary: 'Move members by hand (refused while a size bound or constraint is broken)',
  params: peerModelParamsSchema,
  body: movePeerMembersRequestSchema,
  response: peerModelSchema,
  handler: ({ params, body, context, actor, now }) =>
    movePeerMembers(context.database, { modelId: params.id, request: body, actor, now }),
})

export const applyPeerModelRoute = peerModelRoute('POST /api/v1/peers/models/:id/apply', {
  operationId: 'applyPeerModel',
  summary: "Make the model's groups the network's rings from a day (current memberships end the day before)",
  params: peerModelParamsSchema,
  body: applyPeerModelRequestSchema,
  response: applyPeerModelResultSchema,
  handler: ({ params, body, context, actor, now }) =>
    applyPeerModel(context.database, { modelId: params.id, validFrom: body.validFrom, actor, now }),
})

export const importPeerTypesRoute = peerModelRoute('POST /api/v1/peers/types', {
  operationId: 'importPeerTypes',
  summary:
    'Import official comparison types (CSV: organisation key → type code, optional type name) as a peer model',
  query: importPeerTypesQuerySchema,
  isUpload: true,
  response: importPeerTypesSummarySchema,
  async handler({ query, request, context, actor, now }) {
    const file = await readUpload(request, { maxBytes: UPLOAD_LIMITS.peerTypesMaxBytes })
    const summary = await importPeerTypes(context.database, {
      fileName: file.fileName,
      bytes: file.bytes,
      name: query.name,
      networkId: query.networkId,
      isDryRun: query.dryRun === 'true',
      actor,
      now,
    })
    if (!summary.isCommitted && !summary.isDryRun)
      throw rejectedFile(
        summary,
        message('peers.typesRejected', { file: summary.fileName, count: summary.errors.length }),
      )
    return summary
  },
})

export const listPeerNeighboursRoute = route('peers', 'GET /api/v1/peers/neighbours', {
  operationId: 'listPeerNeighbours',
  summary:
    'Nearest neighbours of an organisation by context, each with the share of every indicator and a sentence why',
  access: FOR_ANY,
  query: neighboursQuerySchema,
  response: neighboursSchema,
  async handler({ query, context, viewer, now }) {
    const { organisation, rings } = await findFullyVisible(context.database, viewer, query.org, isoDate(now))
    return findPeerNeighbours(context.database.db, {
      organisation,
      k: query.k,
      modelId: query.model,
      canSeeByName: (id) => {
        const visibility = organisationVisibility(viewer, rings.get(id) ?? { id, rings: [] })
        return visibility === 'full' || visibility === 'named'
      },
    })
  },
})

export const getRingHistoryRoute = route('peers', 'GET /api/v1/peers/history', {
  operationId: 'getRingHistory',
  summary: "An organisation's ring memberships over time",
  access: FOR_ANY,
  query: ringHistoryQuerySchema,
  response: ringHistorySchema,
  async handler({ query, context, viewer, now }) {
    const { organisation } = await findFullyVisible(context.database, viewer, query.org, isoDate(now))
    return readRingHistory(context.database.db, organisation)
  },
})

export const peerRoutes = [
  proposePeerGroupsRoute,
  getProposalProgressRoute,
  savePeerModelRoute,
  listPeerModelsRoute,
  getPeerModelRoute,
  comparePeerModelsRoute,
  previewPeerMoveRoute,
  movePeerMembersRoute,
  applyPeerModelRoute,
  importPeerTypesRoute,
  listPeerNeighboursRoute,
  getRingHistoryRoute,
]
