/**
 * In-app notifications: upcoming meeting, invitation, new practice in my ring, action due, minutes
 * to approve. Event notifications are written by the service that causes them, in its
 * transaction; time-based ones (upcoming meeting, action due) are derived when the user asks for
 * the list, with a dedupe key so that each appears once — no scheduler is needed.
 */
import type { Kysely } from 'kysely'
import type { NotificationDto } from '../../contracts/meetings'
import type { DB, NotificationKind } from '../../db/schema'
import { addDays } from '../../core/benchlearning'
import type { Viewer } from '../../core/permissions'
import { loadMeetingScope } from './load-meeting-scope'
import { venueFor } from './meeting-dto'

/** Days before a meeting's first day when "upcoming meeting" appears. */
export const UPCOMING_DAYS = 14
/** Days before an action's due date when "action due" appears. */
export const ACTION_DUE_DAYS = 7

export interface NewNotification {
  userId: number
  kind: NotificationKind
  payload: Record<string, unknown>
  /** Same key for the same user = written once (later calls are ignored). */
  dedupeKey?: string
}

export async function insertNotifications(
  db: Kysely<DB>,
  notifications: readonly NewNotification[],
  now: Date,
): Promise<number> {
  if (notifications.length === 0) return 0
  const result = await db
    .insertInto('notification')
    .values(
      notifications.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        payload: JSON.stringify(n.payload),
        dedupe_key: n.dedupeKey ?? null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

/** Active accounts that act for these organisations (members, analysts, viewers). */
export async function findUsersOfOrganisations(db: Kysely<DB>, organisationIds: readonly number[]) {
  if (organisationIds.length === 0) return []
  return db
    .selectFrom('app_user')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', [...organisationIds])
    .where('is_disabled', '=', false)
    .execute()
}

/** Organisations in a ring on a day. */
export async function findRingMemberIds(db: Kysely<DB>, ringId: number, at: string): Promise<number[]> {
  const rows = await db
    .selectFrom('ring_membership')
    .select('organisation_id')
    .distinct()
    .where('ring_id', '=', ringId)
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)]))
    .execute()
  return rows.map((r) => r.organisation_id).sort((a, b) => a - b)
}

/**
 * Notifies every member account of a ring (for "new practice in my ring": the practices feature
 * calls this in its own transaction with kind 'new_practice' and a payload such as
 * { practiceId, title, organisationId }). The author's organisation can be left out.
 */
export async function notifyRingMembers(
  db: Kysely<DB>,
  options: {
    ringId: number
    kind: NotificationKind
    payload: Record<string, unknown>
    dedupeKey?: string
    exceptOrganisationId?: number | null
    now: Date
  },
): Promise<number> {
  const at = options.now.toISOString().slice(0, 10)
  const orgs = (await findRingMemberIds(db, options.ringId, at)).filter(
    (id) => id !== options.exceptOrganisationId,
  )
  const users = await findUsersOfOrganisations(db, orgs)
  return insertNotifications(
    db,
    users.map((u) => ({
      userId: u.id,
      kind: options.kind,
      payload: options.payload,
      dedupeKey: options.dedupeKey,
    })),
    options.now,
  )
}

/**
 * Derives the time-based notifications of one user: meetings of their rings (and network-wide
 * ones) starting within UPCOMING_DAYS, and open actions of their organisation or of them that are
 * due within ACTION_DUE_DAYS or overdue.
 */
export async function refreshTimedNotifications(
  db: Kysely<DB>,
  options: {
    userId: number
    organisationId: number | null
    ringIds: readonly number[]
    now: Date
    /** Whose eyes the texts are written for (the venue of a pseudonymised host: see venueFor). */
    viewer: Viewer
  },
): Promise<void> {
  const today = options.now.toISOString().slice(0, 10)
  const meetings = await db
    .selectFrom('meeting')
    .select(['id', 'title', 'starts_on', 'venue', 'ring_id', 'host_organisation_id'])
    .where('starts_on', '>=', today)
    .where('starts_on', '<=', addDays(today, UPCOMING_DAYS))
    .where('status', 'in', ['planned', 'invited'])
    .where((eb) =>
      eb.or([
        eb('ring_id', 'is', null),
        ...(options.ringIds.length > 0 ? [eb('ring_id', 'in', [...options.ringIds])] : []),
      ]),
    )
    .execute()
  const scope = meetings.length > 0 ? await loadMeetingScope(db, { viewer: options.viewer, at: today }) : null
  const fresh: NewNotification[] = meetings
    // Network-wide events concern members; accounts without an organisation see them in the list.
    .filter((m) => m.ring_id !== null || options.organisationId !== null)
    .map((m) => ({
      userId: options.userId,
      kind: 'upcoming_meeting' as const,
      payload: {
        meetingId: m.id,
        title: m.title,
        startsOn: m.starts_on,
        venue: venueFor(scope!.orgRef(m.host_organisation_id), m.venue),
      },
      dedupeKey: `upcoming_meeting:${m.id}`,
    }))
  const actions = await db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .select(['a.id', 'a.title', 'a.due_on', 'a.meeting_id', 'm.title as meeting_title'])
    .where('a.status', 'in', ['open', 'in_progress'])
    .where('a.due_on', 'is not', null)
    .where('a.due_on', '<=', addDays(today, ACTION_DUE_DAYS))
    .where((eb) =>
      eb.or([
        eb('a.owner_user_id', '=', options.userId),
        ...(options.organisationId !== null
          ? [eb('a.owner_organisation_id', '=', options.organisationId)]
          : []),
      ]),
    )
    .execute()
  for (const a of actions)
    fresh.push({
      userId: options.userId,
      kind: 'action_due',
      payload: {
        actionId: a.id,
        title: a.title,
        dueOn: a.due_on,
        meetingId: a.meeting_id,
        meetingTitle: a.meeting_title,
      },
      dedupeKey: `action_due:${a.id}:${a.due_on}`,
    })
  // Only what the person does not have yet: a page load that finds nothing new writes nothing (a
  // write on every read would also make every cache of this process read the data version again).
  const known =
    fresh.length === 0
      ? new Set<string | null>()
      : new Set(
          (
            await db
              .selectFrom('notification')
              .select('dedupe_key')
              .where('user_id', '=', options.userId)
              .where(
                'dedupe_key',
                'in',
                fresh.map((n) => n.dedupeKey!),
              )
              .execute()
          ).map((r) => r.dedupe_key),
        )
  await insertNotifications(
    db,
    fresh.filter((n) => !known.has(n.dedupeKey!)),
    options.now,
  )
}

function text(payload: Record<string, unknown>, key: string): string {
  const value = payload[key]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** " am 11.11.2026" and " on 11 Nov 2026"; nothing when the payload has no valid ISO day. */
function onDay(iso: string): { de: string; en: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  const month = match ? MONTHS_EN[Number(match[2]) - 1] : undefined
  if (!match || !month) return { de: '', en: '' }
  const [, year, mm, dd] = match
  return { de: ` am ${dd}.${mm}.${year}`, en: ` on ${Number(dd)} ${month} ${year}` }
}

export interface NotificationText {
  titleDe: string
  messageDe: string
  titleEn: string
  messageEn: string
  link: string | null
}

/**
 * Title, message (German and English) and UI link of a notification, built from kind and payload
 * when the list is read. Both languages are built here, on the server, and not by the web UI from
 * the payload: the payload is written by several services and the demo, and only the server knows
 * their shapes (a new kind fails the type check of this switch until both languages exist); rows
 * written before a wording change read in the new wording, and API clients get both languages.
 * Titles in the payload (of meetings, actions, practices) are what people typed and stay as typed.
 */
export function describeNotification(
  kind: NotificationKind,
  payload: Record<string, unknown>,
): NotificationText {
  const meetingLink = payload.meetingId ? `/meetings/${text(payload, 'meetingId')}` : null
  const title = text(payload, 'title')
  switch (kind) {
    case 'upcoming_meeting': {
      const day = onDay(text(payload, 'startsOn'))
      const venue = text(payload, 'venue')
      return {
        titleDe: 'Treffen steht bevor',
        messageDe: `${title} beginnt${day.de}${venue ? ` in ${venue}` : ''}.`,
        titleEn: 'Meeting coming up',
        messageEn: `${title} starts${day.en}${venue ? ` in ${venue}` : ''}.`,
        link: meetingLink,
      }
    }
    case 'invitation': {
      const day = onDay(text(payload, 'startsOn'))
      return {
        titleDe: 'Einladung',
        messageDe: `Sie sind zu ${title}${day.de} eingeladen. Bitte melden Sie sich an oder ab.`,
        titleEn: 'Invitation',
        messageEn: `You are invited to ${title}${day.en}. Please register or decline.`,
        link: meetingLink,
      }
    }
    case 'new_practice': {
      const by = text(payload, 'organisationName')
      return {
        titleDe: 'Neues Praxisbeispiel in Ihrem Ring',
        messageDe: `${title}${by ? ` (${by})` : ''}`,
        titleEn: 'New good practice in your ring',
        messageEn: `${title}${by ? ` (${by})` : ''}`,
        link: payload.practiceId ? `/practices/${text(payload, 'practiceId')}` : null,
      }
    }
    case 'action_due': {
      const day = onDay(text(payload, 'dueOn'))
      const meeting = text(payload, 'meetingTitle')
      return {
        titleDe: 'Aufgabe fällig',
        messageDe: `„${title}“ (aus ${meeting}) ist${day.de} fällig.`,
        titleEn: 'Action due',
        messageEn: `“${title}” (from ${meeting}) is due${day.en}.`,
        link: meetingLink,
      }
    }
    case 'minutes_to_approve':
      return {
        titleDe: 'Protokoll zur Durchsicht',
        messageDe: `Das Protokoll von ${title} liegt vor: bitte bis zur Freigabe kommentieren${payload.isModerator ? ' und freigeben' : ''}.`,
        titleEn: 'Minutes to review',
        messageEn: `The minutes of ${title} are ready: please comment before they are approved${payload.isModerator ? ', and approve them' : ''}.`,
        link: meetingLink,
      }
  }
}

export async function listNotifications(
  db: Kysely<DB>,
  options: { userId: number; isUnreadOnly: boolean; limit?: number },
): Promise<{ notifications: NotificationDto[]; unreadCount: number }> {
  const rows = await db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', options.userId)
    .$if(options.isUnreadOnly, (qb) => qb.where('read_at', 'is', null))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
    .execute()
  const unread = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', options.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return {
    unreadCount: Number(unread.n),
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...describeNotification(r.kind, r.payload),
      payload: r.payload,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
  }
}

/** Marks one (id) or all notifications of the user read; returns how many changed. */
export async function markNotificationsRead(
  db: Kysely<DB>,
  options: { userId: number; id?: number; now: Date },
): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: options.now })
    .where('user_id', '=', options.userId)
    .where('read_at', 'is', null)
    .$if(options.id !== undefined, (qb) => qb.where('id', '=', options.id!))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
