/**
 * Builds a message from its outbox row when it is sent: in the recipient's language as of then, and
 * with what the recipient may see as of then (a meeting read through the same rules as its page, so
 * a pseudonymised host stays masked). Messages to someone without an account are in both languages.
 */
import type { Kysely } from 'kysely'
import { buildCalendar } from '../../core/benchlearning'
import { formatDayText, isoDate } from '../../core/periods/dates'
import { ROLE_LABELS, type Role } from '../../core/permissions/permissions'
import type { MailKind } from '../../contracts/mail'
import type { DB, NotificationKind } from '../../db/schema'
import { findUserById, loadViewer } from '../auth/user.repository'
import { describeNotification } from '../meetings/describe-notification'
import { meetingCalendarEvent } from '../meetings/export-calendar'
import { loadVisibleMeeting } from '../meetings/load-visible-meeting'
import { summariseMeetings } from '../meetings/summarise-meetings'
import { fill, MAIL_TEXTS, type MailLocale } from './mail-texts'
import { findDigestItems } from './outbox.repository'
import { renderMail, type MailSection, type RenderedMail } from './render-mail'

/** Paths of the web UI that mails link to. */
export const MAIL_PATHS = {
  invitation: '/invitation',
  passwordReset: '/password-reset',
  preferences: '/settings',
} as const

export interface ComposedMail extends RenderedMail {
  /** A calendar invitation (text/calendar with its METHOD), for meeting messages sent on their own. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string }
  /** Replaces the kept payload once sent (drops the secret of a link). */
  sentPayload?: Record<string, unknown>
}

export interface ComposeContext {
  db: Kysely<DB>
  publicUrl: string
  /** The sender, named as the calendar invitation's organiser. */
  from: string
  now: Date
}

interface OutboxMessage {
  id: number
  kind: string
  user_id: number | null
  recipient: string
  payload: Record<string, unknown>
}

const text = (payload: Record<string, unknown>, key: string): string => {
  const value = payload[key]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

const NOTIFICATION_KINDS: readonly string[] = [
  'minutes_to_approve',
  'action_due',
  'new_practice',
  'upcoming_meeting',
]
const MEETING_KINDS: readonly string[] = ['meeting_invitation', 'meeting_update', 'meeting_cancel']

/** An instant as people read it: day and Berlin time, in the locale. */
function formatInstant(iso: string, locale: MailLocale): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date)
}

export async function composeMail(context: ComposeContext, message: OutboxMessage): Promise<ComposedMail> {
  const kind = message.kind as MailKind
  const preferencesUrl = `${context.publicUrl}${MAIL_PATHS.preferences}`
  if (kind === 'account_invitation') {
    // No account yet, so no language setting: German first, then English.
    const parts = (['de', 'en'] as const).map((locale) => ({
      locale,
      sections: [
        {
          paragraphs: [
            fill(MAIL_TEXTS[locale].accountInvitationBody, {
              role:
                ROLE_LABELS[text(message.payload, 'role') as Role]?.[locale] ?? text(message.payload, 'role'),
              expires: formatInstant(text(message.payload, 'expiresAt'), locale),
            }),
          ],
          link: `${context.publicUrl}${MAIL_PATHS.invitation}#${text(message.payload, 'token')}`,
        },
      ],
    }))
    return {
      ...renderMail({
        subject: `${MAIL_TEXTS.de.accountInvitationSubject} / ${MAIL_TEXTS.en.accountInvitationSubject}`,
        parts,
      }),
      sentPayload: { ...message.payload, token: null },
    }
  }

  const user = message.user_id !== null ? await findUserById(context.db, message.user_id) : undefined
  if (!user) throw new Error('the recipient account no longer exists')
  const locale: MailLocale = user.locale
  const texts = MAIL_TEXTS[locale]

  if (kind === 'password_reset') {
    return {
      ...renderMail({
        subject: texts.passwordResetSubject,
        parts: [
          {
            locale,
            sections: [
              {
                paragraphs: [
                  fill(texts.passwordResetBody, {
                    expires: formatInstant(text(message.payload, 'expiresAt'), locale),
                  }),
                ],
                link: `${context.publicUrl}${MAIL_PATHS.passwordReset}#${text(message.payload, 'token')}`,
              },
            ],
          },
        ],
      }),
      sentPayload: { ...message.payload, token: null },
    }
  }

  if (kind === 'digest') {
    const items = await findDigestItems(context.db, message.id)
    const sections: MailSection[] = []
    for (const item of items) sections.push(await sectionOf(context, { ...item, user_id: user.id }, locale))
    const day = formatDayText(text(message.payload, 'day'), locale) ?? text(message.payload, 'day')
    return renderMail({
      subject: fill(texts.digestSubject, { day }),
      parts: [{ locale, sections: [{ paragraphs: [fill(texts.digestIntro, { day })] }, ...sections] }],
      preferencesUrl,
    })
  }

  const section = await sectionOf(context, message, locale)
  const subject = section.heading ?? ''
  const mail = renderMail({
    subject,
    parts: [{ locale, sections: [{ ...section, heading: undefined }] }],
    preferencesUrl,
  })
  if (!MEETING_KINDS.includes(kind)) return mail
  return { ...mail, calendar: await calendarOf(context, message) }
}

/** One message as a section: its subject as heading, its text and link (a digest holds several). */
async function sectionOf(
  context: ComposeContext,
  message: Pick<OutboxMessage, 'kind' | 'payload' | 'user_id'>,
  locale: MailLocale,
): Promise<MailSection> {
  const texts = MAIL_TEXTS[locale]
  const { payload } = message
  if (NOTIFICATION_KINDS.includes(message.kind)) {
    const described = describeNotification(message.kind as NotificationKind, payload)
    return {
      heading: locale === 'de' ? described.titleDe : described.titleEn,
      paragraphs: [locale === 'de' ? described.messageDe : described.messageEn],
      link: described.link ? `${context.publicUrl}${described.link}` : undefined,
    }
  }
  if (message.kind === 'collection_reminder') {
    const title = text(payload, 'title')
    return {
      heading: fill(texts.collectionReminderSubject, { title }),
      paragraphs: [
        fill(texts.collectionReminderBody, {
          title,
          deadline: formatDayText(text(payload, 'deadline'), locale) ?? text(payload, 'deadline'),
        }),
      ],
      link: `${context.publicUrl}/collections/${text(payload, 'collectionId')}`,
    }
  }
  if (MEETING_KINDS.includes(message.kind)) {
    const meeting = await loadMeetingFor(context, message)
    const [subject, body] =
      message.kind === 'meeting_cancel'
        ? [texts.meetingCancelSubject, texts.meetingCancelBody]
        : message.kind === 'meeting_update'
          ? [texts.meetingUpdateSubject, texts.meetingUpdateBody]
          : [texts.meetingInvitationSubject, texts.meetingInvitationBody]
    const startDay = formatDayText(meeting.startsOn, locale) ?? meeting.startsOn
    const endDay = formatDayText(meeting.endsOn, locale) ?? meeting.endsOn
    const when =
      (meeting.startsOn === meeting.endsOn ? startDay : `${startDay} – ${endDay}`) +
      (meeting.startTime && meeting.endTime ? `, ${meeting.startTime}–${meeting.endTime}` : '')
    return {
      heading: fill(subject, { title: meeting.title }),
      paragraphs: [
        fill(body, { title: meeting.title }),
        [
          fill(texts.when, { value: when }),
          meeting.venue ? fill(texts.where, { value: meeting.venue }) : null,
          meeting.ring
            ? fill(texts.ringMeeting, { value: `${meeting.ring.code} ${meeting.ring.name}` })
            : texts.networkMeeting,
        ]
          .filter((line): line is string => line !== null)
          .join('\n'),
      ],
      link: `${context.publicUrl}/meetings/${meeting.id}`,
    }
  }
  throw new Error(`no text for messages of kind ${message.kind}`)
}

/** The meeting as the recipient sees it now (not found when they no longer may). */
async function loadMeetingFor(context: ComposeContext, message: Pick<OutboxMessage, 'payload' | 'user_id'>) {
  const user = message.user_id !== null ? await findUserById(context.db, message.user_id) : undefined
  if (!user) throw new Error('the recipient account no longer exists')
  const viewer = await loadViewer(context.db, user, isoDate(context.now))
  const { meeting } = await loadVisibleMeeting(context.db, {
    viewer,
    meetingId: Number(message.payload.meetingId),
    now: context.now,
  })
  const [summary] = await summariseMeetings(context.db, { viewer, meetings: [meeting], now: context.now })
  return summary!
}

/** The calendar invitation: the export's event with SEQUENCE, organiser and the recipient as attendee. */
async function calendarOf(
  context: ComposeContext,
  message: OutboxMessage,
): Promise<ComposedMail['calendar']> {
  const meeting = await loadMeetingFor(context, message)
  const method = message.kind === 'meeting_cancel' ? 'CANCEL' : 'REQUEST'
  const event = {
    ...meetingCalendarEvent(meeting, context.publicUrl),
    sequence: Number(message.payload.sequence ?? 0),
    organizer: { email: context.from, name: 'benchlearn' },
    attendees: [message.recipient],
    ...(method === 'CANCEL' ? { status: 'CANCELLED' as const } : {}),
  }
  return { method, content: buildCalendar({ events: [event], now: context.now, method }) }
}
