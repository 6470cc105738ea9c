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

/** Which organisations a caller may see one by one, by name, in a month (rings valid on its first day). */
export interface KpiScope {
  canSeeNamed(organisationId: number): boolean
  /** Throws forbidden unless the organisation may be shown by name. */
  requireNamed(organisationId: number): void
  /** Throws forbidden when a group hides members from the caller and is too small to pool. */
  requireGroupVisible(organisationIds: readonly number[]): void
}

export async function loadKpiScope(
  db: Kysely<DB>,
  options: { viewer: Viewer; month: number },
): Promise<KpiScope> {
  const rings = await findOrganisationRings(db, { at: monthStart(options.month) })
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
    requireGroupVisible(ids) {
      if (ids.every(canSeeNamed) || canShowAggregate(ids.length)) return
      throw new AppError(
        'forbidden',
        `this group has ${ids.length} members, some outside your ring; groups outside your ring are shown only as aggregates of at least ${MIN_AGGREGATE_SIZE}`,
      )
    },
  }
}
