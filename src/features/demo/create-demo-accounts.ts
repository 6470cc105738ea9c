/**
 * One account per role for the demo network, with known passwords that `benchlearn start` prints.
 * Only ever created on a demo network: these passwords are public.
 */
import type { Kysely } from 'kysely'
import type { Role } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { hashPassword } from '../auth/password'
import { findUserByEmail, insertUser } from '../auth/user.repository'

export const DEMO_PASSWORD = 'benchlearn-demo'
/** The KCA Main-Kinzig-Kreis: the member organisation of the demo member accounts. */
export const DEMO_MEMBER_AGS = '06435'

export interface DemoAccount {
  email: string
  name: string
  role: Role
  /** Whether the account belongs to the demo member organisation. */
  isMember: boolean
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.benchlearn.de', name: 'Ada Admin', role: 'admin', isMember: false },
  { email: 'moderator@demo.benchlearn.de', name: 'Moritz Moderation', role: 'moderator', isMember: false },
  { email: 'lead.kca@demo.benchlearn.de', name: 'Lena Leitung (KCA)', role: 'member_lead', isMember: true },
  {
    email: 'analyst.kca@demo.benchlearn.de',
    name: 'Anton Controlling (KCA)',
    role: 'member_analyst',
    isMember: true,
  },
  { email: 'viewer@demo.benchlearn.de', name: 'Vera Lesezugriff (KCA)', role: 'viewer', isMember: true },
]

/** Creates the demo accounts that do not exist yet; returns how many it created. */
export async function createDemoAccounts(db: Kysely<DB>, options: { now?: Date } = {}): Promise<number> {
  const member = await db
    .selectFrom('organisation_area as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select('o.id')
    .where('a.ags5', '=', DEMO_MEMBER_AGS)
    .where('o.is_demo', '=', true)
    .executeTakeFirst()
  const missing: DemoAccount[] = []
  for (const account of DEMO_ACCOUNTS) if (!(await findUserByEmail(db, account.email))) missing.push(account)
  // scrypt runs on libuv's thread pool: hashing in parallel keeps the demo set-up short.
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)))
  for (const [index, account] of missing.entries()) {
    await insertUser(db, {
      email: account.email,
      name: account.name,
      role: account.role,
      organisationId: account.isMember ? (member?.id ?? null) : null,
      passwordHash: hashes[index]!,
      now: options.now,
      // Their passwords are printed at start: an authenticator would protect nothing (README, demo logins).
      isTotpExempt: true,
    })
  }
  return missing.length
}

/** The demo logins that exist in this database (for `benchlearn start` to print). */
export async function listDemoLogins(
  db: Kysely<DB>,
): Promise<{ email: string; role: Role; password: string }[]> {
  const rows = await db
    .selectFrom('app_user')
    .select(['email', 'role'])
    .where(
      'email',
      'in',
      DEMO_ACCOUNTS.map((a) => a.email),
    )
    .where('is_disabled', '=', false)
    .execute()
  const order = DEMO_ACCOUNTS.map((a) => a.email)
  return rows
    .sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email))
    .map((r) => ({ email: r.email, role: r.role, password: DEMO_PASSWORD }))
}
