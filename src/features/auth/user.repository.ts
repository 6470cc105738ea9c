import { sql, type Kysely } from 'kysely'
import type { Account } from '../../core/accounts/account'
import type { Role, Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { validOn } from '../../db/valid-on'

function selectUsers(db: Kysely<DB>) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.organisation_id',
      'o.name as organisation_name',
      'u.locale',
      'u.created_at',
      'u.last_seen_at',
      'u.previous_visit_at',
      'u.is_disabled',
      (eb) =>
        eb
          .selectFrom('moderator_ring as mr')
          .select(sql<number[]>`coalesce(array_agg(mr.ring_id order by mr.ring_id), '{}')`.as('ids'))
          .whereRef('mr.user_id', '=', 'u.id')
          .as('moderated_ring_ids'),
    ])
}

type SelectedUser = Awaited<ReturnType<ReturnType<typeof selectUsers>['execute']>>[number]

function toAccount(r: SelectedUser): Account {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    locale: r.locale,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    previousVisitAt: r.previous_visit_at,
    isDisabled: r.is_disabled,
    moderatedRingIds: (r.moderated_ring_ids ?? []).map(Number),
  }
}

export async function findUserById(db: Kysely<DB>, id: number): Promise<Account | undefined> {
  const row = await selectUsers(db).where('u.id', '=', id).executeTakeFirst()
  return row ? toAccount(row) : undefined
}

export async function findUserByEmail(db: Kysely<DB>, email: string): Promise<Account | undefined> {
  const row = await selectUsers(db)
    .where(sql<string>`lower(u.email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst()
  return row ? toAccount(row) : undefined
}

export async function findPasswordHash(db: Kysely<DB>, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.password_hash ?? null
}

export async function listUsers(db: Kysely<DB>): Promise<Account[]> {
  const rows = await selectUsers(db)
    .orderBy('u.role')
    .orderBy(sql`lower(u.email)`)
    .execute()
  return rows.map(toAccount)
}

export interface NewUser {
  email: string
  name: string
  role: Role
  organisationId: number | null
  passwordHash: string | null
  locale?: 'de' | 'en'
  moderatedRingIds?: number[]
  now?: Date
  /** Demo accounts (public passwords) and test accounts only: no second factor even for network roles. */
  isTotpExempt?: boolean
}

export async function insertUser(db: Kysely<DB>, user: NewUser): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      email: user.email.trim(),
      name: user.name,
      role: user.role,
      organisation_id: user.organisationId,
      password_hash: user.passwordHash,
      locale: user.locale ?? 'de',
      created_at: user.now ?? new Date(),
      is_totp_exempt: user.isTotpExempt ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (user.moderatedRingIds?.length)
    await db
      .insertInto('moderator_ring')
      .values(user.moderatedRingIds.map((ringId) => ({ user_id: id, ring_id: ringId })))
      .execute()
  return id
}

export interface UserChanges {
  name?: string
  role?: Role
  organisationId?: number | null
  locale?: 'de' | 'en'
  isDisabled?: boolean
  passwordHash?: string
  moderatedRingIds?: number[]
}

export async function updateUserRow(db: Kysely<DB>, id: number, changes: UserChanges): Promise<void> {
  const values = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.role !== undefined ? { role: changes.role } : {}),
    ...(changes.organisationId !== undefined ? { organisation_id: changes.organisationId } : {}),
    ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
    ...(changes.isDisabled !== undefined ? { is_disabled: changes.isDisabled } : {}),
    ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
  }
  if (Object.keys(values).length > 0)
    await db.updateTable('app_user').set(values).where('id', '=', id).execute()
  if (changes.moderatedRingIds !== undefined) {
    await db.deleteFrom('moderator_ring').where('user_id', '=', id).execute()
    if (changes.moderatedRingIds.length > 0)
      await db
        .insertInto('moderator_ring')
        .values(changes.moderatedRingIds.map((ringId) => ({ user_id: id, ring_id: ringId })))
        .execute()
  }
}

/** A new session's visit: the last one becomes the previous visit ("new since your last visit"). */
export async function recordVisit(
  db: Kysely<DB>,
  visit: { userId: number; previousVisitAt: Date | null; now: Date },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ previous_visit_at: visit.previousVisitAt, last_seen_at: visit.now })
    .where('id', '=', visit.userId)
    .execute()
}

/** Ids of the rings an organisation belongs to on the given day. */
export async function findRingIdsOf(db: Kysely<DB>, organisationId: number, at: string): Promise<number[]> {
  const rows = await db
    .selectFrom('ring_membership as m')
    .innerJoin('ring as r', 'r.id', 'm.ring_id')
    .select('m.ring_id')
    .where('m.organisation_id', '=', organisationId)
    .where(validOn('m', at))
    .where(validOn('r', at))
    .execute()
  return [...new Set(rows.map((r) => r.ring_id))].sort((a, b) => a - b)
}

/** The permission view of a user on a day (rings are read as of that day). */
export async function loadViewer(db: Kysely<DB>, user: Account, at: string): Promise<Viewer> {
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    ringIds: user.organisationId === null ? [] : await findRingIdsOf(db, user.organisationId, at),
    moderatedRingIds:
      user.role === 'moderator' ? (user.moderatedRingIds.length > 0 ? user.moderatedRingIds : 'all') : [],
  }
}
