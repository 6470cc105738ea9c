/** The texts of a notification in both languages, built from its kind and payload when the list is read. */
import { formatDayText } from '../../core/periods/dates'
import type { NotificationKind } from '../../db/schema'

function text(payload: Record<string, unknown>, key: string): string {
  const value = payload[key]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

/** " am 11.11.2026" and " on 11 Nov 2026"; nothing when the payload has no valid ISO day. */
function onDay(iso: string): { de: string; en: string } {
  const de = formatDayText(iso, 'de')
  const en = formatDayText(iso, 'en')
  return de && en ? { de: ` am ${de}`, en: ` on ${en}` } : { de: '', en: '' }
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
