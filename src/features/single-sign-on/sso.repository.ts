import { sql, type Kysely, type Selectable } from 'kysely'
import type { DB } from '../../db/schema'

export type SsoProviderRow = Selectable<DB['sso_provider']> & { organisation_name: string }

function selectProviders(db: Kysely<DB>) {
  return db
    .selectFrom('sso_provider as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select('o.name as organisation_name')
}

export async function listSsoProviders(db: Kysely<DB>): Promise<SsoProviderRow[]> {
  return selectProviders(db).orderBy('p.display_name').orderBy('p.organisation_id').execute()
}

export async function findSsoProvider(
  db: Kysely<DB>,
  organisationId: number,
): Promise<SsoProviderRow | undefined> {
  return selectProviders(db).where('p.organisation_id', '=', organisationId).executeTakeFirst()
}

export async function upsertSsoProvider(
  db: Kysely<DB>,
  provider: {
    organisationId: number
    displayName: string
    issuer: string
    clientId: string
    clientSecret: string
    allowedDomains: string[]
    now: Date
  },
): Promise<void> {
  const values = {
    display_name: provider.displayName,
    issuer: provider.issuer,
    client_id: provider.clientId,
    client_secret: provider.clientSecret,
    allowed_domains: provider.allowedDomains,
    updated_at: provider.now,
  }
  await db
    .insertInto('sso_provider')
    .values({ organisation_id: provider.organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute()
}

export async function deleteSsoProvider(db: Kysely<DB>, organisationId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('sso_provider')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function insertSsoSignIn(
  db: Kysely<DB>,
  signIn: {
    stateHash: string
    organisationId: number
    nonce: string
    codeVerifier: string
    now: Date
    expiresAt: Date
  },
): Promise<void> {
  // Sign-ins nobody finished are forgotten with the next one that starts.
  await db.deleteFrom('sso_sign_in').where('expires_at', '<', signIn.now).execute()
  await db
    .insertInto('sso_sign_in')
    .values({
      state_hash: signIn.stateHash,
      organisation_id: signIn.organisationId,
      nonce: signIn.nonce,
      code_verifier: signIn.codeVerifier,
      created_at: signIn.now,
      expires_at: signIn.expiresAt,
    })
    .execute()
}

/** Takes a sign-in under way by its state: the row is deleted, so a state works once. */
export async function takeSsoSignIn(
  db: Kysely<DB>,
  stateHash: string,
): Promise<Selectable<DB['sso_sign_in']> | undefined> {
  return db.deleteFrom('sso_sign_in').where('state_hash', '=', stateHash).returningAll().executeTakeFirst()
}

export async function findSsoIdentity(
  db: Kysely<DB>,
  identity: { issuer: string; subject: string },
): Promise<{ user_id: number } | undefined> {
  return db
    .selectFrom('sso_identity')
    .select('user_id')
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .executeTakeFirst()
}

export async function insertSsoIdentity(
  db: Kysely<DB>,
  identity: { issuer: string; subject: string; userId: number; organisationId: number; now: Date },
): Promise<void> {
  await db
    .insertInto('sso_identity')
    .values({
      issuer: identity.issuer,
      subject: identity.subject,
      user_id: identity.userId,
      organisation_id: identity.organisationId,
      created_at: identity.now,
    })
    .execute()
}

/** The newest open invitation (unused, unexpired) for an address, locked until the transaction ends. */
export async function findOpenInvitationForEmail(
  db: Kysely<DB>,
  options: { email: string; now: Date },
): Promise<Selectable<DB['invitation']> | undefined> {
  return db
    .selectFrom('invitation')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', options.email.trim().toLowerCase())
    .where('used_at', 'is', null)
    .where('expires_at', '>', options.now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
}

/** The organisation accounts bound to a user, named by their provider (or, without one, the organisation). */
export async function listSsoIdentitiesOfUser(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('sso_identity as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .leftJoin('sso_provider as p', 'p.organisation_id', 'i.organisation_id')
    .select(['p.display_name', 'o.name as organisation_name', 'i.created_at'])
    .where('i.user_id', '=', userId)
    .orderBy('i.created_at')
    .execute()
}
