import type { Viewer } from './permissions'

/**
 * Who may change what spans the whole network (self-assessment cycles, network-wide events and
 * topics, peer models): administrators and moderators of all rings. A moderator limited to some
 * rings changes only what belongs to those rings; otherwise one ring's moderation would decide for
 * everybody else's.
 */
export function canManageNetworkWide(viewer: Viewer | null): boolean {
  if (viewer === null) return false
  return viewer.role === 'admin' || (viewer.role === 'moderator' && viewer.moderatedRingIds === 'all')
}
