/**
 * A note of the meeting pack: a part it could not fill, and why. Kept as what it is about and the
 * reason as the server catalogue has it, so the pack says it in its own language.
 */
import type { AppError } from '../../../core/errors/app-error'
import type { Locale } from '../../../core/format/format'
import { renderSent, type ParamValue } from '../../../core/messages/text'
import { packText } from './pack-texts'

interface SentText {
  message: string
  key?: string
  params?: Record<string, ParamValue>
}

export type PackNote =
  | { about: 'figures' | 'practices' | 'selfAssessment'; reason: SentText }
  | { about: 'figure'; code: string; reason: SentText }
  | { about: 'networkWide' }

/** An error as a text the pack can render in either language. */
export function sentOf(error: AppError): SentText {
  return { message: error.message, key: error.key, params: error.params }
}

export function noteText(note: PackNote, locale: Locale): string {
  if (note.about === 'networkWide') return packText(locale, 'notes.networkWide')
  const label = note.about === 'figure' ? note.code : packText(locale, `notes.${note.about}`)
  return `${label}: ${renderSent(locale, note.reason)}`
}
