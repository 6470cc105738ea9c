/** Action items: `mine` = owned by the caller or their organisation (start page); `visible` = all in view. */
import type { Kysely } from 'kysely'
import { canViewRingScoped } from '../../core/benchlearning'
import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import type { ActionItemDto } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { toActionDtos } from './load-agenda-blocks'
import { loadMeetingScope } from './load-meeting-scope'
import { resolveRing } from './meeting.repository'
import { findActionsWithMeeting } from './minutes.repository'

export async function listActionItems(
  db: Kysely<DB>,
  options: { viewer: Viewer; scope: 'mine' | 'visible'; status: 'open' | 'all'; ring?: string; now: Date },
): Promise<ActionItemDto[]> {
  const { viewer } = options
  const ring = options.ring ? await resolveRing(db, options.ring) : undefined
  const rows = await findActionsWithMeeting(db, {
    isOpenOnly: options.status === 'open',
    ringId: ring?.id,
    owner:
      options.scope === 'mine' ? { userId: viewer.userId, organisationId: viewer.organisationId } : undefined,
  })
  const visible = rows.filter((r) => canViewRingScoped(viewer, { ringId: r.meeting_ring_id }))
  const today = isoDate(options.now)
  const scope = await loadMeetingScope(db, { viewer, at: today })
  return toActionDtos(db, { scope, rows: visible, today })
}
