/**
 * Who may do what with a data collection (docs/data-collections.md). A collection asks rings (or
 * the whole network): its moderators manage it; each organisation asked fills its own form.
 */
import { canManageNetworkWide } from './network-wide'
import { canModerateRing, hasPermission, type Viewer } from './permissions'

/** What a collection is, as these rules see it. */
export interface CollectionInRings {
  /** The rings asked; empty: the whole network. */
  ringIds: readonly number[]
  /** The organisations asked. */
  organisationIds: readonly number[]
}

/** Define, remind, reopen and close: administrators, moderators of every ring asked (all rings: network-wide). */
export function canManageCollection(viewer: Viewer, collection: Pick<CollectionInRings, 'ringIds'>): boolean {
  if (!hasPermission(viewer, 'manageCollections')) return false
  if (collection.ringIds.length === 0) return canManageNetworkWide(viewer)
  return collection.ringIds.every((ringId) => canModerateRing(viewer, ringId))
}

/** The caller's organisation, when the collection asks it. */
export function ownCollectionOrganisation(viewer: Viewer, collection: CollectionInRings): number | null {
  const id = viewer.organisationId
  return id !== null && collection.organisationIds.includes(id) ? id : null
}

/** See that the collection exists (title, indicators, deadline, own state). */
export function canSeeCollection(viewer: Viewer, collection: CollectionInRings): boolean {
  if (viewer.role === 'admin' || canManageCollection(viewer, collection)) return true
  if (ownCollectionOrganisation(viewer, collection) !== null) return true
  return viewer.role === 'moderator' && collection.ringIds.some((ringId) => canModerateRing(viewer, ringId))
}

/** Read one organisation's form: its own people, and the collection's managers. */
export function canReadCollectionForm(
  viewer: Viewer,
  collection: CollectionInRings,
  organisationId: number,
): boolean {
  if (!collection.organisationIds.includes(organisationId)) return false
  if (canManageCollection(viewer, collection) || viewer.role === 'admin') return true
  return ownCollectionOrganisation(viewer, collection) === organisationId
}

/** Fill and submit one organisation's form: its leads and analysts, and administrators. */
export function canFillCollectionForm(
  viewer: Viewer,
  collection: CollectionInRings,
  organisationId: number,
): boolean {
  if (!collection.organisationIds.includes(organisationId) || !hasPermission(viewer, 'fillCollections'))
    return false
  return viewer.role === 'admin' || ownCollectionOrganisation(viewer, collection) === organisationId
}
