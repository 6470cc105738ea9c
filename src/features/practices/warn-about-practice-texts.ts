/**
 * Name warnings for a practice card's texts (title, problem, approach, resources, results, contact)
 * and adoption notes: a card for its ring is read by that ring, one for the network or the public
 * by members of every ring. See features/organisations/check-names-in-text.ts.
 */
import type { Kysely } from 'kysely'
import type { NameWarning } from '../../core/pseudonymity/find-organisation-names'
import type { DB } from '../../db/schema'
import { validOn } from '../../db/valid-on'
import { checkNamesInText, type TextReaders } from '../organisations/check-names-in-text'

export async function warnAboutPracticeTexts(
  db: Kysely<DB>,
  options: { practiceId: number; at: string; fields: Readonly<Record<string, string | null | undefined>> },
): Promise<NameWarning[]> {
  const card = await db
    .selectFrom('practice')
    .select(['visibility', 'ring_id', 'organisation_id'])
    .where('id', '=', options.practiceId)
    .executeTakeFirst()
  if (!card) return []
  let readers: TextReaders = 'every_ring'
  if (card.visibility === 'ring') {
    const ringIds =
      card.ring_id !== null
        ? [card.ring_id]
        : (
            await db
              .selectFrom('ring_membership')
              .select('ring_id')
              .where('organisation_id', '=', card.organisation_id)
              .where(validOn(null, options.at))
              .execute()
          ).map((r) => r.ring_id)
    readers = { ringIds }
  }
  return checkNamesInText(db, { readers, at: options.at, fields: options.fields })
}
