/**
 * Moving members of a saved model by hand: a preview with the quality before and after and the
 * constraints the moves would break, and the save (refused while anything is broken), recorded
 * in the model's move history and in the audit log.
 */
import type { Kysely } from 'kysely'
import { conflict, detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type {
  MovePeerMembersRequest,
  PeerModelDto,
  PeerMovePreviewDto,
  PeerTextDto,
} from '../../contracts/peers'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { importMessage } from '../imports/import-message'
import { findOrganisationByKey } from '../organisations/find-organisation'
import { findPeerModel, updatePeerAssignments, type StoredModel } from './peer-model.repository'
import { listPeerOrganisations } from './peer-organisation.repository'
import { assessStoredPartition, readPeerModel } from './read-peer-model'

interface ResolvedMove {
  organisationId: number
  name: string
  ags5: string | null
  landCode: string | null
  from: string | null
  to: string
  groupId: number
}

interface Preview {
  model: StoredModel
  dto: PeerMovePreviewDto
  moves: ResolvedMove[]
  assignment: Map<number, string>
}

async function buildPreview(
  db: Kysely<DB>,
  options: { modelId: number; request: MovePeerMembersRequest },
): Promise<Preview> {
  const model = await findPeerModel(db, options.modelId)
  const codes = model.groups.map((g) => g.code)
  const before = new Map<number, string>()
  for (const g of model.groups) for (const m of g.members) before.set(m.id, g.code)
  const after = new Map(before)
  const moves: ResolvedMove[] = []
  for (const [index, move] of options.request.moves.entries()) {
    const group = model.groups.find((g) => g.code === move.toGroup)
    if (!group)
      throw invalidInput(
        message('peers.moveNoGroup', {
          field: `moves[${index}].toGroup`,
          modelId: model.id,
          group: move.toGroup,
        }),
        [
          detail(message('peers.expectedOneOf', { codes: codes.join(', ') }), {
            field: `moves[${index}].toGroup`,
            value: move.toGroup,
          }),
        ],
      )
    const found = await findOrganisationByKey(db, move.org)
    if (!before.has(found.id) && model.networkId !== null) {
      const inNetwork = await listPeerOrganisations(db, { networkId: model.networkId })
      if (!inNetwork.some((o) => o.id === found.id))
        throw invalidInput(
          message('peers.moveNotMember', { field: `moves[${index}].org`, name: found.name }),
          [detail(message('peers.expectedNetworkMember'), { field: `moves[${index}].org`, value: move.org })],
        )
    }
    const [details] = await listPeerOrganisations(db, { networkId: null, ids: [found.id] })
    moves.push({
      organisationId: found.id,
      name: found.name,
      ags5: details?.ags5 ?? null,
      landCode: details?.landCode ?? null,
      from: after.get(found.id) ?? null,
      to: group.code,
      groupId: group.id,
    })
    after.set(found.id, group.code)
  }
  const landOf = new Map<number, string | null>()
  for (const g of model.groups) for (const m of g.members) landOf.set(m.id, m.landCode)
  for (const m of moves) landOf.set(m.organisationId, m.landCode)
  const profile = model.result.profile
  const dto: PeerMovePreviewDto = {
    moves: moves.map((m) => ({
      organisationId: m.organisationId,
      name: m.name,
      ags5: m.ags5,
      landCode: m.landCode,
      from: m.from,
      to: m.to,
    })),
    before: model.quality,
    after: profile ? assessStoredPartition({ profile, assignment: after, codes }) : null,
    sizes: codes.map((code) => ({
      group: code,
      before: [...before.values()].filter((c) => c === code).length,
      after: [...after.values()].filter((c) => c === code).length,
    })),
    violations: findViolations({ model, assignment: after, landOf }),
  }
  return { model, dto, moves, assignment: after }
}

/** Which of the model's size bounds and hard constraints an assignment breaks, as catalogue messages. */
function findViolations(input: {
  model: StoredModel
  assignment: ReadonlyMap<number, string>
  landOf: ReadonlyMap<number, string | null>
}): PeerTextDto[] {
  const { model, assignment } = input
  const p = model.parameters as {
    minSize?: number | null
    maxSize?: number | null
    together?: [number, number][]
    apart?: [number, number][]
    pinned?: { organisationId: number; ring: number }[]
    land?: 'spread' | 'group' | null
    k?: number
  }
  const violations: PeerTextDto[] = []
  const add = (m: Parameters<typeof importMessage>[0]) => violations.push(importMessage(m))
  const nameOf = new Map<number, string>()
  for (const g of model.groups) for (const m of g.members) nameOf.set(m.id, m.name)
  // An organisation outside every group (never with a saved model) by its number, in any language.
  const name = (id: number) => nameOf.get(id) ?? `#${id}`
  const sizes = new Map<string, number>()
  for (const code of assignment.values()) sizes.set(code, (sizes.get(code) ?? 0) + 1)
  for (const g of model.groups) {
    const size = sizes.get(g.code) ?? 0
    if (p.minSize && size < p.minSize)
      add(message('peers.violationTooSmall', { group: g.code, size, min: p.minSize }))
    if (p.maxSize && size > p.maxSize)
      add(message('peers.violationTooLarge', { group: g.code, size, max: p.maxSize }))
  }
  for (const [a, b] of p.together ?? [])
    if (assignment.get(a) !== assignment.get(b))
      add(message('peers.violationTogether', { a: name(a), b: name(b) }))
  for (const [a, b] of p.apart ?? [])
    if (assignment.get(a) !== undefined && assignment.get(a) === assignment.get(b))
      add(message('peers.violationApart', { a: name(a), b: name(b) }))
  for (const pin of p.pinned ?? []) {
    const code = model.groups[pin.ring - 1]?.code
    if (code && assignment.get(pin.organisationId) !== code)
      add(message('peers.violationPinned', { name: name(pin.organisationId), group: code }))
  }
  if (p.land === 'spread' && p.k) {
    const perLand = new Map<string, number>()
    for (const id of assignment.keys()) {
      const land = input.landOf.get(id) ?? 'unknown'
      perLand.set(land, (perLand.get(land) ?? 0) + 1)
    }
    const inGroup = new Map<string, number>()
    for (const [id, code] of assignment) {
      const key = `${code}:${input.landOf.get(id) ?? 'unknown'}`
      inGroup.set(key, (inGroup.get(key) ?? 0) + 1)
    }
    for (const [key, count] of inGroup) {
      const [code, land] = key.split(':') as [string, string]
      const cap = Math.ceil(perLand.get(land)! / p.k)
      if (count > cap) add(message('peers.violationLand', { group: code, count, land, max: cap }))
    }
  }
  return violations
}

/** Quality before and after the moves, group sizes, and what the moves would break. Writes nothing. */
export async function previewPeerMoves(
  db: Kysely<DB>,
  options: { modelId: number; request: MovePeerMembersRequest },
): Promise<PeerMovePreviewDto> {
  return (await buildPreview(db, options)).dto
}

/** Saves the moves (refused while they break a bound or constraint) with their history and audit entry. */
export async function movePeerMembers(
  database: Database,
  options: { modelId: number; request: MovePeerMembersRequest; actor: AuditActor; now: Date },
): Promise<PeerModelDto> {
  return database.transaction(async (tx) => {
    const { model, dto, moves } = await buildPreview(tx.db, options)
    if (dto.violations.length > 0)
      throw conflict(
        message('peers.movesBreakBounds', { count: dto.violations.length }),
        // Details carry the catalogue key as `key`, so every reader renders them in its language.
        dto.violations.map((v) => ({
          field: 'moves',
          message: v.message,
          ...(v.messageKey ? { key: v.messageKey, params: v.params } : {}),
        })),
      )
    const at = options.now.toISOString()
    const result = {
      ...model.result,
      moves: [
        ...model.result.moves,
        ...moves.map((m) => ({
          organisationId: m.organisationId,
          name: m.name,
          from: m.from,
          to: m.to,
          at,
          by: options.actor.label,
        })),
      ],
    }
    await updatePeerAssignments(tx.db, {
      modelId: model.id,
      moves: moves.map((m) => ({ organisationId: m.organisationId, groupId: m.groupId })),
      result,
      // The bootstrap judges the method that formed the model, not a hand-made partition: dropped.
      quality: dto.after ?? model.quality,
      at: options.now,
    })
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'peer_model.move',
      entity: 'peer_model',
      entityId: model.id,
      before: {
        rSquared: dto.before?.rSquared ?? null,
        moves: dto.moves.map((m) => ({ organisationId: m.organisationId, group: m.from })),
      },
      after: {
        rSquared: dto.after?.rSquared ?? null,
        moves: dto.moves.map((m) => ({ organisationId: m.organisationId, group: m.to })),
      },
      at: options.now,
    })
    return readPeerModel(tx.db, model.id)
  })
}
