/**
 * Builds the standardised, weighted indicator matrix on which peer groups are computed.
 *
 * Per column: optional transform (log for skewed figures like density, rank for robustness to
 * outliers), then z-score with the POPULATION standard deviation (divide by n, like scikit-learn's
 * StandardScaler, so results match the reference implementation), then multiplication by
 * sqrt(weight): the squared Euclidean distance between two rows is then Σ weight_j · z-diff_j².
 *
 * Rows with a missing value (null, undefined, NaN) are not dropped silently: they are listed in
 * `excluded` with the names of the missing columns, and means/sds are computed from complete rows.
 */
import { message } from '../messages/text'
import { AppError } from '../errors/app-error'

/** Per-column transform before standardising: none, natural log (values must be > 0), or average rank. */
export type ColumnTransform = 'none' | 'log' | 'rank'

/** One named indicator with a value per id. */
export interface IndicatorColumn {
  name: string
  /** One value per id; null, undefined or NaN mean "missing". */
  values: ReadonlyArray<number | null | undefined>
  transform?: ColumnTransform
  /** Relative importance, ≥ 0; default 1. */
  weight?: number
}

/** Input of buildStandardisedMatrix: ids and their indicator columns. */
export interface BuildStandardisedMatrixOptions {
  ids: readonly string[]
  columns: readonly IndicatorColumn[]
}

/** An id left out because of missing values, with the columns that are missing. */
export interface ExcludedRow {
  id: string
  missing: string[]
}

/** The weighted z-score matrix of the complete rows, with the statistics used. */
export interface StandardisedMatrix {
  /** One row per complete id, one column per indicator (same order as `columns`). */
  matrix: number[][]
  ids: string[]
  columns: string[]
  excluded: ExcludedRow[]
  /** Mean and population sd of each transformed column over the complete rows. */
  means: number[]
  sds: number[]
  weights: number[]
}

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value)
}

/** 1-based ranks with ties given their average rank (like scipy.stats.rankdata 'average'). */
export function computeAverageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b)
  const ranks = new Array<number>(values.length)
  let start = 0
  while (start < order.length) {
    let end = start
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++
    // positions start..end (0-based) share ranks start+1..end+1, whose mean is (start+end)/2 + 1
    const rank = (start + end) / 2 + 1
    for (let p = start; p <= end; p++) ranks[order[p]] = rank
    start = end + 1
  }
  return ranks
}

/** Standardises named indicator columns into a weighted z-score matrix, listing incomplete rows. */
export function buildStandardisedMatrix(options: BuildStandardisedMatrixOptions): StandardisedMatrix {
  const { ids, columns } = options
  for (const column of columns) {
    if (column.values.length !== ids.length) {
      throw new AppError(
        'invalid_input',
        message('peers.valuesForRows', { name: column.name, values: column.values.length, rows: ids.length }),
      )
    }
    const weight = column.weight ?? 1
    if (!Number.isFinite(weight) || weight < 0) {
      throw new AppError('invalid_input', message('peers.negativeWeight', { column: column.name, weight }))
    }
  }

  const keptRows: number[] = []
  const excluded: ExcludedRow[] = []
  ids.forEach((id, i) => {
    const missing = columns.filter((c) => isMissing(c.values[i])).map((c) => c.name)
    if (missing.length > 0) excluded.push({ id, missing })
    else keptRows.push(i)
  })

  const transformed = columns.map((column) => {
    const raw = keptRows.map((i) => column.values[i] as number)
    switch (column.transform ?? 'none') {
      case 'none':
        return raw
      case 'log':
        return raw.map((value, r) => {
          if (value <= 0) {
            throw new AppError(
              'invalid_input',
              message('peers.logNeedsPositive', { column: column.name, id: String(ids[keptRows[r]]), value }),
            )
          }
          return Math.log(value)
        })
      case 'rank':
        return computeAverageRanks(raw)
    }
  })

  const n = keptRows.length
  const means: number[] = []
  const sds: number[] = []
  const weights = columns.map((c) => c.weight ?? 1)
  const matrix = keptRows.map(() => new Array<number>(columns.length))
  transformed.forEach((values, j) => {
    const mean = n > 0 ? values.reduce((s, v) => s + v, 0) / n : 0
    const variance = n > 0 ? values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / n : 0
    const sd = Math.sqrt(variance)
    means.push(mean)
    sds.push(sd)
    const factor = Math.sqrt(weights[j])
    // A constant column carries no information: it becomes 0 rather than NaN (as in StandardScaler).
    values.forEach((v, r) => {
      matrix[r][j] = sd > 0 ? ((v - mean) / sd) * factor : 0
    })
  })

  return {
    matrix,
    ids: keptRows.map((i) => ids[i]),
    columns: columns.map((c) => c.name),
    excluded,
    means,
    sds,
    weights,
  }
}
