/**
 * The building blocks of an agenda as the caller may see them: the ring's data spotlights and the
 * open actions of its earlier meetings. The agenda proposal, the action lists and the meeting pack
 * read them here, so that the three show the same.
 */
import type { Kysely } from 'kysely'
import type { ActionItemDto, SpotlightDto } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import type { Message } from '../../core/messages/text'
import { findRingSpotlights } from './find-spotlights'
import type { MeetingScope } from './load-meeting-scope'
import { spotlightForViewer, toActionDto } from './meeting-dto'
import { findUsersByIds, type MeetingRow } from './meeting.repository'
import { findActionsWithMeeting, type ActionWithMeetingRow } from './minutes.repository'

export interface AgendaBlocks {
  spotlights: SpotlightDto[]
  spotlightNotes: Message[]
  /** "2025-06": the month of the key figures the spotlights are from, or null. */
  dataPeriod: string | null
  /** Open (or in progress) actions from the ring's meetings before this one. */
  openActions: ActionItemDto[]
}

export async function loadAgendaBlocks(
  db: Kysely<DB>,
  options: { scope: MeetingScope; meeting: MeetingRow; period?: string; today: string },
): Promise<AgendaBlocks> {
  const { meeting } = options
  if (meeting.ring_id === null)
    return { spotlights: [], spotlightNotes: [], dataPeriod: null, openActions: [] }
  const found = await findRingSpotlights(db, { ringId: meeting.ring_id, period: options.period })
  const spotlights = found.spotlights
    .map((s) =>
      spotlightForViewer(options.scope, {
        kind: s.kind,
        figureCode: s.figureCode,
        figureNameDe: s.figureNameDe,
        figureNameEn: s.figureNameEn,
        organisation: { id: s.organisationId, name: s.organisationName, isPseudonymised: false },
        period: s.period,
        numbers: s.numbers,
        judgement: s.judgement,
        source: s.source,
      }),
    )
    .filter((s): s is SpotlightDto => s !== null)
  const open = await findActionsWithMeeting(db, {
    isOpenOnly: true,
    ringId: meeting.ring_id,
    before: meeting.starts_on,
  })
  return {
    spotlights,
    spotlightNotes: found.notes,
    dataPeriod: found.period,
    openActions: await toActionDtos(db, { ...options, rows: open }),
  }
}

/** Actions with their meeting → what the caller sees of them (owners by name or pseudonym). */
export async function toActionDtos(
  db: Kysely<DB>,
  options: { scope: MeetingScope; rows: ActionWithMeetingRow[]; today: string },
): Promise<ActionItemDto[]> {
  const users = await findUsersByIds(
    db,
    options.rows.map((a) => a.owner_user_id),
  )
  return options.rows.map((action) =>
    toActionDto({
      scope: options.scope,
      action,
      meeting: {
        id: action.meeting_id,
        title: action.meeting_title,
        starts_on: action.meeting_starts_on,
        ring_id: action.meeting_ring_id,
      },
      users,
      today: options.today,
    }),
  )
}
