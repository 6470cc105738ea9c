import type { Kysely } from 'kysely'
import { addChangeTriggers, dropChangeTriggers } from './0008-change-notifications'

// The meetings' tables notify the change channel too (the function of migration 0008), so that the
// answers read from them — a person's notifications and open actions on every page load — can be
// remembered until one of them changes. The data version's `activity` fingerprint reads exactly these
// tables (src/db/data-version.ts imports the list; a later change adds a migration of its own).
export const ACTIVITY_TABLES = [
  'meeting',
  'meeting_registration',
  'agenda_item',
  'decision',
  'action_item',
  'minutes_comment',
  'notification',
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  await addChangeTriggers(db, ACTIVITY_TABLES)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropChangeTriggers(db, ACTIVITY_TABLES)
}
