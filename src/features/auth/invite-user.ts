/**
 * Invitation links: an administrator (any role) or a moderator (member roles for organisations of
 * their rings) creates a link, and so does the operator with the CLI (`users invite`); whoever opens
 * it sets name and password (accept-invitation.ts). With an address, the link also goes out by mail
 * (through the outbox, in this transaction); the creator can always pass it on by hand.
 * The token is in the URL fragment (#…), so it reaches neither server logs nor Referer headers; the
 * database keeps only its hash.
 */
import { message } from '../../core/messages/text'
import type { AuditActor } from '../../core/accounts/account'
import { conflict, forbidden } from '../../core/errors/app-error'
import { isoDate } from '../../core/periods/dates'
import { canManageAccount, requireOrganisationForRole, type Role, type Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { queueMailToAddress } from '../mail/queue-mail'
import { insertInvitation } from './invitation.repository'
import { loadAccountInRings } from './load-account-in-rings'
import { createToken, hashToken } from './tokens'
import { findUserByEmail } from './user.repository'

/** The page of the web UI that accepts an invitation; the token follows in the fragment. */
export const INVITATION_PATH = '/invitation'

export interface InviteUserOptions {
  role: Role
  organisationId: number | null
  email: string | null
  validHours: number
  /** The signed-in caller, whose rights bound the invitation; null for the operator (CLI). */
  inviter: Viewer | null
  actor: AuditActor
  now: Date
  ip?: string | null
}

export interface Invitation {
  id: number
  role: Role
  organisationId: number | null
  email: string | null
  expiresAt: string
  /** The secret of the link: shown once, to its creator. */
  token: string
  path: string
}

export async function inviteUser(database: Database, options: InviteUserOptions): Promise<Invitation> {
  const { role, organisationId, inviter, now } = options
  requireOrganisationForRole(role, organisationId)
  return database.transaction(async (tx) => {
    const account = await loadAccountInRings(tx.db, { role, organisationId }, isoDate(now))
    if (inviter && !canManageAccount(inviter, account))
      throw forbidden(
        organisationId
          ? message('invitation.roleForOrganisation', { role })
          : message('invitation.role', { role }),
      )
    const email = options.email?.trim() ?? null
    if (email && (await findUserByEmail(tx.db, email))) throw conflict(message('account.exists', { email }))
    const token = createToken()
    const expiresAt = new Date(now.getTime() + options.validHours * 3600_000)
    const id = await insertInvitation(tx.db, {
      tokenHash: hashToken(token),
      role,
      organisationId,
      email,
      createdBy: options.actor.userId,
      now,
      expiresAt,
    })
    if (email)
      await queueMailToAddress(tx.db, {
        kind: 'account_invitation',
        recipient: email,
        userId: null,
        payload: { token, role, expiresAt: expiresAt.toISOString() },
        now,
      })
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'invitation.create',
      entity: 'invitation',
      entityId: id,
      after: { role, organisationId, email, expiresAt: expiresAt.toISOString() },
      ip: options.ip ?? null,
      at: now,
    })
    return {
      id,
      role,
      organisationId,
      email,
      expiresAt: expiresAt.toISOString(),
      token,
      path: `${INVITATION_PATH}#${token}`,
    }
  })
}
