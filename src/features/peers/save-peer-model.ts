import type { FormPeerGroupsRequest, PeerModelDto } from '../../contracts/peers'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { describeBasis } from './describe-quality'
import { insertPeerModel } from './peer-model.repository'
import { proposePeerGroups } from './propose-peer-groups'
import { readPeerModel } from './read-peer-model'

/**
 * Forms peer groups as requested (the same seeded computation as a proposal, so the saved model
 * is the proposal that was shown) and saves them as a model with inputs, parameters, vintage,
 * result and quality, in one transaction with its audit entry.
 */
export async function savePeerModel(
  database: Database,
  options: {
    request: FormPeerGroupsRequest
    name: string
    actor: AuditActor
    now: Date
    /** Progress of the stability check (replicates done, total). */
    onProgress?: (done: number, total: number) => void
  },
): Promise<PeerModelDto> {
  const { request, actor, now } = options
  return database.transaction(async (tx) => {
    const proposal = await proposePeerGroups(tx.db, request, { onProgress: options.onProgress })
    const { dto, profile } = proposal
    const id = await insertPeerModel(tx.db, {
      networkId: profile.networkId,
      name: options.name,
      kind: 'computed',
      method: request.method,
      parameters: dto.parameters,
      inputs: dto.inputs,
      vintage: dto.vintage,
      result: {
        profile: {
          organisationIds: profile.organisations.map((o) => o.id),
          columns: profile.indicators.map((i) => i.code),
          raw: profile.raw,
          matrix: profile.matrix,
          basis: describeBasis(profile.referenceYear, profile.indicators),
        },
        dendrogram: dto.dendrogram,
        excluded: dto.excluded,
        notes: dto.notes,
        moves: [],
      },
      quality: dto.quality,
      createdBy: actor.label,
      createdByUserId: actor.userId,
      at: now,
      groups: proposal.groups.map((g, index) => ({
        ...g,
        organisationIds: profile.organisations
          .filter((_, i) => proposal.labels[i] === index)
          .map((o) => o.id),
      })),
    })
    await recordAudit(tx.db, {
      actor,
      action: 'peer_model.create',
      entity: 'peer_model',
      entityId: id,
      after: {
        name: options.name,
        method: request.method,
        parameters: dto.parameters,
        referenceYear: dto.vintage.referenceYear,
        groups: dto.groups.map((g) => ({
          code: g.code,
          organisationIds: g.members.map((m) => m.organisationId),
        })),
        rSquared: dto.quality?.rSquared ?? null,
      },
      at: now,
    })
    return readPeerModel(tx.db, id)
  })
}
