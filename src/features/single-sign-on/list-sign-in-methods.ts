/** The own account page's "Anmeldeverfahren": organisation accounts bound to the account (finish-sso-sign-in.ts). */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { listSsoIdentitiesOfUser } from './sso.repository'

export async function listSignInMethods(db: Kysely<DB>, userId: number) {
  const identities = await listSsoIdentitiesOfUser(db, userId)
  return {
    organisationAccounts: identities.map((i) => ({
      organisationName: i.display_name ?? i.organisation_name,
      boundAt: i.created_at.toISOString(),
    })),
  }
}
