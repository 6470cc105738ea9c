import { describe, expect, it } from 'vitest'
import { computeGroupStatistics, type GroupStatistics } from '../kpi/group-stats'
import { createRandom, drawInteger, type Random } from '../random'
import {
  determinesSingleValue,
  FULL_DISCLOSURE,
  keepMeanOnly,
  planFamilyDisclosure,
  type FamilyGroup,
} from './disclosure'
import { MIN_AGGREGATE_SIZE } from './permissions'

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('determinesSingleValue', () => {
  it('finds a value given by the difference of two groups', () => {
    // {1..6} and {1..5}: the sixth is their difference.
    expect(
      determinesSingleValue(
        [
          [1, 1, 1, 1, 1, 1],
          [1, 1, 1, 1, 1, 0],
        ],
        6,
      ),
    ).toBe(true)
    // {1..6} and {1..4}: only the sum of 5 and 6.
    expect(
      determinesSingleValue(
        [
          [1, 1, 1, 1, 1, 1],
          [1, 1, 1, 1, 0, 0],
        ],
        6,
      ),
    ).toBe(false)
  })
  it('finds a value given only by three groups together', () => {
    // A = {1,2,3}, B = {3,4,5}, C = {1,2,3,4,5}: A + B − C = the third.
    expect(
      determinesSingleValue(
        [
          [1, 1, 1, 0, 0],
          [0, 0, 1, 1, 1],
          [1, 1, 1, 1, 1],
        ],
        5,
      ),
    ).toBe(true)
  })
})

describe('planFamilyDisclosure', () => {
  const group = (key: string, withValue: number[], pending: number[] = []): FamilyGroup => ({
    key,
    hiddenWithValue: withValue,
    hiddenPending: pending,
  })

  it('counts organisations with a value, not members (two of six delivered: withheld)', () => {
    const plan = planFamilyDisclosure([group('all', [1, 2], [3, 4, 5, 6])])
    expect(plan.get('all')).toEqual({ level: 'visible_only', reason: 'incomplete', hiddenCount: 2 })
  })

  it('pools at least MIN_AGGREGATE_SIZE hidden values, and only the mean', () => {
    expect(planFamilyDisclosure([group('all', ids(1, MIN_AGGREGATE_SIZE - 1))]).get('all')).toEqual({
      level: 'visible_only',
      reason: 'too_few',
      hiddenCount: MIN_AGGREGATE_SIZE - 1,
    })
    expect(planFamilyDisclosure([group('all', ids(1, MIN_AGGREGATE_SIZE))]).get('all')!.level).toBe(
      'mean_only',
    )
  })

  it('withholds every group of the family while one expected organisation has not delivered', () => {
    const plan = planFamilyDisclosure([group('all', ids(1, 20), [21]), group('type', ids(1, 8))])
    expect(plan.get('all')!.reason).toBe('incomplete')
    expect(plan.get('type')!.reason).toBe('incomplete')
  })

  it('withholds the group that would give one value together with those admitted before it', () => {
    // The type pools 1..8, the neighbours 1..9: their difference would be organisation 9.
    const plan = planFamilyDisclosure([
      group('all', ids(1, 30)),
      group('type', ids(1, 8)),
      group('neighbours', ids(1, 9)),
    ])
    expect(plan.get('all')!.level).toBe('mean_only')
    expect(plan.get('type')!.level).toBe('mean_only')
    expect(plan.get('neighbours')).toEqual({ level: 'visible_only', reason: 'differencing', hiddenCount: 9 })
  })

  it('shows everything where no member is hidden', () => {
    expect(planFamilyDisclosure([group('all', [])]).get('all')).toEqual(FULL_DISCLOSURE)
  })
})

describe('keepMeanOnly', () => {
  it('keeps count, mean and ranks and drops every order statistic and distance', () => {
    const stats = computeGroupStatistics({
      polarity: 'higher_is_better',
      values: [1, 2, 3, 4, 5, 6].map((value) => ({ orgId: String(value), value })),
    })
    const kept = keepMeanOnly(stats)
    expect(kept.mean).toBe(3.5)
    expect(kept.n).toBe(6)
    expect([kept.median, kept.q1, kept.q3, kept.min, kept.max, kept.best, kept.standardDeviation]).toEqual(
      Array(7).fill(null),
    )
    expect(kept.members.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6])
    expect(
      kept.members.every((m) => m.gapToBest === null && m.gapToMedian === null && m.zScore === null),
    ).toBe(true)
  })
})

// ---- Property: no answer set determines a hidden organisation's value ----

interface World {
  visible: number[]
  hidden: number[]
  /** Hidden organisations outside the network: not expected, never pooled. */
  outside: number[]
  groups: { key: string; members: number[] }[]
  values: Map<number, number | null>
}

function pick(random: Random, from: readonly number[], count: number): number[] {
  const pool = [...from]
  const chosen: number[] = []
  while (chosen.length < count && pool.length > 0)
    chosen.push(pool.splice(drawInteger(random, pool.length), 1)[0]!)
  return chosen
}

/** A caller's world: their ring (visible), the rest of the network (hidden), a type and neighbours. */
function makeWorld(random: Random): World {
  const size = 8 + drawInteger(random, 30)
  const all = ids(1, size)
  const ringSize = 2 + drawInteger(random, 5)
  const visible = all.slice(0, ringSize)
  const hidden = all.slice(ringSize)
  const outside = ids(size + 1, size + drawInteger(random, 3))
  const typeMembers = [1, ...pick(random, [...all.slice(1), ...outside], 4 + drawInteger(random, size))]
  const neighbours = [1, ...pick(random, [...all.slice(1), ...outside], 10)]
  // Mostly complete months, sometimes one or more organisations still missing.
  const missingChance = random() < 0.5 ? 0 : 0.1
  const values = new Map<number, number | null>()
  for (const id of [...all, ...outside])
    values.set(id, random() < missingChance ? null : Math.round(random() * 1e6) / 100 + id * 1e-7)
  return {
    visible,
    hidden,
    outside,
    groups: [
      { key: 'all', members: all },
      { key: 'type', members: [...new Set(typeMembers)] },
      { key: 'neighbours', members: [...new Set(neighbours)] },
    ],
    values,
  }
}

/** What the caller is answered for each group: the same steps as features/kpi/disclose-group.ts. */
function answer(world: World, values: Map<number, number | null>) {
  const isHidden = (id: number) => !world.visible.includes(id)
  const network = new Set(world.groups[0]!.members)
  const family: FamilyGroup[] = world.groups.map((g) => {
    const pooled = g.members.filter((id) => isHidden(id) && network.has(id))
    return {
      key: g.key,
      hiddenWithValue: pooled.filter((id) => values.get(id) !== null),
      hiddenPending: pooled.filter((id) => values.get(id) === null),
    }
  })
  const plan = planFamilyDisclosure(family)
  return world.groups.map((g) => {
    const decision = plan.get(g.key)!
    const members = g.members.filter((id) =>
      decision.level === 'visible_only' ? !isHidden(id) : !isHidden(id) || network.has(id),
    )
    const stats = computeGroupStatistics({
      polarity: 'higher_is_better',
      values: members.map((id) => ({ orgId: String(id), value: values.get(id) })),
    })
    const shown: GroupStatistics = decision.level === 'mean_only' ? keepMeanOnly(stats) : stats
    // The caller sees members by name only where they may: the visible ones.
    return { decision, shown: { ...shown, members: shown.members.filter((m) => !isHidden(Number(m.orgId))) } }
  })
}

/**
 * A change of the hidden values that leaves every pooled sum as it is and changes organisation
 * `target`: it exists exactly when the answers do not determine that organisation's value.
 */
function invisibleChange(rows: number[][], columns: number[], target: number): Map<number, number> | null {
  // Solve rows · δ = 0 with δ[target] = 1 by Gaussian elimination over the other columns.
  const others = columns.filter((c) => c !== target)
  const matrix = rows.map((row) => [
    ...others.map((c) => row[columns.indexOf(c)]!),
    -row[columns.indexOf(target)]!,
  ])
  const pivots: number[] = []
  let r = 0
  for (let c = 0; c < others.length && r < matrix.length; c++) {
    const p = matrix.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9)
    if (p < 0) continue
    ;[matrix[r], matrix[p]] = [matrix[p]!, matrix[r]!]
    const lead = matrix[r]![c]!
    matrix[r] = matrix[r]!.map((x) => x / lead)
    for (let i = 0; i < matrix.length; i++)
      if (i !== r) {
        const f = matrix[i]![c]!
        matrix[i] = matrix[i]!.map((x, j) => x - f * matrix[r]![j]!)
      }
    pivots.push(c)
    r++
  }
  // Inconsistent (0 = non-zero): every solution has δ[target] = 0, so the value is determined.
  if (matrix.slice(r).some((row) => Math.abs(row[others.length]!) > 1e-9)) return null
  const delta = new Map<number, number>([[target, 1]])
  for (const c of others) delta.set(c, 0)
  pivots.forEach((c, i) => delta.set(others[c]!, matrix[i]![others.length]!))
  return delta
}

describe('disclosure model (property)', () => {
  it('no answer determines a hidden organisation: a change of its value that keeps every answer exists', () => {
    const random = createRandom(20261202)
    let checked = 0
    let pooledAnswers = 0
    for (let trial = 0; trial < 150; trial++) {
      const world = makeWorld(random)
      // The same month asked twice: before some organisations delivered, and after.
      const earlier = new Map(world.values)
      if (random() < 0.5) earlier.set(world.hidden[drawInteger(random, world.hidden.length)]!, null)
      else for (const id of world.hidden) if (random() < 0.15) earlier.set(id, null)
      const answersBoth = (values: Map<number, number | null>) => {
        const before = new Map(values)
        for (const [id, v] of earlier) if (v === null) before.set(id, null)
        return [...answer(world, before), ...answer(world, values)]
      }
      const groupsBoth = [...world.groups, ...world.groups]
      const answers = answersBoth(world.values)
      // Order statistics and spreads are never shown over hidden values.
      for (const a of answers)
        if (a.decision.level === 'mean_only') {
          pooledAnswers++
          expect([a.shown.median, a.shown.q1, a.shown.q3, a.shown.min, a.shown.max, a.shown.best]).toEqual(
            Array(6).fill(null),
          )
        }
      // The linear facts the caller learns: for each pooling answer, the sum over its hidden members.
      const hiddenWithValue = world.hidden.filter((id) => world.values.get(id) !== null)
      const rows = answers
        .map((a, i) => ({ a, members: groupsBoth[i]!.members, isEarlier: i < world.groups.length }))
        .filter(({ a }) => a.decision.level === 'mean_only')
        .map(({ members, isEarlier }) =>
          hiddenWithValue.map((id) =>
            members.includes(id) && !(isEarlier && earlier.get(id) === null) ? 1 : 0,
          ),
        )
      for (const target of hiddenWithValue) {
        const delta = invisibleChange(rows, hiddenWithValue, target)
        expect(delta, `trial ${trial}: organisation ${target} is determined`).not.toBeNull()
        // Apply a small such change (small enough to keep every order) and ask again: same answers.
        const step = 1e-9
        const changed = new Map(world.values)
        for (const [id, d] of delta!) changed.set(id, world.values.get(id)! + step * d)
        const again = answersBoth(changed)
        again.forEach((a, i) => {
          const before = answers[i]!
          expect(a.decision).toEqual(before.decision)
          expect(a.shown.n).toBe(before.shown.n)
          if (before.shown.mean !== null) expect(a.shown.mean).toBeCloseTo(before.shown.mean, 6)
          expect(a.shown.members.map((m) => [m.orgId, m.rank])).toEqual(
            before.shown.members.map((m) => [m.orgId, m.rank]),
          )
        })
        checked++
      }
    }
    console.info(`disclosure property: ${pooledAnswers} pooled answers, ${checked} hidden values checked`)
    expect(pooledAnswers).toBeGreaterThan(60)
    expect(checked).toBeGreaterThan(1000)
  }, 30_000)
})
