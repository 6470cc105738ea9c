/**
 * The self-assessment comparison of one ring (qualitative benchmarking after the EU PES
 * benchlearning method): per enabler area the organisation's maturity score, the ring's mean,
 * median and best, the gap to the best, and the change since the previous cycle; plus series
 * ready for a radar chart. Pure: the caller decides who may see which organisation.
 *
 * A higher score always means more mature. Change since the previous cycle is given only where
 * the area (matched by code) existed then on the same scale: scores on different scales are not
 * comparable, and rescaling them would pretend a precision the answers do not have.
 */

export interface AssessmentScale {
  min: number
  max: number
}

export interface AssessmentArea {
  code: string
  name: string
}

/** Scores by organisation id, then by area code. */
export type ScoreTable = ReadonlyMap<number, ReadonlyMap<string, number>>

export interface AreaComparison {
  code: string
  name: string
  /** The focus organisation's score (null: not answered). */
  score: number | null
  /** How many organisations answered this area. */
  respondents: number
  mean: number | null
  median: number | null
  best: number | null
  worst: number | null
  /** best − score: how far the organisation is behind the best in the ring (0 = it is the best). */
  gapToBest: number | null
  previousScore: number | null
  /** score − previousScore. */
  change: number | null
  previousMean: number | null
  /** mean − previousMean (only organisations that answered in the cycle each mean is over). */
  meanChange: number | null
}

export interface RadarSeries {
  /** Axes in area order, each with the scale's bounds. */
  indicators: { code: string; name: string; min: number; max: number }[]
  /** Values per axis (null where nothing is known); 'own' only when a focus organisation is given. */
  series: { key: 'own' | 'mean' | 'best' | 'previous'; values: (number | null)[] }[]
}

export interface SelfAssessmentComparison {
  scale: AssessmentScale
  areas: AreaComparison[]
  radar: RadarSeries
  /** Whether the previous cycle could be compared (same scale). */
  isPreviousComparable: boolean
}

export function computeMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

function scoresOfArea(table: ScoreTable, code: string): number[] {
  const result: number[] = []
  for (const byArea of table.values()) {
    const score = byArea.get(code)
    if (score !== undefined) result.push(score)
  }
  return result
}

/** Compares one cycle's answers within a ring, optionally from one organisation's point of view. */
export function compareSelfAssessments(options: {
  areas: readonly AssessmentArea[]
  scale: AssessmentScale
  /** Answers of the ring's members in this cycle. */
  scores: ScoreTable
  /** The organisation the comparison is for (its score, gap and change); omit for the ring only. */
  organisationId?: number
  previous?: { scale: AssessmentScale; scores: ScoreTable }
}): SelfAssessmentComparison {
  const { areas, scale, scores, organisationId } = options
  const isPreviousComparable =
    options.previous !== undefined &&
    options.previous.scale.min === scale.min &&
    options.previous.scale.max === scale.max
  const previous = isPreviousComparable ? options.previous!.scores : new Map<number, Map<string, number>>()
  const comparisons = areas.map((area): AreaComparison => {
    const values = scoresOfArea(scores, area.code)
    const previousValues = scoresOfArea(previous, area.code)
    const score = organisationId === undefined ? null : (scores.get(organisationId)?.get(area.code) ?? null)
    const previousScore =
      organisationId === undefined ? null : (previous.get(organisationId)?.get(area.code) ?? null)
    const best = values.length > 0 ? Math.max(...values) : null
    const m = mean(values)
    const previousMean = mean(previousValues)
    return {
      code: area.code,
      name: area.name,
      score,
      respondents: values.length,
      mean: m,
      median: computeMedian(values),
      best,
      worst: values.length > 0 ? Math.min(...values) : null,
      gapToBest: score !== null && best !== null ? best - score : null,
      previousScore,
      change: score !== null && previousScore !== null ? score - previousScore : null,
      previousMean,
      meanChange: m !== null && previousMean !== null ? m - previousMean : null,
    }
  })
  const series: RadarSeries['series'] = []
  if (organisationId !== undefined) series.push({ key: 'own', values: comparisons.map((c) => c.score) })
  series.push({ key: 'mean', values: comparisons.map((c) => c.mean) })
  series.push({ key: 'best', values: comparisons.map((c) => c.best) })
  if (organisationId !== undefined && isPreviousComparable)
    series.push({ key: 'previous', values: comparisons.map((c) => c.previousScore) })
  return {
    scale,
    areas: comparisons,
    radar: {
      indicators: areas.map((a) => ({ code: a.code, name: a.name, min: scale.min, max: scale.max })),
      series,
    },
    isPreviousComparable,
  }
}
