/** Building and reading the columnar observation table of the demo network. */
import { formatPeriod, monthFromIndex, type Frequency } from '../../../core/periods/period'
import {
  DEMO_BREAKDOWNS,
  DEMO_MISSING_REASONS,
  MISSING_NONE,
  type DemoObservation,
  type DemoObservationColumns,
} from './types'

export interface ObservationWriter {
  columns: DemoObservationColumns
  push(row: {
    orgIndex: number
    indicator: number
    period: number
    breakdown: number
    value: number
    missingReason: number
  }): void
}

/** Allocates the columns once for exactly `capacity` rows: the generator knows the count upfront. */
export function createObservationWriter(options: {
  indicatorCodes: readonly string[]
  indicatorFrequencies: readonly Frequency[]
  capacity: number
}): ObservationWriter {
  const { capacity } = options
  const columns: DemoObservationColumns = {
    indicatorCodes: options.indicatorCodes,
    indicatorFrequencies: options.indicatorFrequencies,
    orgIndex: new Uint16Array(capacity),
    indicator: new Uint8Array(capacity),
    period: new Int32Array(capacity),
    breakdown: new Uint8Array(capacity),
    value: new Float64Array(capacity),
    missingReason: new Uint8Array(capacity),
    count: 0,
  }
  return {
    columns,
    push(row): void {
      const i = columns.count
      if (i >= capacity) throw new Error('demo observation table is full')
      columns.orgIndex[i] = row.orgIndex
      columns.indicator[i] = row.indicator
      columns.period[i] = row.period
      columns.breakdown[i] = row.breakdown
      columns.value[i] = row.missingReason === MISSING_NONE ? row.value : NaN
      columns.missingReason[i] = row.missingReason
      columns.count = i + 1
    },
  }
}

/** Row i of the columns in plain form ('2019-12' / '2019', null for missing). */
export function readDemoObservation(columns: DemoObservationColumns, i: number): DemoObservation {
  const indicator = columns.indicator[i]!
  const frequency = columns.indicatorFrequencies[indicator]!
  const period = columns.period[i]!
  const reason = DEMO_MISSING_REASONS[columns.missingReason[i]!]
  return {
    orgIndex: columns.orgIndex[i]!,
    indicatorCode: columns.indicatorCodes[indicator]!,
    frequency,
    period: frequency === 'yearly' ? String(period) : formatPeriod(monthFromIndex(period)),
    breakdown: DEMO_BREAKDOWNS[columns.breakdown[i]!]!,
    value: reason === null ? columns.value[i]! : null,
    missingReason: reason,
  }
}
