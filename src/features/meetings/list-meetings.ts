/** The meetings the caller may see: of a ring (and the network-wide events), a year, a status. */
import type { Kysely } from 'kysely'
import { canViewRingScoped } from '../../core/benchlearning'
import type { Viewer } from '../../core/permissions'
import type { MeetingSummaryDto } from '../../contracts/meetings'
import type { DB, MeetingStatus } from '../../db/schema'
import { listMeetingRows, resolveRing } from './meeting.repository'
import { summariseMeetings } from './summarise-meetings'

export interface ListMeetingsOptions {
  viewer: Viewer
  ring?: string
  year?: number
  status?: MeetingStatus
  now: Date
}

export async function listMeetings(
  db: Kysely<DB>,
  options: ListMeetingsOptions,
): Promise<MeetingSummaryDto[]> {
  const { viewer } = options
  const ring = options.ring ? await resolveRing(db, options.ring) : undefined
  const rows = await listMeetingRows(db, { ringId: ring?.id, year: options.year, status: options.status })
  const visible = rows.filter((m) => canViewRingScoped(viewer, { ringId: m.ring_id }))
  return summariseMeetings(db, { viewer, meetings: visible, now: options.now })
}
