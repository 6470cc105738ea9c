/**
 * The peer-group statistics take points as rows of plain numbers (number[][] or Float64Array[])
 * and work internally on one flat row-major Float64Array, which is several times faster to scan
 * than an array of arrays and keeps memory at 8 bytes per value.
 */
import { message } from '../messages/text'
import { AppError } from '../errors/app-error'

/** Rows of equal length: number[][] or an array of Float64Array. */
export type Points = ReadonlyArray<ArrayLike<number>>

/** A row-major matrix: value (i, j) is data[i * cols + j]. */
export interface FlatMatrix {
  data: Float64Array
  rows: number
  cols: number
}

/** Copies rows into a flat matrix, rejecting ragged rows and non-finite values. */
export function flattenPoints(points: Points): FlatMatrix {
  const rows = points.length
  const cols = rows > 0 ? points[0].length : 0
  const data = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    const row = points[i]
    if (row.length !== cols) {
      throw new AppError(
        'invalid_input',
        message('peers.rowLength', { row: i, count: row.length, columns: cols }),
      )
    }
    for (let j = 0; j < cols; j++) {
      const value = row[j]
      if (!Number.isFinite(value)) {
        throw new AppError(
          'invalid_input',
          message('peers.notFinite', { row: i, column: j, value: String(value) }),
        )
      }
      data[i * cols + j] = value
    }
  }
  return { data, rows, cols }
}

/** Squared Euclidean distance between row a of `x` and row b of `y` (both with `cols` columns). */
export function squaredDistance(
  x: Float64Array,
  a: number,
  y: Float64Array,
  b: number,
  cols: number,
): number {
  let sum = 0
  const oa = a * cols
  const ob = b * cols
  for (let j = 0; j < cols; j++) {
    const diff = x[oa + j] - y[ob + j]
    sum += diff * diff
  }
  return sum
}

/** Column means of the rows of `matrix` whose label is g, for g = 0..k−1, plus group sizes. */
export function computeGroupMeans(
  matrix: FlatMatrix,
  labels: ArrayLike<number>,
  k: number,
): { means: Float64Array; sizes: Int32Array } {
  const { data, rows, cols } = matrix
  const means = new Float64Array(k * cols)
  const sizes = new Int32Array(k)
  for (let i = 0; i < rows; i++) {
    const g = labels[i]
    sizes[g]++
    for (let j = 0; j < cols; j++) means[g * cols + j] += data[i * cols + j]
  }
  for (let g = 0; g < k; g++) {
    if (sizes[g] > 0) for (let j = 0; j < cols; j++) means[g * cols + j] /= sizes[g]
  }
  return { means, sizes }
}

/** Checks that labels are integers in 0..k−1 and returns k (max label + 1). */
export function countGroups(labels: ArrayLike<number>): number {
  let k = 0
  for (let i = 0; i < labels.length; i++) {
    const g = labels[i]
    if (!Number.isInteger(g) || g < 0) {
      throw new AppError('invalid_input', message('peers.labelNotInteger', { index: i, label: String(g) }))
    }
    if (g + 1 > k) k = g + 1
  }
  return k
}
