/**
 * Saved peer models: the model row (inputs, parameters, vintage, result, quality as JSON), its
 * groups and its members. The JSON shapes are declared here, once.
 */
import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import type { PeerInputsDto, PeerQualityDto, PeerProposalDto, PeerTextDto } from '../../contracts/peers'
import type { DB } from '../../db/schema'
import type { PeerOrganisation } from './peer-organisation.repository'
import { message } from '../../core/messages/text'

/** The standardised profile a model was formed on: quality after hand moves is computed on it. */
export interface StoredProfile {
  organisationIds: number[]
  columns: string[]
  raw: number[][]
  matrix: number[][]
  basis: string
}

export interface StoredMove {
  organisationId: number
  name: string
  from: string | null
  to: string
  at: string
  by: string
}

export interface StoredResult {
  profile: StoredProfile | null
  dendrogram: PeerProposalDto['dendrogram']
  excluded: PeerProposalDto['excluded']
  /** Notes with their catalogue keys; models saved before keys were kept hold plain strings. */
  notes: (PeerTextDto | string)[]
  moves: StoredMove[]
}

/** What a peer model says, stored or about to be. */
interface PeerModelContent {
  networkId: number | null
  name: string
  kind: 'computed' | 'official_types' | 'manual'
  method: 'ward' | 'kmeans' | 'rings' | 'imported'
  parameters: Record<string, unknown>
  inputs: PeerInputsDto
  vintage: PeerProposalDto['vintage']
  result: StoredResult
  quality: PeerQualityDto | null
  createdBy: string
}

export interface StoredModel extends PeerModelContent {
  id: number
  createdAt: string
  updatedAt: string
  groups: { id: number; code: string; name: string; members: PeerOrganisation[] }[]
}

export interface NewPeerModel extends PeerModelContent {
  createdByUserId: number | null
  at: Date
  groups: { code: string; name: string; organisationIds: number[] }[]
}

/** Inserts a model with its groups and members; returns its id. */
export async function insertPeerModel(db: Kysely<DB>, model: NewPeerModel): Promise<number> {
  const { id } = await db
    .insertInto('peer_model')
    .values({
      network_id: model.networkId,
      name: model.name,
      kind: model.kind,
      method: model.method,
      parameters: JSON.stringify(model.parameters),
      inputs: JSON.stringify(model.inputs),
      vintage: JSON.stringify(model.vintage),
      result: JSON.stringify(model.result),
      quality: model.quality === null ? null : JSON.stringify(model.quality),
      created_by: model.createdBy,
      created_by_user_id: model.createdByUserId,
      created_at: model.at,
      updated_at: model.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const group of model.groups) {
    const { id: groupId } = await db
      .insertInto('peer_group')
      .values({ model_id: id, code: group.code, name: group.name })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (group.organisationIds.length > 0)
      await db
        .insertInto('peer_group_member')
        .values(
          group.organisationIds.map((organisationId) => ({
            model_id: id,
            group_id: groupId,
            organisation_id: organisationId,
          })),
        )
        .execute()
  }
  return id
}

/** A model with its groups and members (members ordered by AGS, then name); not_found if absent. */
export async function findPeerModel(db: Kysely<DB>, id: number): Promise<StoredModel> {
  const row = await db.selectFrom('peer_model').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(message('peers.noModelWithId', { id }))
  const groups = await db
    .selectFrom('peer_group')
    .select(['id', 'code', 'name'])
    .where('model_id', '=', id)
    .orderBy('code')
    .execute()
  const members = await db
    .selectFrom('peer_group_member as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select([
      'm.group_id',
      'o.id',
      'o.name',
      'o.land_code',
      (eb) =>
        eb
          .selectFrom('organisation_area as a')
          .select('a.ags5')
          .whereRef('a.organisation_id', '=', 'o.id')
          .orderBy('a.valid_from', 'desc')
          .limit(1)
          .as('ags5'),
    ])
    .where('m.model_id', '=', id)
    .execute()
  const sorted = members
    .map((m) => ({ groupId: m.group_id, id: m.id, name: m.name, ags5: m.ags5, landCode: m.land_code }))
    .sort((a, b) => (a.ags5 ?? '~').localeCompare(b.ags5 ?? '~') || a.name.localeCompare(b.name))
  return {
    id: row.id,
    networkId: row.network_id,
    name: row.name,
    kind: row.kind,
    method: row.method,
    parameters: row.parameters as Record<string, unknown>,
    inputs: row.inputs as PeerInputsDto,
    vintage: row.vintage as PeerProposalDto['vintage'],
    result: row.result as StoredResult,
    quality: (row.quality ?? null) as PeerQualityDto | null,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    groups: groups.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      members: sorted
        .filter((m) => m.groupId === g.id)
        .map((m) => ({ id: m.id, name: m.name, ags5: m.ags5, landCode: m.landCode })),
    })),
  }
}

/** All models, newest first, with counts. */
export async function listPeerModels(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('peer_model as p')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.method',
      'p.vintage',
      'p.quality',
      'p.created_by',
      'p.created_at',
      (eb) =>
        eb
          .selectFrom('peer_group as g')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('g.model_id', '=', 'p.id')
          .as('groups'),
      (eb) =>
        eb
          .selectFrom('peer_group_member as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.model_id', '=', 'p.id')
          .as('members'),
    ])
    .orderBy('p.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    method: r.method,
    groups: Number(r.groups ?? 0),
    members: Number(r.members ?? 0),
    referenceYear: (r.vintage as PeerProposalDto['vintage']).referenceYear,
    rSquared: (r.quality as PeerQualityDto | null)?.rSquared ?? null,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}

/** The latest model of a kind (optionally in a network), or undefined. */
export async function findLatestPeerModelId(
  db: Kysely<DB>,
  kinds: readonly StoredModel['kind'][],
): Promise<number | undefined> {
  const row = await db
    .selectFrom('peer_model')
    .select('id')
    .where('kind', 'in', [...kinds])
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row?.id
}

/** Moves members to other groups of the same model and stores the new result and quality. */
export async function updatePeerAssignments(
  db: Kysely<DB>,
  input: {
    modelId: number
    moves: { organisationId: number; groupId: number }[]
    result: StoredResult
    quality: PeerQualityDto | null
    at: Date
  },
): Promise<void> {
  for (const move of input.moves) {
    await db
      .deleteFrom('peer_group_member')
      .where('model_id', '=', input.modelId)
      .where('organisation_id', '=', move.organisationId)
      .execute()
    await db
      .insertInto('peer_group_member')
      .values({ model_id: input.modelId, group_id: move.groupId, organisation_id: move.organisationId })
      .execute()
  }
  await db
    .updateTable('peer_model')
    .set({
      result: JSON.stringify(input.result),
      quality: input.quality === null ? null : JSON.stringify(input.quality),
      updated_at: input.at,
    })
    .where('id', '=', input.modelId)
    .execute()
}
