/** A person's delivery per kind of message: what they chose, the default for the rest. */
import type { Kysely } from 'kysely'
import { MAIL_PREFERENCE_KINDS, type MailPreferencesDto } from '../../contracts/mail'
import type { DB, MailDelivery } from '../../db/schema'
import { findPreferences } from './outbox.repository'
import { DEFAULT_DELIVERY } from './queue-mail'

export async function getMailPreferences(db: Kysely<DB>, userId: number): Promise<MailPreferencesDto> {
  const chosen = new Map<string, MailDelivery>(
    (await findPreferences(db, userId)).map((p) => [p.kind, p.delivery]),
  )
  return {
    preferences: MAIL_PREFERENCE_KINDS.map((kind) => ({
      kind,
      delivery: chosen.get(kind) ?? DEFAULT_DELIVERY[kind],
    })),
  }
}
