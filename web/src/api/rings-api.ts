/**
 * The Rings page's API: peer-group proposals, saved models, hand moves with their quality change,
 * applying a model to the rings, and the district boundaries for the map. Each call is validated
 * with the shared zod contract (src/contracts/peers.ts, src/contracts/areas.ts).
 */
import type { Answer } from './client'
import type {
  boundaryListSchema,
  importBoundariesSummarySchema,
  ImportBoundariesSummaryDto,
} from '../../../src/contracts/areas'
import type {
  applyPeerModelResultSchema,
  peerModelSchema,
  peerMovePreviewSchema,
  peerProposalSchema,
  proposalProgressSchema,
  ApplyPeerModelResultDto,
  FormPeerGroupsRequest,
  MovePeerMembersRequest,
  PeerModelDto,
  PeerMovePreviewDto,
  PeerProposalDto,
} from '../../../src/contracts/peers'
import { apiRequest, apiUpload } from './client'
import { queryCache } from './query-cache'
import { invalidateSession } from './resources'
import { useApiQuery } from './use-query'

const BOUNDARIES = '/api/v1/areas/boundaries'

/** The boundaries for the map; `enabled: false` waits (the map is drawn on demand). */
export const useBoundaries = () => useApiQuery<Answer<typeof boundaryListSchema>>(BOUNDARIES)

export const proposePeerGroups = (request: FormPeerGroupsRequest): Promise<PeerProposalDto> =>
  apiRequest<Answer<typeof peerProposalSchema>>('/api/v1/peers/proposals', { method: 'POST', json: request })

/** How far the stability check of the proposal sent with `progressToken` is (404 once it has ended). */
export const readProposalProgress = (token: string) =>
  apiRequest<Answer<typeof proposalProgressSchema>>(`/api/v1/peers/progress/${encodeURIComponent(token)}`)

export const savePeerModel = (request: FormPeerGroupsRequest & { name: string }): Promise<PeerModelDto> =>
  apiRequest<Answer<typeof peerModelSchema>>('/api/v1/peers/models', { method: 'POST', json: request })

export const previewPeerMoves = (
  modelId: number,
  request: MovePeerMembersRequest,
): Promise<PeerMovePreviewDto> =>
  apiRequest<Answer<typeof peerMovePreviewSchema>>(`/api/v1/peers/models/${modelId}/moves/preview`, {
    method: 'POST',
    json: request,
  })

export const movePeerMembers = (modelId: number, request: MovePeerMembersRequest): Promise<PeerModelDto> =>
  apiRequest<Answer<typeof peerModelSchema>>(`/api/v1/peers/models/${modelId}/moves`, {
    method: 'POST',
    json: request,
  })

export async function applyPeerModel(modelId: number, validFrom: string): Promise<ApplyPeerModelResultDto> {
  const result = await apiRequest<Answer<typeof applyPeerModelResultSchema>>(
    `/api/v1/peers/models/${modelId}/apply`,
    {
      method: 'POST',
      json: { validFrom },
    },
  )
  // New rings change the rings list, the map, groups of every chart and the organisations' rings.
  queryCache.invalidate('/api/v1/rings')
  queryCache.invalidate(BOUNDARIES)
  queryCache.invalidate('/api/v1/organisations')
  invalidateSession()
  return result
}

export async function uploadBoundaries(
  file: File,
  options: { isDryRun: boolean },
): Promise<ImportBoundariesSummaryDto> {
  const form = new FormData()
  form.append('file', file, file.name)
  const summary = await apiUpload<Answer<typeof importBoundariesSummarySchema>>(BOUNDARIES, {
    form,
    query: { dryRun: options.isDryRun ? 'true' : 'false' },
  })
  if (summary.isCommitted) queryCache.invalidate(BOUNDARIES)
  return summary
}
