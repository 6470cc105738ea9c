import type { Kysely } from 'kysely'
import { comparePartitions } from '../../core/peers'
import type { PeerComparisonDto } from '../../contracts/peers'
import type { DB } from '../../db/schema'
import { findPeerModel } from './peer-model.repository'

/** Agreement of two models over the organisations in both (ARI), matched groups and who moved. */
export async function comparePeerModels(
  db: Kysely<DB>,
  options: { a: number; b: number },
): Promise<PeerComparisonDto> {
  const a = await findPeerModel(db, options.a)
  const b = await findPeerModel(db, options.b)
  const groupOf = (model: typeof a) => {
    const map = new Map<number, { label: number; member: (typeof a.groups)[number]['members'][number] }>()
    model.groups.forEach((g, label) => g.members.forEach((m) => map.set(m.id, { label, member: m })))
    return map
  }
  const inA = groupOf(a)
  const inB = groupOf(b)
  const common = [...inA.keys()].filter((id) => inB.has(id))
  const member = (m: { id: number; name: string; ags5: string | null; landCode: string | null }) => ({
    organisationId: m.id,
    name: m.name,
    ags5: m.ags5,
    landCode: m.landCode,
  })
  const only = (x: typeof inA, y: typeof inA) =>
    [...x.entries()].filter(([id]) => !y.has(id)).map(([, v]) => member(v.member))
  if (common.length === 0)
    return {
      a: { id: a.id, name: a.name },
      b: { id: b.id, name: b.name },
      common: 0,
      onlyInA: only(inA, inB),
      onlyInB: only(inB, inA),
      adjustedRandIndex: 0,
      matches: [],
      moves: [],
    }
  // Labels must be 0…k−1 without gaps for the contingency table: renumber over the common ids.
  const dense = (labels: number[]) => {
    const map = new Map<number, number>()
    const codes: number[] = []
    const out = labels.map((l) => {
      if (!map.has(l)) {
        map.set(l, map.size)
        codes.push(l)
      }
      return map.get(l)!
    })
    return { out, codes }
  }
  const before = dense(common.map((id) => inA.get(id)!.label))
  const after = dense(common.map((id) => inB.get(id)!.label))
  const comparison = comparePartitions({ ids: common.map(String), before: before.out, after: after.out })
  const codeA = (dense: number) => a.groups[before.codes[dense]!]!.code
  const codeB = (dense: number) => b.groups[after.codes[dense]!]!.code
  return {
    a: { id: a.id, name: a.name },
    b: { id: b.id, name: b.name },
    common: common.length,
    onlyInA: only(inA, inB),
    onlyInB: only(inB, inA),
    adjustedRandIndex: comparison.adjustedRandIndex,
    matches: comparison.matchedBefore.map((matched, j) => ({
      b: codeB(j),
      a: matched >= 0 ? codeA(matched) : null,
      overlap: matched >= 0 ? comparison.contingency[matched]![j]! : 0,
    })),
    moves: comparison.moves.map((move) => ({
      ...member(inA.get(Number(move.id))!.member),
      from: codeA(move.from),
      to: codeB(move.to),
    })),
  }
}
