/** Who would change rings if a proposal were adopted (pure, for the comparison with today's rings). */
import { comparePartitions } from '../../../../src/core/peers/quality'

interface Assignment {
  organisationId: number
  name: string
  group: string
}

/** A member who would not stay with the ring its new group is matched to. */
export interface RingChange extends Assignment {
  /** The ring of today (null: none). */
  from: string | null
  /** The ring of today the new group is matched to (null: none). */
  matched: string | null
}

/**
 * Compares a proposal with today's rings: the groups are matched one to one by largest overlap
 * (core's `comparePartitions`) among the members that have a ring today; who has none moves anyway.
 */
export function compareWithRings(
  assignments: readonly Assignment[],
  rings: readonly { code: string; members: readonly { organisationId: number }[] }[],
): { moves: RingChange[]; compared: number } {
  const ringOf = new Map<number, string>()
  for (const ring of rings) for (const m of ring.members) ringOf.set(m.organisationId, ring.code)
  const compared = assignments.filter((a) => ringOf.has(a.organisationId))
  const groupCodes = [...new Set(compared.map((a) => a.group))].sort()
  const ringCodes = [...new Set(compared.map((a) => ringOf.get(a.organisationId)!))].sort()
  const { matchedBefore, moves } = comparePartitions({
    ids: compared.map((a) => String(a.organisationId)),
    before: compared.map((a) => ringCodes.indexOf(ringOf.get(a.organisationId)!)),
    after: compared.map((a) => groupCodes.indexOf(a.group)),
  })
  const moved = new Set(moves.map((m) => m.id))
  const matchOf = (group: string) => ringCodes[matchedBefore[groupCodes.indexOf(group)] ?? -1] ?? null
  return {
    moves: assignments
      .filter((a) => !ringOf.has(a.organisationId) || moved.has(String(a.organisationId)))
      .map((a) => ({ ...a, from: ringOf.get(a.organisationId) ?? null, matched: matchOf(a.group) })),
    compared: compared.length,
  }
}
