import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { normaliseKreisAgs, normaliseNuts3 } from '../../core/keys/ags'
import type { DB } from '../../db/schema'
import { isoDate } from '../../core/periods/dates'

/**
 * Finds an organisation by id, AGS (5 or 8 digits; the area valid on `at`, default today) or
 * NUTS-3 code. Throws not_found with the key in the message.
 */
export async function findOrganisationByKey(
  db: Kysely<DB>,
  key: string,
  at: string = isoDate(new Date()),
): Promise<{ id: number; name: string }> {
  const trimmed = key.trim()
  const nuts = normaliseNuts3(trimmed)
  const ags = /^\d{4,5}$|^\d{7,8}$/.test(trimmed) ? normaliseKreisAgs(trimmed) : undefined
  let row: { id: number; name: string } | undefined
  if (ags) {
    row = await db
      .selectFrom('organisation_area as a')
      .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
      .select(['o.id', 'o.name'])
      .where('a.ags5', '=', ags)
      .orderBy((eb) => eb.case().when('a.valid_from', '<=', at).then(0).else(1).end())
      .orderBy('a.valid_from', 'desc')
      .executeTakeFirst()
  } else if (nuts) {
    row = await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('nuts3', '=', nuts)
      .executeTakeFirst()
  } else if (/^\d+$/.test(trimmed)) {
    row = await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('id', '=', Number(trimmed))
      .executeTakeFirst()
  }
  if (!row) throw organisationNotFound(key)
  return row
}

/** The one answer for a key that names no organisation, or one the caller may not see by name. */
export function organisationNotFound(key: string) {
  return notFound(message('organisation.unknownKey', { key }))
}
