import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { AccountInRings, Role } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findOrganisationRings } from '../networks/find-organisation-rings'

/**
 * An account (or the one an invitation or a change would make) as the user-management rules see
 * it: its role and its organisation's rings on the day `at`. An unknown organisation is not found.
 */
export async function loadAccountInRings(
  db: Kysely<DB>,
  account: { role: Role; organisationId: number | null },
  at: string,
): Promise<AccountInRings> {
  if (account.organisationId === null) return { role: account.role, organisation: null }
  const organisation = (await findOrganisationRings(db, { at, ids: [account.organisationId] })).get(
    account.organisationId,
  )
  if (!organisation)
    throw notFound(message('account.noOrganisation', { organisationId: account.organisationId }))
  return { role: account.role, organisation }
}
