/**
 * Data spotlights: what the key-figure engine suggests the ring should look at in a meeting.
 * Pure selection over results the caller has computed (group statistics, context model,
 * excellence). Three kinds, each with its numbers (its words: spotlight-text.ts):
 * - `largest_change`: the largest change on the same month a year earlier (in either direction),
 *   scored by the size of the change in units of the ring's spread of changes;
 * - `beyond_expectation`: an actual value outside the 95 % prediction interval of the context
 *   model, scored by the distance outside the interval in half-widths of the interval;
 * - `excellence`: the ring's leader by level who was also consistently in the top quartile
 *   (at least 9 of 12 months), scored by months in the top quartile.
 * At most `perKind` spotlights of each kind, at most one per figure and kind, and one organisation
 * at most once per kind, so that the spotlights spread over the ring. Ties: figure code, then id.
 */
import { judgeDifference, type Judgement, type Polarity } from '../kpi/polarity'
import type { SourceMix } from '../kpi/value-source'

export type SpotlightKind = 'largest_change' | 'beyond_expectation' | 'excellence'

export interface SpotlightFigure {
  code: string
  nameDe: string
  nameEn: string
  polarity: Polarity
}

export interface ChangeCandidate {
  figure: SpotlightFigure
  organisationId: number
  name: string
  value: number
  valuePreviousYear: number
  /** Standard deviation of the year-on-year changes across the ring (scales the score). */
  ringSpread: number
  period: string
  /** Where the values behind the numbers come from (computed, published or both). */
  source: SourceMix
}

export interface ResidualCandidate {
  figure: SpotlightFigure
  organisationId: number
  name: string
  actual: number
  expected: number
  lower: number
  upper: number
  period: string
  source: SourceMix
}

export interface LeaderCandidate {
  figure: SpotlightFigure
  organisationId: number
  name: string
  value: number
  rank: number
  n: number
  groupMedian: number
  monthsInTopQuartile: number
  monthsConsidered: number
  period: string
  source: SourceMix
}

export interface Spotlight {
  kind: SpotlightKind
  figureCode: string
  figureNameDe: string
  figureNameEn: string
  organisationId: number
  organisationName: string
  period: string
  /** The numbers behind the sentence (display units: percent, percentage points, months). */
  numbers: Record<string, number>
  score: number
  /** Better or worse for the figure's direction (neutral for context figures). */
  judgement: Judgement
  source: SourceMix
}

export const MIN_CONSISTENT_MONTHS = 9

/** What every spotlight says of its candidate: the figure, the organisation, the period, the source. */
function aboutCandidate(c: ChangeCandidate | ResidualCandidate | LeaderCandidate) {
  return {
    figureCode: c.figure.code,
    figureNameDe: c.figure.nameDe,
    figureNameEn: c.figure.nameEn,
    organisationId: c.organisationId,
    organisationName: c.name,
    period: c.period,
    source: c.source,
  }
}

export function describeChange(c: ChangeCandidate): Spotlight {
  const change = c.value - c.valuePreviousYear
  return {
    kind: 'largest_change',
    ...aboutCandidate(c),
    numbers: { value: c.value, valuePreviousYear: c.valuePreviousYear, change },
    score: c.ringSpread > 0 ? Math.abs(change) / c.ringSpread : Math.abs(change),
    judgement: judgeDifference(c.figure.polarity, change),
  }
}

export function describeResidual(c: ResidualCandidate, polarity: Polarity): Spotlight {
  const isAbove = c.actual > c.upper
  const halfWidth = (c.upper - c.lower) / 2
  const outside = isAbove ? c.actual - c.upper : c.lower - c.actual
  return {
    kind: 'beyond_expectation',
    ...aboutCandidate(c),
    numbers: { actual: c.actual, expected: c.expected, lower: c.lower, upper: c.upper },
    score: halfWidth > 0 ? outside / halfWidth : outside,
    judgement: judgeDifference(polarity, isAbove ? 1 : -1),
  }
}

export function describeLeader(c: LeaderCandidate): Spotlight {
  return {
    kind: 'excellence',
    ...aboutCandidate(c),
    numbers: {
      value: c.value,
      rank: c.rank,
      n: c.n,
      groupMedian: c.groupMedian,
      monthsInTopQuartile: c.monthsInTopQuartile,
      monthsConsidered: c.monthsConsidered,
    },
    score: c.monthsInTopQuartile,
    judgement: 'better',
  }
}

export interface SelectSpotlightsOptions {
  changes: readonly ChangeCandidate[]
  residuals: readonly ResidualCandidate[]
  leaders: readonly LeaderCandidate[]
  /** At most this many spotlights of each kind (default 2). */
  perKind?: number
}

function pick(candidates: Spotlight[], perKind: number): Spotlight[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      b.score - a.score ||
      (a.figureCode < b.figureCode ? -1 : a.figureCode > b.figureCode ? 1 : 0) ||
      a.organisationId - b.organisationId,
  )
  const figures = new Set<string>()
  const organisations = new Set<number>()
  const chosen: Spotlight[] = []
  for (const s of sorted) {
    if (chosen.length >= perKind) break
    if (figures.has(s.figureCode) || organisations.has(s.organisationId)) continue
    figures.add(s.figureCode)
    organisations.add(s.organisationId)
    chosen.push(s)
  }
  return chosen
}

export function selectSpotlights(options: SelectSpotlightsOptions): Spotlight[] {
  const perKind = options.perKind ?? 2
  // Only the largest change of each figure can be called "the largest change in the ring".
  const largestByFigure = new Map<string, Spotlight>()
  for (const c of options.changes) {
    if (!Number.isFinite(c.value) || !Number.isFinite(c.valuePreviousYear)) continue
    const s = describeChange(c)
    const current = largestByFigure.get(s.figureCode)
    const size = Math.abs(s.numbers.change!)
    if (size === 0) continue
    const currentSize = current ? Math.abs(current.numbers.change!) : -1
    if (size > currentSize || (size === currentSize && s.organisationId < current!.organisationId))
      largestByFigure.set(s.figureCode, s)
  }
  const changes = [...largestByFigure.values()]
  const residuals = options.residuals
    .filter((c) => c.actual > c.upper || c.actual < c.lower)
    .map((c) => describeResidual(c, c.figure.polarity))
  const leaders = options.leaders
    .filter(
      (c) =>
        c.figure.polarity !== 'context' && c.rank === 1 && c.monthsInTopQuartile >= MIN_CONSISTENT_MONTHS,
    )
    .map(describeLeader)
  return [...pick(changes, perKind), ...pick(residuals, perKind), ...pick(leaders, perKind)]
}
