/**
 * Comparison groups from peer models, for the key-figure engine: an organisation's group in a
 * peer model (by default the latest official types, else the latest model), or the organisation
 * with its nearest neighbours on the context profile.
 */
import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { DB } from '../../db/schema'
import { findNeighbourIds } from './find-peer-neighbours'
import { findLatestPeerModelId, findPeerModel } from './peer-model.repository'

/** Members of the organisation's group in a peer model, with a label such as "IAB-Typen 2014: Typ 3". */
export async function resolvePeerTypeGroup(
  db: Kysely<DB>,
  options: { organisationId: number; modelId?: number },
): Promise<{ label: string; organisationIds: number[] }> {
  const modelId =
    options.modelId ??
    (await findLatestPeerModelId(db, ['official_types'])) ??
    (await findLatestPeerModelId(db, ['computed', 'manual']))
  if (modelId === undefined) throw notFound(message('peers.noModelYet'))
  const model = await findPeerModel(db, modelId)
  const group = model.groups.find((g) => g.members.some((m) => m.id === options.organisationId))
  if (!group)
    throw notFound(
      message('peers.organisationWithoutGroup', {
        organisationId: options.organisationId,
        model: model.name,
      }),
    )
  return {
    label: `${model.name}: ${group.name}`,
    organisationIds: group.members.map((m) => m.id).sort((a, b) => a - b),
  }
}

/** The organisation and its k nearest neighbours (default 10) on the current context profile. */
export async function resolveNeighbourGroup(
  db: Kysely<DB>,
  options: { organisationId: number; k?: number },
): Promise<{ label: string; organisationIds: number[] }> {
  const k = options.k ?? 10
  const ids = await findNeighbourIds(db, { organisationId: options.organisationId, k })
  return {
    label: `${k} nächste Nachbarn / nearest neighbours`,
    organisationIds: [options.organisationId, ...ids].sort((a, b) => a - b),
  }
}
