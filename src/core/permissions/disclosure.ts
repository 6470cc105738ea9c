/**
 * Disclosure control: which statistics of a comparison group may be shown to a caller who may not
 * see every member of it. The model is written down in docs/security.md ("Disclosure control");
 * this file is its only implementation, used by every route that aggregates key figures.
 *
 * In short, over organisations the caller cannot see ("hidden"):
 * - only the count and the mean are shown (a sum in disguise), never an order statistic (minimum,
 *   maximum, best, median, quartiles), a standard deviation or a distance to one of them;
 * - only for official figures: an own figure is a formula anyone with the right may write, and a
 *   formula can single out or amplify one organisation (a division by a public context value minus
 *   that organisation's), so its mean would be that organisation's value;
 * - only where at least MIN_AGGREGATE_SIZE hidden organisations have a value;
 * - only once every expected hidden organisation of the caller's comparison family has delivered
 *   (else the mean before and after one delivery, or of a breakdown and its total, differ by one);
 * - only for the groups of a family that, taken together, determine no hidden value: the sums over
 *   network, type and neighbours are linear equations, and two groups that differ by one hidden
 *   organisation would give its value. Groups are admitted in a fixed order while no hidden value
 *   follows from the admitted ones; the others are shown over the visible members only.
 */
import { MIN_AGGREGATE_SIZE } from './permissions'

/** How much of a group's statistics over hidden members may be shown. */
export type DisclosureLevel =
  /** No hidden member has a value: everything may be shown. */
  | 'full'
  /** Count, mean, ranks and percentiles over all members; no order statistic, no spread. */
  | 'mean_only'
  /** Statistics over the members the caller can see only; hidden members are left out. */
  | 'visible_only'

export type WithheldReason =
  /** An own (non-official) figure: never pooled over hidden organisations. */
  | 'own_figure'
  /** Fewer than MIN_AGGREGATE_SIZE hidden organisations have a value. */
  | 'too_few'
  /** Some expected hidden organisation of the family has not delivered (yet). */
  | 'incomplete'
  /** Together with a group admitted before it, this group would determine a hidden value. */
  | 'differencing'
  /** Not one of the caller's own comparison groups (a peer's type or neighbours). */
  | 'not_own_group'

export interface DisclosureDecision {
  level: DisclosureLevel
  /** Why hidden members were left out (only for 'visible_only'). */
  reason: WithheldReason | null
  /** Hidden members with a value that the shown statistics pool ('mean_only') or leave out. */
  hiddenCount: number
}

/** Everything may be shown: no member is outside the caller's view (or the caller is the operator's CLI). */
export const FULL_DISCLOSURE: DisclosureDecision = { level: 'full', reason: null, hiddenCount: 0 }

/** One group of a caller's comparison family, as the disclosure rules see it. */
export interface FamilyGroup {
  key: string
  /** Hidden members with a value for the figure, breakdown and month. */
  hiddenWithValue: readonly number[]
  /** Hidden members that are expected to deliver but have no value. */
  hiddenPending: readonly number[]
}

const TOLERANCE = 1e-9

/**
 * Reduces 0/1 rows over `columns` to reduced row echelon form and tells whether any unit vector
 * (one hidden organisation's value alone) lies in their span: in RREF that is exactly a row with a
 * single non-zero entry.
 */
export function determinesSingleValue(rows: readonly (readonly number[])[], columns: number): boolean {
  const matrix = rows.map((r) => Float64Array.from(r))
  let pivotRow = 0
  for (let column = 0; column < columns && pivotRow < matrix.length; column++) {
    let best = pivotRow
    for (let r = pivotRow + 1; r < matrix.length; r++)
      if (Math.abs(matrix[r]![column]!) > Math.abs(matrix[best]![column]!)) best = r
    if (Math.abs(matrix[best]![column]!) < TOLERANCE) continue
    ;[matrix[pivotRow], matrix[best]] = [matrix[best]!, matrix[pivotRow]!]
    const pivot = matrix[pivotRow]!
    const scale = pivot[column]!
    for (let c = 0; c < columns; c++) pivot[c] = pivot[c]! / scale
    for (let r = 0; r < matrix.length; r++) {
      if (r === pivotRow) continue
      const factor = matrix[r]![column]!
      if (Math.abs(factor) < TOLERANCE) continue
      const row = matrix[r]!
      for (let c = 0; c < columns; c++) row[c] = row[c]! - factor * pivot[c]!
    }
    pivotRow++
  }
  return matrix.some((row) => {
    let nonZero = 0
    for (let c = 0; c < columns; c++) if (Math.abs(row[c]!) > TOLERANCE) nonZero++
    return nonZero === 1
  })
}

/**
 * Decides every group of a caller's comparison family at once, so that the answer for one group
 * never depends on which group was asked first. `groups` are in the order of admission (the whole
 * network first). Official figures only: own figures are decided by `decideOwnFigure`.
 */
export function planFamilyDisclosure(groups: readonly FamilyGroup[]): Map<string, DisclosureDecision> {
  const decisions = new Map<string, DisclosureDecision>()
  const isFamilyComplete = groups.every((g) => g.hiddenPending.length === 0)
  const columnOf = new Map<number, number>()
  for (const g of groups)
    for (const id of g.hiddenWithValue) if (!columnOf.has(id)) columnOf.set(id, columnOf.size)
  const admitted: number[][] = []
  for (const g of groups) {
    const hiddenCount = g.hiddenWithValue.length
    const withhold = (reason: WithheldReason) =>
      decisions.set(g.key, { level: 'visible_only', reason, hiddenCount })
    if (hiddenCount === 0 && g.hiddenPending.length === 0) {
      decisions.set(g.key, FULL_DISCLOSURE)
      continue
    }
    if (!isFamilyComplete) {
      withhold('incomplete')
      continue
    }
    if (hiddenCount < MIN_AGGREGATE_SIZE) {
      withhold('too_few')
      continue
    }
    const row = new Array<number>(columnOf.size).fill(0)
    for (const id of g.hiddenWithValue) row[columnOf.get(id)!] = 1
    if (determinesSingleValue([...admitted, row], columnOf.size)) {
      withhold('differencing')
      continue
    }
    admitted.push(row)
    decisions.set(g.key, { level: 'mean_only', reason: null, hiddenCount })
  }
  return decisions
}

/** An own figure: shown over hidden organisations never, whatever the group. */
export function decideOwnFigure(hiddenCount: number): DisclosureDecision {
  return hiddenCount === 0 ? FULL_DISCLOSURE : { level: 'visible_only', reason: 'own_figure', hiddenCount }
}

/** A group outside the caller's own comparison family: its hidden members are left out. */
export function decideForeignGroup(hiddenCount: number): DisclosureDecision {
  return hiddenCount === 0 ? FULL_DISCLOSURE : { level: 'visible_only', reason: 'not_own_group', hiddenCount }
}

/** The parts of group statistics that the disclosure rules may withhold. */
export interface DisclosableStatistics {
  median: number | null
  q1: number | null
  q3: number | null
  min: number | null
  max: number | null
  best: number | null
  standardDeviation: number | null
  members: readonly { zScore: number | null; gapToBest: number | null; gapToMedian: number | null }[]
}

/**
 * Statistics as a 'mean_only' decision allows them: count, mean, ranks and percentiles stay; every
 * order statistic, the spread and each member's distance to one of them (which would give it back)
 * become null.
 */
export function keepMeanOnly<T extends DisclosableStatistics>(stats: T): T {
  return {
    ...stats,
    median: null,
    q1: null,
    q3: null,
    min: null,
    max: null,
    best: null,
    standardDeviation: null,
    members: stats.members.map((m) => ({ ...m, zScore: null, gapToBest: null, gapToMedian: null })),
  }
}
