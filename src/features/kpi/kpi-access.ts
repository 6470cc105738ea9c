import type { Kysely } from 'kysely'
import { valueVisibility, type ConfidentialityClass, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { organisationNotFound } from '../organisations/find-organisation'
import { monthStart } from './load-series'
import { noMemo, type Memo } from './kpi-cache'

/**
 * Which organisations a caller may see one by one, by name, in a month (rings valid on its first
 * day), for values of one confidentiality class (core/permissions/confidentiality.ts).
 */
export interface KpiScope {
  viewer: Viewer
  confidentiality: ConfidentialityClass
  canSeeNamed(organisationId: number): boolean
  /**
   * Not in view at all (neither by name nor under a pseudonym): such an organisation enters
   * statistics only as the disclosure rules allow (core/permissions/disclosure.ts). Never true for
   * public values.
   */
  isHidden(organisationId: number): boolean
  /**
   * Throws not_found unless the organisation may be shown by name: the same answer, word for word,
   * as for a key that names no organisation, so a key tells nothing about who is behind a pseudonym.
   */
  requireNamed(organisationId: number, key: string): void
  /** The same caller in the same month, for values of another class. */
  forClass(confidentiality: ConfidentialityClass): KpiScope
}

export async function loadKpiScope(
  db: Kysely<DB>,
  options: { viewer: Viewer; month: number; memo?: Memo; confidentiality?: ConfidentialityClass },
): Promise<KpiScope> {
  const at = monthStart(options.month)
  // The rings of every organisation are the same for all callers; the viewer is applied below.
  const rings = await (options.memo ?? noMemo)(`organisation-rings:${at}`, () =>
    findOrganisationRings(db, { at }),
  )
  const scopeFor = (confidentiality: ConfidentialityClass): KpiScope => {
    const visibilityOf = (id: number) =>
      valueVisibility(options.viewer, rings.get(id) ?? { id, rings: [] }, confidentiality)
    const canSeeNamed = (id: number) => {
      const visibility = visibilityOf(id)
      // Pseudonymised ring peers are left out of named lists; they still count in every aggregate.
      return visibility === 'full' || visibility === 'named'
    }
    return {
      viewer: options.viewer,
      confidentiality,
      canSeeNamed,
      isHidden: (id) => visibilityOf(id) === 'none',
      requireNamed(id, key) {
        if (!canSeeNamed(id)) throw organisationNotFound(key)
      },
      forClass: scopeFor,
    }
  }
  return scopeFor(options.confidentiality ?? 'network')
}
