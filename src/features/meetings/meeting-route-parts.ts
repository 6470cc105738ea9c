/** What the meetings' route files share: the declaration, roles, answer shapes, the caller, name warnings. */
import { z } from 'zod'
import { idParamsSchema } from '../../contracts/meetings'
import { PERMISSIONS } from '../../core/permissions'
import { isoDate } from '../../core/periods/dates'
import { nameWarningsField } from '../../contracts/name-warnings'
import type { Database } from '../../db/connect'
import type { AppContext } from '../../server/context'
import {
  FOR_ANY,
  listedAs,
  readerOf,
  route,
  writerOf,
  type Endpoint,
  type RoleAccess,
  type RoleRoute,
  type RouteInput,
} from '../../server/route'
import type { MeetingWriter } from './load-visible-meeting'
import { warnAboutMeetingTexts, type MeetingTextOwner } from './warn-about-meeting-texts'

/** The moderation: plans meetings, builds agendas, writes and approves minutes. */
export const FOR_MANAGERS = { roles: PERMISSIONS.planMeetings }
/** Who takes part in writing: the moderation, leads and analysts (comments, topics, votes). */
export const FOR_WRITERS = { roles: PERMISSIONS.proposeTopics }
/** Leads and analysts of invited organisations register for meetings. */
export const FOR_PARTICIPANTS = { roles: PERMISSIONS.registerForMeetings }

/** A route of the meetings API (tag "meetings"), its method and path given as "PATCH /api/v1/…". */
export function meetingRoute<Q, P, B, R>(
  endpoint: Endpoint,
  spec: Omit<RoleRoute<Q, P, B, R>, 'method' | 'url' | 'tag'>,
): RoleRoute<Q, P, B, R> {
  return route('meetings', endpoint, spec)
}

export const createdSchema = z.object({ id: z.number().int() })
export const doneSchema = z.object({ isDone: z.literal(true) })
export const DONE = { isDone: true as const }
// Writes of texts that peers read answer with warnings when a text names an organisation.
export const createdTextSchema = createdSchema.extend(nameWarningsField)
export const doneTextSchema = doneSchema.extend(nameWarningsField)

export { FOR_ANY, listedAs, readerOf, writerOf }

/** A handler for a write that answers { isDone: true }. */
export function answerDone<Q, P, B>(write: (input: RouteInput<Q, P, B>) => Promise<unknown>) {
  return async (input: RouteInput<Q, P, B>) => {
    await write(input)
    return DONE
  }
}

/** The answer to a write of texts, with name warnings for them (organisations/check-names-in-text.ts). */
export async function withWarnings<T extends object>(
  { context, now }: { context: AppContext; now: Date },
  answer: T,
  about: { owner: MeetingTextOwner; fields: Fields },
) {
  const at = isoDate(now)
  return { ...answer, warnings: await warnAboutMeetingTexts(context.database.db, { ...about, at }) }
}

type Fields = Record<string, string | null | undefined>
/** The names of a body's text fields. */
type TextKey<B> = { [K in keyof B]: B[K] extends Fields[string] ? K : never }[keyof B] & string

/**
 * The handler of a write on the meeting in the path (`:id`) that creates something with texts:
 * answers its id, with name warnings for the body's fields `texts`.
 */
export function createOnMeeting<B>(
  create: (database: Database, options: MeetingWriter & { meetingId: number; body: B }) => Promise<number>,
  texts: readonly TextKey<B>[],
) {
  return async (input: RouteInput<unknown, { id: number }, B>) => {
    const { body, context } = input
    const meetingId = input.params.id
    const id = await create(context.database, { ...writerOf(input), meetingId, body })
    const fields = Object.fromEntries(texts.map((key) => [key, body[key] as Fields[string]]))
    return withWarnings(input, { id }, { owner: { meetingId }, fields })
  }
}

/** The handler of a write on the thing in the path (`:id`) that answers { isDone: true }. */
export function doneById(
  write: (database: Database, options: MeetingWriter & { id: number }) => Promise<unknown>,
) {
  return answerDone((input: RouteInput<unknown, { id: number }, unknown>) =>
    write(input.context.database, { ...writerOf(input), id: input.params.id }),
  )
}

/** What every route declares about itself besides its inputs and its answer. */
export interface RouteDoc {
  operationId: string
  summary: string
  access: RoleAccess
}

/**
 * A route that creates something with texts on the meeting in the path (`:id`): `create` gets the
 * caller, the meeting and the body; the answer is the new id with name warnings for the body's fields `texts`.
 */
export function createOnMeetingRoute<B>(
  endpoint: Endpoint,
  spec: RouteDoc & {
    body: z.ZodType<B>
    create: Parameters<typeof createOnMeeting<B>>[0]
    texts: readonly TextKey<B>[]
  },
) {
  const { create, texts, ...doc } = spec
  const handler = createOnMeeting(create, texts)
  return meetingRoute(endpoint, { ...doc, params: idParamsSchema, response: createdTextSchema, handler })
}

/** A route that writes on the thing in the path (`:id`) and answers { isDone: true }. */
export function doneByIdRoute(
  endpoint: Endpoint,
  spec: RouteDoc & { write: Parameters<typeof doneById>[0] },
) {
  const { write, ...doc } = spec
  return meetingRoute(endpoint, {
    ...doc,
    params: idParamsSchema,
    response: doneSchema,
    handler: doneById(write),
  })
}
