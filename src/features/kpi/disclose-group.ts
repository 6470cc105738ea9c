import type { Kysely } from 'kysely'
import { isAppError } from '../../core/errors/app-error'
import {
  decideForeignGroup,
  decideOwnFigure,
  planFamilyDisclosure,
  type DisclosureDecision,
  type FamilyGroup,
} from '../../core/permissions'
import type { DB } from '../../db/schema'
import type { KpiScope } from './kpi-access'
import { noMemo, type Memo } from './kpi-cache'
import { findFigureDefinition, readFigureValues } from './read-figure-values'
import { resolveGroup, type GroupKind, type ResolvedGroup } from './resolve-group'

export interface DisclosedGroup {
  /** The members the statistics may pool for this caller. */
  group: ResolvedGroup
  decision: DisclosureDecision
}

/** The comparison family of a member's own organisation, in the order groups are admitted. */
const OWN_FAMILY: readonly GroupKind[] = ['all', 'type', 'neighbours']

/**
 * Applies the disclosure rules (core/permissions/disclosure.ts) to one group for one figure,
 * breakdown and month: which members its statistics may pool for this caller, and how much of them
 * may be shown. The decision covers the caller's whole comparison family at once (network, type and
 * neighbours of their own organisation), so it does not depend on which group is asked.
 */
export async function discloseGroup(
  db: Kysely<DB>,
  options: {
    scope: KpiScope
    code: string
    breakdown: string
    month: number
    group: ResolvedGroup
    /** The organisation the group was resolved for. */
    organisationId: number
    asOf?: Date
    memo?: Memo
  },
): Promise<DisclosedGroup> {
  const { scope, group, organisationId, month } = options
  const memo = options.memo ?? noMemo
  const hidden = group.organisationIds.filter((id) => scope.isHidden(id))
  if (hidden.length === 0) return { group, decision: decideForeignGroup(0) }
  const visibleGroup = {
    ...group,
    organisationIds: group.organisationIds.filter((id) => !scope.isHidden(id)),
  }
  const definition = await memo(`definition:${options.code}`, () => findFigureDefinition(db, options.code))
  if (!definition.isOfficial) return { group: visibleGroup, decision: decideOwnFigure(hidden.length) }
  const isOwnOrganisation = scope.viewer.organisationId === organisationId
  const familyKinds: readonly GroupKind[] = isOwnOrganisation
    ? OWN_FAMILY
    : group.kind === 'all'
      ? ['all']
      : []
  if (!familyKinds.includes(group.kind))
    return { group: visibleGroup, decision: decideForeignGroup(hidden.length) }

  const family: ResolvedGroup[] = []
  for (const kind of familyKinds) {
    if (kind === group.kind) {
      family.push(group)
      continue
    }
    const resolved = await memo(`group:${kind}:${organisationId}:${month}`, () =>
      resolveGroup(db, { kind, organisationId, month }).catch((error: unknown) => {
        // Without a peer model or context data there is no such group (asking for it fails the
        // same way): the family is smaller.
        if (isAppError(error) && (error.code === 'not_found' || error.code === 'invalid_input')) return null
        throw error
      }),
    )
    if (resolved) family.push(resolved)
  }
  // Hidden organisations are pooled only where they are expected to deliver: members of the network.
  const network = new Set(family.find((g) => g.kind === 'all')?.organisationIds ?? [])
  const expected = [...new Set(family.flatMap((g) => g.organisationIds))].filter(
    (id) => scope.isHidden(id) && network.has(id),
  )
  const values = await readFigureValues(db, {
    code: options.code,
    breakdown: options.breakdown,
    organisationIds: expected,
    from: month,
    to: month,
    asOf: options.asOf,
  })
  const hasValue = (id: number) => {
    const value = values.get(id)?.[0]?.value
    return value !== null && value !== undefined && Number.isFinite(value)
  }
  const expectedSet = new Set(expected)
  const familyGroups: FamilyGroup[] = family.map((g) => {
    const pooled = g.organisationIds.filter((id) => expectedSet.has(id))
    return {
      key: g.kind,
      hiddenWithValue: pooled.filter(hasValue),
      hiddenPending: pooled.filter((id) => !hasValue(id)),
    }
  })
  const decision = planFamilyDisclosure(familyGroups).get(group.kind)!
  if (decision.level === 'visible_only') return { group: visibleGroup, decision }
  return {
    group: {
      ...group,
      organisationIds: group.organisationIds.filter((id) => !scope.isHidden(id) || expectedSet.has(id)),
    },
    decision,
  }
}
