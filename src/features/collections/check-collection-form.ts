/**
 * The facts the plausibility checks of a collection need (core/plausibility/collection-checks.ts),
 * read once for all forms of the collection: every organisation's cells, their values of the
 * period before, and the group's values per cell.
 */
import type { Kysely } from 'kysely'
import {
  cellKey,
  checkCollectedValues,
  DEFAULT_CHECK_SETTINGS,
  previousPeriod,
  type CollectedValue,
  type Finding,
} from '../../core/plausibility/collection-checks'
import { MIN_AGGREGATE_SIZE } from '../../core/permissions'
import { parsePeriod, periodStartDate } from '../../core/periods/period'
import type { DB } from '../../db/schema'
import { findCurrentValues, listEntries, type EntryRow } from './collection.repository'
import type { LoadedCollection } from './load-collection'

export interface FormCell {
  indicator: string
  period: string
  breakdown: string
  value: number | null
  previousValue: number | null
  comment: string
}

export interface CheckFacts {
  collection: LoadedCollection
  /** Cells entered, by organisation. */
  entries: Map<number, EntryRow[]>
  /** Values of the period before, by organisation and cellKey of the collection's period. */
  previous: Map<number, Map<string, number>>
}

const startDay = (period: string) => periodStartDate(parsePeriod(period)!)

/** Reads the facts for the given organisations' forms (and every entry, for the group's values). */
export async function loadCheckFacts(db: Kysely<DB>, collection: LoadedCollection): Promise<CheckFacts> {
  const entries = new Map<number, EntryRow[]>(collection.members.map((m) => [m.organisationId, []]))
  for (const e of await listEntries(db, { collectionId: collection.row.id }))
    entries.get(e.organisationId)?.push(e)
  const previousOf = new Map(collection.row.periods.map((p) => [startDay(previousPeriod(p)), p]))
  const codeOf = new Map(collection.indicators.map((i) => [i.id, i.code]))
  const previous = new Map<number, Map<string, number>>(
    collection.members.map((m) => [m.organisationId, new Map()]),
  )
  const values = await findCurrentValues(db, {
    indicatorIds: collection.indicators.map((i) => i.id),
    days: [...previousOf.keys()],
    organisationIds: collection.members.map((m) => m.organisationId),
  })
  for (const v of values)
    previous.get(v.organisationId)?.set(
      cellKey({
        indicator: codeOf.get(v.indicatorId)!,
        period: previousOf.get(v.day)!,
        breakdown: v.breakdown,
      }),
      v.value,
    )
  return { collection, entries, previous }
}

/** Every cell of one organisation's form, in the order of indicators, periods and breakdowns. */
export function formCells(facts: CheckFacts, organisationId: number): FormCell[] {
  const codeOf = new Map(facts.collection.indicators.map((i) => [i.id, i.code]))
  const entered = new Map(
    (facts.entries.get(organisationId) ?? []).map((e) => [
      cellKey({ indicator: codeOf.get(e.indicatorId)!, period: e.period, breakdown: e.breakdown }),
      e,
    ]),
  )
  const previous = facts.previous.get(organisationId) ?? new Map<string, number>()
  const cells: FormCell[] = []
  for (const indicator of facts.collection.indicators)
    for (const period of facts.collection.row.periods)
      for (const breakdown of indicator.breakdowns) {
        const key = cellKey({ indicator: indicator.code, period, breakdown })
        const entry = entered.get(key)
        cells.push({
          indicator: indicator.code,
          period,
          breakdown,
          value: entry?.value ?? null,
          previousValue: previous.get(key) ?? null,
          comment: entry?.comment ?? '',
        })
      }
  return cells
}

/**
 * The group a value is judged against: the other organisations' values of the same cell in this
 * collection, or, while fewer than five have entered one, their values of the period before.
 */
function groupValues(facts: CheckFacts, organisationId: number): Map<string, number[]> {
  const codeOf = new Map(facts.collection.indicators.map((i) => [i.id, i.code]))
  const current = new Map<string, number[]>()
  const before = new Map<string, number[]>()
  const push = (map: Map<string, number[]>, key: string, value: number) =>
    map.set(key, [...(map.get(key) ?? []), value])
  for (const [id, entries] of facts.entries) {
    if (id === organisationId) continue
    for (const e of entries)
      if (e.value !== null)
        push(
          current,
          cellKey({ indicator: codeOf.get(e.indicatorId)!, period: e.period, breakdown: e.breakdown }),
          e.value,
        )
    for (const [key, value] of facts.previous.get(id) ?? []) push(before, key, value)
  }
  const keys = new Set([...current.keys(), ...before.keys()])
  return new Map(
    [...keys].map((key) => {
      const now = current.get(key) ?? []
      return [key, now.length >= MIN_AGGREGATE_SIZE ? now : (before.get(key) ?? [])]
    }),
  )
}

/** The findings of one organisation's form as it is stored. */
export function findingsFor(
  facts: CheckFacts,
  organisationId: number,
  cells = formCells(facts, organisationId),
): Finding[] {
  return checkCollectedValues({
    indicators: facts.collection.indicators,
    values: cells satisfies CollectedValue[],
    previous: facts.previous.get(organisationId) ?? new Map(),
    group: groupValues(facts, organisationId),
    settings: {
      ...DEFAULT_CHECK_SETTINGS,
      changeThresholdPercent: facts.collection.row.changeThresholdPercent,
    },
  })
}

/** Warnings whose cell carries no comment (each needs a correction or a comment before submitting). */
export function uncommentedWarnings(findings: readonly Finding[], cells: readonly FormCell[]): Finding[] {
  const comments = new Map(cells.map((c) => [cellKey(c), c.comment.trim()]))
  return findings.filter((f) => f.severity === 'warning' && !comments.get(cellKey(f)))
}
