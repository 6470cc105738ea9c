/**
 * Creating an account: by the CLI (`users create`, with a password from stdin) or by accepting an
 * invitation. One rule for both: a free address, an organisation for member roles, an audit entry.
 */
import { message } from '../../core/messages/text'
import type { Kysely } from 'kysely'
import { actorOf, type Account, type AuditActor } from '../../core/accounts/account'
import { conflict } from '../../core/errors/app-error'
import { requireOrganisationForRole, type Role } from '../../core/permissions'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit } from '../audit/record-audit'
import { hashPassword } from './password'
import { findUserByEmail, findUserById, insertUser } from './user.repository'

export interface NewAccount {
  email: string
  name: string
  role: Role
  organisationId: number | null
  /** Who creates it; by default the new account itself (an accepted invitation). */
  actor?: AuditActor
  now: Date
  ip?: string | null
}

export async function createUser(
  database: Database,
  options: NewAccount & { password: string },
): Promise<Account> {
  // scrypt outside the transaction: it takes a while and needs no lock.
  const passwordHash = await hashPassword(options.password)
  return database.transaction((tx) => addUser(tx.db, { ...options, passwordHash }))
}

/** Writes a new account and its audit entry in the caller's transaction. */
export async function addUser(
  db: Kysely<DB>,
  options: NewAccount & { passwordHash: string | null; invitationId?: number },
): Promise<Account> {
  requireOrganisationForRole(options.role, options.organisationId)
  const email = options.email.trim()
  if (await findUserByEmail(db, email)) throw conflict(message('account.exists', { email }))
  const id = await insertUser(db, {
    email,
    name: options.name,
    role: options.role,
    organisationId: options.organisationId,
    passwordHash: options.passwordHash,
    now: options.now,
  })
  const account = (await findUserById(db, id))!
  await recordAudit(db, {
    actor: options.actor ?? actorOf(account),
    action: 'user.create',
    entity: 'user',
    entityId: id,
    after: {
      email,
      name: options.name,
      role: options.role,
      organisationId: options.organisationId,
      ...(options.invitationId !== undefined ? { invitationId: options.invitationId } : {}),
    },
    ip: options.ip ?? null,
    at: options.now,
  })
  return account
}
