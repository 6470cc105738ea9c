/**
 * A proposal of peer groups or rings from the context profile: formed, judged and described, but
 * not saved (save-peer-model.ts saves the same computation).
 */
import type { Kysely } from 'kysely'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { assessPartitionAsync, createRecluster, formPeerPartition } from '../../core/peers'
import type { FormPeerGroupsRequest, PeerProposalDto } from '../../contracts/peers'
import type { DB } from '../../db/schema'
import { findOrganisationByKey } from '../organisations/find-organisation'
import { createBootstrapRunner } from './bootstrap-workers'
import { describeBasis, describeQuality, nameGroups } from './describe-quality'
import { loadContextProfile, type ContextProfile } from './load-context-profile'
import type { PeerOrganisation } from './peer-organisation.repository'

/** Parameters as stored with a model: constraints resolved to organisation ids. */
export interface PeerParameters {
  k: number
  minSize: number | null
  maxSize: number | null
  together: [number, number][]
  apart: [number, number][]
  /** Ring numbers 1…k. */
  pinned: { organisationId: number; ring: number }[]
  land: 'spread' | 'group' | null
  seed: number
  bootstrapReplicates: number
}

export interface PeerProposal {
  dto: PeerProposalDto
  profile: ContextProfile
  parameters: PeerParameters
  /** Group index per profile organisation. */
  labels: number[]
  groups: { code: string; name: string }[]
}

const member = (o: PeerOrganisation) => ({
  organisationId: o.id,
  name: o.name,
  ags5: o.ags5,
  landCode: o.landCode,
})

/**
 * Forms peer groups as requested and describes them with their quality. The stability check
 * gives the event loop a turn after each bootstrap replicate it runs on this thread (a large one is
 * shared with worker threads) and reports to `onProgress`.
 */
export async function proposePeerGroups(
  db: Kysely<DB>,
  request: FormPeerGroupsRequest,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<PeerProposal> {
  const profile = await loadContextProfile(db, request)
  const parameters = await resolveParameters(db, request, profile)
  const ids = profile.organisations.map((o) => String(o.id))
  const landOf = new Map(profile.organisations.map((o) => [String(o.id), o.landCode ?? 'unknown']))
  const partition = formPeerPartition({
    ids,
    matrix: profile.matrix,
    method: request.method,
    k: request.k,
    minSize: parameters.minSize ?? undefined,
    maxSize: parameters.maxSize ?? undefined,
    together: parameters.together.map(([a, b]) => [String(a), String(b)] as const),
    apart: parameters.apart.map(([a, b]) => [String(a), String(b)] as const),
    pinned: parameters.pinned.map((p) => ({ id: String(p.organisationId), ring: p.ring - 1 })),
    land: parameters.land ?? undefined,
    landOf: (id) => landOf.get(id) ?? 'unknown',
    seed: parameters.seed,
  })
  parameters.minSize = partition.minSize
  parameters.maxSize = partition.maxSize
  const groups = nameGroups(request.method, request.k)
  const recluster = { ...parameters, method: request.method }
  const quality = await assessPartitionAsync(
    {
      matrix: profile.matrix,
      raw: profile.raw,
      columns: profile.indicators.map((i) => i.code),
      labels: partition.labels,
      recluster: createRecluster(recluster),
      replicates: parameters.bootstrapReplicates,
      seed: parameters.seed,
      onProgress: options.onProgress,
    },
    createBootstrapRunner({ recluster, pause: () => nextTurn() }),
  )
  const dto: PeerProposalDto = {
    method: request.method,
    parameters: { ...parameters },
    inputs: {
      indicators: profile.indicators,
      referenceYear: profile.referenceYear,
      weighting: profile.weighting,
      ...(profile.regression
        ? {
            regression: profile.regression.map((fit) => ({
              figure: fit.code,
              period: String(profile.referenceYear),
              n: fit.n,
              rSquared: fit.rSquared,
              coefficients: fit.coefficients.map((c) => ({
                code: c.name,
                standardisedEffect: c.standardisedEffect,
                pValue: c.pValue,
                isSignificant: c.isSignificant,
              })),
            })),
          }
        : {}),
    },
    vintage: profile.vintage,
    groups: groups
      .map((g, index) => {
        const members = profile.organisations.filter((_, i) => partition.labels[i] === index).map(member)
        return { ...g, size: members.length, members }
      })
      .filter((g) => g.size > 0),
    assignments: profile.organisations.map((o, i) => ({
      ...member(o),
      group: groups[partition.labels[i]!]!.code,
    })),
    excluded: profile.excluded.map((e) => ({ ...member(e), missing: e.missing })),
    notes: profile.notes,
    quality: describeQuality({
      quality,
      codes: groups.map((g) => g.code),
      basis: describeBasis(profile.referenceYear, profile.indicators),
      organisations: profile.organisations.length,
    }),
    dendrogram: partition.linkage
      ? { leafIds: profile.organisations.map((o) => o.id), merges: partition.linkage.map((r) => [...r]) }
      : null,
  }
  return { dto, profile, parameters, labels: partition.labels, groups }
}

async function resolveParameters(
  db: Kysely<DB>,
  request: FormPeerGroupsRequest,
  profile: ContextProfile,
): Promise<PeerParameters> {
  const isRings = request.method === 'rings'
  const constraintFields = ['together', 'apart', 'pinned', 'land', 'minSize', 'maxSize'] as const
  if (!isRings)
    for (const field of constraintFields)
      if (request[field] !== undefined)
        throw invalidInput(message('peers.constraintsRingsOnly', { field }), [
          detail(message('peers.useRingsOrLeaveOut', { field }), { field }),
        ])
  const inProfile = new Map(profile.organisations.map((o) => [o.id, o]))
  const excluded = new Map(profile.excluded.map((o) => [o.id, o]))
  const resolve = async (field: string, key: string): Promise<number> => {
    const found = await findOrganisationByKey(db, key)
    if (inProfile.has(found.id)) return found.id
    const lacking = excluded.get(found.id)
    throw invalidInput(
      lacking
        ? message('peers.incompleteContext', {
            field,
            name: found.name,
            key,
            missing: lacking.missing.join(', '),
          })
        : message('peers.notInGroupedNetwork', { field, name: found.name, key }),
      [detail(message('peers.expectedGroupedOrganisation'), { field, value: key })],
    )
  }
  const pairs = async (field: string, list: readonly (readonly [string, string])[] | undefined) => {
    const result: [number, number][] = []
    for (const [a, b] of list ?? []) result.push([await resolve(field, a), await resolve(field, b)])
    return result
  }
  const pinned: PeerParameters['pinned'] = []
  for (const p of request.pinned ?? []) {
    if (p.ring > request.k)
      throw invalidInput(message('peers.pinnedRingMissing', { ring: p.ring, k: request.k }), [
        detail(message('peers.expectedRingNumber', { k: request.k }), {
          field: 'pinned',
          value: `${p.org}=${p.ring}`,
        }),
      ])
    pinned.push({ organisationId: await resolve('pinned', p.org), ring: p.ring })
  }
  return {
    k: request.k,
    minSize: request.minSize ?? null,
    maxSize: request.maxSize ?? null,
    together: await pairs('together', request.together),
    apart: await pairs('apart', request.apart),
    pinned,
    land: request.land ?? null,
    seed: request.seed ?? 1,
    bootstrapReplicates: request.bootstrapReplicates ?? 20,
  }
}
