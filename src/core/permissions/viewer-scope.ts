import type { Viewer } from './permissions'

const byNumber = (ids: readonly number[]) => [...ids].sort((a, b) => a - b).join(',')

/**
 * Everything the permission rules read of a viewer — role, organisation, rings, moderated rings —
 * but not who the user is: two viewers with the same key see the same organisations, rings and
 * figures, so an answer made for one of them may be given to the other.
 */
export function viewerScopeKey(viewer: Viewer): string {
  const moderated = viewer.moderatedRingIds === 'all' ? 'all' : byNumber(viewer.moderatedRingIds)
  return `${viewer.role}:${viewer.organisationId ?? '-'}:${byNumber(viewer.ringIds)}:${moderated}`
}
