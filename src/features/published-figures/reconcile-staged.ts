/**
 * Pairs published values with the platform's computed values of the same organisation, figure,
 * breakdown and month and reconciles them (core/kpi/reconcile.ts). Used by the import (for the rows
 * of its file, also in a dry run) and by the figure page (for the current publication of a month).
 */
import type { Kysely } from 'kysely'
import { reconcileFigureValues, roundingTolerance, type ReconciliationPair } from '../../core/kpi'
import type { ReconciliationFindingDto } from '../../contracts/published-figures'
import type { DB } from '../../db/schema'
import { findStoredValues } from '../kpi/kpi-value.repository'
import { monthIndexOf } from '../kpi/load-series'
import type { PublishedValueRow, StoredFinding } from './published-figure.repository'

export type PublishedForReconciliation = Pick<
  PublishedValueRow,
  | 'organisationId'
  | 'figure'
  | 'period'
  | 'breakdown'
  | 'value'
  | 'valueDecimals'
  | 'numerator'
  | 'numeratorDecimals'
  | 'denominator'
  | 'denominatorDecimals'
>

export interface ReconciliationReport {
  compared: number
  differing: number
  findings: ReconciliationFindingDto[]
}

/** A stored finding as answers show it, with the organisation's name. */
export function toFindingDto(finding: StoredFinding, name: string): ReconciliationFindingDto {
  return {
    organisationId: finding.organisationId,
    name,
    figure: finding.figure,
    period: finding.period.slice(0, 7),
    breakdown: finding.breakdown,
    published: finding.published,
    computed: finding.computed,
    differs: finding.differs as ReconciliationFindingDto['differs'],
    tolerance: roundingTolerance(finding.valueDecimals),
  }
}

export async function reconcileStaged(
  db: Kysely<DB>,
  values: readonly PublishedForReconciliation[],
  names: ReadonlyMap<number, string>,
): Promise<{ compared: number; findings: ReconciliationFindingDto[]; stored: StoredFinding[] }> {
  const groups = new Map<string, PublishedForReconciliation[]>()
  for (const v of values) {
    if (v.value === null) continue
    const key = `${v.figure}|${v.breakdown}`
    const group = groups.get(key)
    if (group) group.push(v)
    else groups.set(key, [v])
  }
  const pairs: ReconciliationPair<PublishedForReconciliation>[] = []
  for (const group of groups.values()) {
    const months = group.map((v) => monthIndexOf(v.period))
    const computed = await findStoredValues(db, {
      code: group[0]!.figure,
      breakdown: group[0]!.breakdown,
      organisationIds: [...new Set(group.map((v) => v.organisationId))],
      from: Math.min(...months),
      to: Math.max(...months),
    })
    const byCell = new Map(computed.map((c) => [`${c.organisationId}|${c.period}`, c]))
    group.forEach((v, i) => {
      const c = byCell.get(`${v.organisationId}|${months[i]}`)
      pairs.push({
        key: v,
        published: v,
        computed: c ? { value: c.value, numerator: c.numerator, denominator: c.denominator } : null,
      })
    })
  }
  const result = reconcileFigureValues(pairs)
  const stored: StoredFinding[] = result.findings.map((f) => ({
    organisationId: f.key.organisationId,
    figure: f.key.figure,
    period: f.key.period,
    breakdown: f.key.breakdown,
    published: {
      value: f.published.value,
      numerator: f.published.numerator,
      denominator: f.published.denominator,
    },
    computed: f.computed,
    valueDecimals: f.published.valueDecimals,
    differs: f.differs,
  }))
  return {
    compared: result.compared,
    stored,
    findings: stored.map((f) => toFindingDto(f, names.get(f.organisationId) ?? String(f.organisationId))),
  }
}
