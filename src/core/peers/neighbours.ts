/**
 * Nearest neighbours (as CIPFA's Nearest Neighbours model): for each organisation the k most
 * similar others by weighted standardised Euclidean distance, with the distance rebased so that
 * the organisation farthest from it is 1, and for each neighbour the share of every indicator in
 * the squared distance. Large shares are where the two DIFFER most; small shares are where they
 * are most alike. `explainNeighbour` turns that into one honest sentence in German and English.
 */
import { message } from '../messages/text'
import { AppError } from '../errors/app-error'
import { formatNumber, withUnit } from '../format/format'
import { flattenPoints, type Points } from './matrix'

/** Input of findNearestNeighbours. */
export interface FindNearestNeighboursOptions {
  ids: readonly string[]
  /** Indicator names, one per matrix column. */
  columns: readonly string[]
  /** Standardised, weighted rows (e.g. from buildStandardisedMatrix). */
  matrix: Points
  /** Untransformed values for display, same shape as `matrix` (optional). */
  raw?: Points
  /** Number of neighbours per organisation. */
  k: number
}

/** How much one indicator adds to the squared distance between two organisations. */
export interface IndicatorContribution {
  column: string
  /** Share of this indicator in the squared distance, in percent (shares add up to 100). */
  sharePercent: number
  squaredDifference: number
  value?: number
  neighbourValue?: number
}

/** One neighbour of a focal organisation. */
export interface Neighbour {
  id: string
  /** 1 = nearest. */
  rank: number
  /** Weighted standardised Euclidean distance. */
  distance: number
  /** distance / distance to the farthest organisation from the focal one (0..1). */
  rebasedDistance: number
  /** One entry per column, in column order. */
  contributions: IndicatorContribution[]
}

/** The k nearest neighbours of one organisation, nearest first. */
export interface NeighbourList {
  id: string
  neighbours: Neighbour[]
  farthestId: string
  farthestDistance: number
}

/** Top-k nearest neighbours of every organisation with per-indicator contributions to the distance. */
export function findNearestNeighbours(options: FindNearestNeighboursOptions): NeighbourList[] {
  const { ids, columns, k } = options
  const { data, rows: n, cols } = flattenPoints(options.matrix)
  const raw = options.raw ? flattenPoints(options.raw) : undefined
  if (n !== ids.length)
    throw new AppError('invalid_input', message('peers.rowsForIds', { rows: n, ids: ids.length }))
  if (n > 0 && cols !== columns.length)
    throw new AppError(
      'invalid_input',
      message('peers.columnsForNames', { columns: cols, names: columns.length }),
    )
  if (raw && (raw.rows !== n || raw.cols !== cols))
    throw new AppError('invalid_input', message('peers.rawShape'))
  if (!Number.isInteger(k) || k < 0)
    throw new AppError('invalid_input', message('peers.kNonNegative', { k: String(k) }))

  const squared = new Float64Array(n)
  const order: number[] = []
  return ids.map((id, i) => {
    order.length = 0
    let farthest = -1
    for (let o = 0; o < n; o++) {
      if (o === i) continue
      let sum = 0
      for (let j = 0; j < cols; j++) {
        const diff = data[i * cols + j] - data[o * cols + j]
        sum += diff * diff
      }
      squared[o] = sum
      order.push(o)
      if (farthest < 0 || sum > squared[farthest]) farthest = o
    }
    // Ties keep input order, so the list is reproducible.
    order.sort((a, b) => squared[a] - squared[b] || a - b)
    const farthestDistance = farthest >= 0 ? Math.sqrt(squared[farthest]) : 0
    const neighbours = order.slice(0, k).map((o, index): Neighbour => {
      const distance = Math.sqrt(squared[o])
      const contributions = columns.map((column, j): IndicatorContribution => {
        const diff = data[i * cols + j] - data[o * cols + j]
        const contribution: IndicatorContribution = {
          column,
          sharePercent: squared[o] > 0 ? ((diff * diff) / squared[o]) * 100 : 0,
          squaredDifference: diff * diff,
        }
        if (raw) {
          contribution.value = raw.data[i * cols + j]
          contribution.neighbourValue = raw.data[o * cols + j]
        }
        return contribution
      })
      return {
        id: ids[o],
        rank: index + 1,
        distance,
        rebasedDistance: farthestDistance > 0 ? distance / farthestDistance : 0,
        contributions,
      }
    })
    return { id, neighbours, farthestId: farthest >= 0 ? ids[farthest] : id, farthestDistance }
  })
}

/** Input of explainNeighbour. */
export interface ExplainNeighbourOptions {
  /** The organisation whose neighbour is explained. */
  id: string
  neighbour: Neighbour
  /** Display names per id and per indicator column (fall back to the raw keys). */
  names?: Record<string, string>
  /** How many "most alike" indicators to name (default 2). */
  alikeCount?: number
}

/** The same explanation in German and English. */
export interface NeighbourExplanation {
  de: string
  en: string
}

/** One plain-language sentence (German and English) on why `neighbour` is close to `id`. */
export function explainNeighbour(options: ExplainNeighbourOptions): NeighbourExplanation {
  const { id, neighbour } = options
  const name = (key: string) => options.names?.[key] ?? key
  const self = name(id)
  const other = name(neighbour.id)
  const de = (value: number) => formatNumber('de', value, 2)
  const en = (value: number) => formatNumber('en', value, 2)
  const percent = (share: number) =>
    withUnit(share < 0.5 && share > 0 ? '<\u00a01' : String(Math.round(share)), '%')

  if (neighbour.distance === 0) {
    return {
      de: `${other} hat bei allen Indikatoren dieselben Werte wie ${self}.`,
      en: `${other} has the same values as ${self} in every indicator.`,
    }
  }
  const byShare = [...neighbour.contributions].sort((a, b) => b.sharePercent - a.sharePercent)
  // The largest share is the main DIFFERENCE; a second one is named only if it also weighs a quarter.
  const differences = byShare.slice(0, 1).concat(byShare.slice(1, 2).filter((c) => c.sharePercent >= 25))
  const alike = byShare
    .slice(differences.length)
    .reverse()
    .slice(0, options.alikeCount ?? 2)

  const values = (c: IndicatorContribution, format: (value: number) => string) =>
    c.value !== undefined && c.neighbourValue !== undefined
      ? `; ${other}: ${format(c.neighbourValue)}, ${self}: ${format(c.value)}`
      : ''
  const listDe = (items: string[]) =>
    items.slice(0, -1).join(', ') + (items.length > 1 ? ' und ' : '') + items.at(-1)
  const listEn = (items: string[]) =>
    items.slice(0, -1).join(', ') + (items.length > 1 ? ' and ' : '') + items.at(-1)
  const alikeDe = listDe(alike.map((c) => `${name(c.column)} (${percent(c.sharePercent)} des Abstands)`))
  const alikeEn = listEn(alike.map((c) => `${name(c.column)} (${percent(c.sharePercent)} of the distance)`))
  const diffDe = listDe(
    differences.map((c) => `${name(c.column)} (${percent(c.sharePercent)} des Abstands${values(c, de)})`),
  )
  const diffEn = listEn(
    differences.map((c) => `${name(c.column)} (${percent(c.sharePercent)} of the distance${values(c, en)})`),
  )
  const introDe = `${other} ist der ${neighbour.rank}. nächste Nachbar von ${self} (Abstand ${de(neighbour.rebasedDistance)}; 1 = die unähnlichste Organisation).`
  const introEn = `${other} is the ${ordinal(neighbour.rank)} nearest neighbour of ${self} (distance ${en(neighbour.rebasedDistance)}; 1 = the least similar organisation).`
  return {
    de:
      alike.length > 0
        ? `${introDe} Am ähnlichsten sind sie bei ${alikeDe}, am stärksten unterscheiden sie sich bei ${diffDe}.`
        : `${introDe} Der Abstand entsteht vor allem bei ${diffDe}.`,
    en:
      alike.length > 0
        ? `${introEn} They are most alike in ${alikeEn} and differ most in ${diffEn}.`
        : `${introEn} The distance comes mostly from ${diffEn}.`,
  }
}

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}
