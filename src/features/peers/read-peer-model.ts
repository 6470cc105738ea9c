import type { Kysely } from 'kysely'
import { assessPartition } from '../../core/peers'
import type { PeerModelDto, PeerQualityDto } from '../../contracts/peers'
import type { DB } from '../../db/schema'
import { describeQuality } from './describe-quality'
import { findPeerModel, type StoredModel, type StoredProfile } from './peer-model.repository'

const member = (o: { id: number; name: string; ags5: string | null; landCode: string | null }) => ({
  organisationId: o.id,
  name: o.name,
  ags5: o.ags5,
  landCode: o.landCode,
})

/** A stored model as the API and the CLI show it. */
export function describePeerModel(model: StoredModel): PeerModelDto {
  return {
    id: model.id,
    name: model.name,
    kind: model.kind,
    networkId: model.networkId,
    method: model.method,
    parameters: model.parameters,
    inputs: model.inputs,
    vintage: model.vintage,
    groups: model.groups.map((g) => ({
      code: g.code,
      name: g.name,
      size: g.members.length,
      members: g.members.map(member),
    })),
    assignments: model.groups
      .flatMap((g) => g.members.map((m) => ({ ...member(m), group: g.code })))
      .sort((a, b) => (a.ags5 ?? '~').localeCompare(b.ags5 ?? '~') || a.name.localeCompare(b.name)),
    excluded: model.result.excluded,
    notes: model.result.notes.map((n) => (typeof n === 'string' ? { message: n } : n)),
    quality: model.quality,
    dendrogram: model.result.dendrogram,
    createdBy: model.createdBy,
    createdAt: model.createdAt,
    updatedAt: model.updatedAt,
    moves: model.result.moves,
  }
}

export async function readPeerModel(db: Kysely<DB>, id: number): Promise<PeerModelDto> {
  return describePeerModel(await findPeerModel(db, id))
}

/**
 * Quality of an assignment (organisation → group code) on a stored profile, without the bootstrap
 * (that judges a method, not a hand-made partition). Null when fewer than two organisations of
 * the profile are assigned.
 */
export function assessStoredPartition(input: {
  profile: StoredProfile
  assignment: ReadonlyMap<number, string>
  codes: readonly string[]
}): PeerQualityDto | null {
  const { profile, assignment, codes } = input
  const rows = profile.organisationIds.flatMap((id, i) => {
    const code = assignment.get(id)
    const label = code === undefined ? -1 : codes.indexOf(code)
    return label >= 0 ? [{ i, label }] : []
  })
  if (rows.length < 2) return null
  const quality = assessPartition({
    matrix: rows.map((r) => profile.matrix[r.i]!),
    raw: rows.map((r) => profile.raw[r.i]!),
    columns: profile.columns,
    labels: rows.map((r) => r.label),
  })
  return describeQuality({ quality, codes, basis: profile.basis, organisations: rows.length })
}
