import type { Kysely } from 'kysely'
import { AppError } from '../../core/errors/app-error'
import {
  canShowAggregate,
  MIN_AGGREGATE_SIZE,
  organisationVisibility,
  type Viewer,
} from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { monthStart } from './load-series'
import { noMemo, type Memo } from './kpi-cache'
import type { GroupKind } from './resolve-group'

/** Which organisations a caller may see one by one, by name, in a month (rings valid on its first day). */
export interface KpiScope {
  canSeeNamed(organisationId: number): boolean
  /** Throws forbidden unless the organisation may be shown by name. */
  requireNamed(organisationId: number): void
  /**
   * Throws forbidden when a group pools organisations the caller may not see at all, unless it is a
   * fixed group (ring, network, peer type, nearest neighbours) with at least MIN_AGGREGATE_SIZE of
   * them. Hand-picked sets may hold only organisations in view: with a free choice of members, two
   * sets that differ by one hidden organisation would reveal its value by differencing, however
   * large they are.
   */
  requireGroupVisible(organisationIds: readonly number[], kind: GroupKind): void
}

export async function loadKpiScope(
  db: Kysely<DB>,
  options: { viewer: Viewer; month: number; memo?: Memo },
): Promise<KpiScope> {
  const at = monthStart(options.month)
  // The rings of every organisation are the same for all callers; the viewer is applied below.
  const rings = await (options.memo ?? noMemo)(`organisation-rings:${at}`, () =>
    findOrganisationRings(db, { at }),
  )
  const canSeeNamed = (id: number) => {
    const visibility = organisationVisibility(options.viewer, rings.get(id) ?? { id, rings: [] })
    // Pseudonymised ring peers are left out of named lists; they still count in every aggregate.
    return visibility === 'full' || visibility === 'named'
  }
  return {
    canSeeNamed,
    requireNamed(id) {
      if (!canSeeNamed(id))
        // Like the observations route: outside the caller's view an organisation is not found.
        throw new AppError('not_found', `no organisation ${id} in your organisation or your ring`)
    },
    requireGroupVisible(ids, kind) {
      // Pseudonymised ring peers are in view (under pseudonyms); hidden are organisations outside.
      const hidden = ids.filter(
        (id) => organisationVisibility(options.viewer, rings.get(id) ?? { id, rings: [] }) === 'none',
      )
      if (hidden.length === 0) return
      if (kind === 'set')
        throw new AppError(
          'forbidden',
          'a hand-picked set may contain only organisations of your own ring; compare with others through the ring or the whole network',
        )
      if (canShowAggregate(hidden.length)) return
      throw new AppError(
        'forbidden',
        `this group pools ${hidden.length} organisations outside your ring; they are shown only as aggregates of at least ${MIN_AGGREGATE_SIZE}`,
      )
    },
  }
}
