/** What the meetings' route files share: tag, roles, answer shapes, the caller and name warnings. */
import { z } from 'zod'
import type { Role } from '../../core/permissions'
import { isoDate } from '../../core/periods/dates'
import { nameWarningsField } from '../../contracts/name-warnings'
import type { AppContext } from '../../server/context'
import { requireActor, requireViewer, type RouteInput } from '../../server/route'
import { warnAboutMeetingTexts, type MeetingTextOwner } from './warn-about-meeting-texts'

export const TAG = 'meetings'
/** The moderation: plans meetings, builds agendas, writes and approves minutes. */
export const MANAGERS = ['admin', 'moderator'] as const satisfies readonly Role[]
/** Who takes part in writing: the moderation, leads and analysts (comments, topics, votes). */
export const WRITERS = [
  'admin',
  'moderator',
  'member_lead',
  'member_analyst',
] as const satisfies readonly Role[]

export const createdSchema = z.object({ id: z.number().int() })
export const doneSchema = z.object({ isDone: z.literal(true) })
export const DONE = { isDone: true as const }
// Writes of texts that peers read answer with warnings when a text names an organisation.
export const createdTextSchema = createdSchema.extend(nameWarningsField)
export const doneTextSchema = doneSchema.extend(nameWarningsField)

/** The signed-in caller and the request's clock, for reads. */
export function readerOf<Q, P, B>(input: RouteInput<Q, P, B>) {
  return { viewer: requireViewer(input.viewer), now: input.context.now() }
}

/** The signed-in caller, the actor for the audit and the request's clock, for writes. */
export function writerOf<Q, P, B>(input: RouteInput<Q, P, B>) {
  return { ...readerOf(input), actor: requireActor(input.actor) }
}

/** Name warnings for the texts just written (features/organisations/check-names-in-text.ts). */
export function warnAbout(
  context: AppContext,
  owner: MeetingTextOwner,
  fields: Record<string, string | null | undefined>,
) {
  return warnAboutMeetingTexts(context.database.db, { owner, at: isoDate(context.now()), fields })
}
