/** Saves a person's choices (only the kinds sent; the others keep theirs). */
import type { AuditActor } from '../../core/accounts/account'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { MailPreferencesDto } from '../../contracts/mail'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { getMailPreferences } from './get-mail-preferences'
import { upsertPreferences } from './outbox.repository'

export async function updateMailPreferences(
  database: Database,
  options: {
    userId: number
    actor: AuditActor
    preferences: MailPreferencesDto['preferences']
    now: Date
  },
): Promise<MailPreferencesDto> {
  const kinds = options.preferences.map((p) => p.kind)
  const twice = kinds.find((kind, index) => kinds.indexOf(kind) !== index)
  if (twice)
    throw invalidInput(message('mail.kindTwice', { kind: twice }), [
      detail(message('mail.eachKindOnce'), { field: 'preferences', value: twice }),
    ])
  return database.transaction(async ({ db }) => {
    const before = await getMailPreferences(db, options.userId)
    await upsertPreferences(db, { userId: options.userId, preferences: options.preferences })
    const after = await getMailPreferences(db, options.userId)
    await recordAudit(db, {
      actor: options.actor,
      action: 'mail_preference.update',
      entity: 'user',
      entityId: options.userId,
      before,
      after,
      at: options.now,
    })
    return after
  })
}
