/** Accepting an invitation link (invite-user.ts): the new account is created and signed in at once. */
import { detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { addUser } from './create-user'
import { findInvitationForUpdate, markInvitationUsed } from './invitation.repository'
import { hashPassword } from './password'
import { startSession, type NewSession } from './sign-in'
import { SPENT_INVITATION } from './preview-invitation'
import { hashToken } from './tokens'

export interface AcceptInvitationOptions {
  token: string
  name: string
  /** Needed when the invitation names no address. */
  email?: string
  password: string
  ip: string
  userAgent: string | null
  now: Date
}

export async function acceptInvitation(
  database: Database,
  options: AcceptInvitationOptions,
): Promise<NewSession> {
  const { now } = options
  const passwordHash = await hashPassword(options.password)
  return database.transaction(async (tx) => {
    const invitation = await findInvitationForUpdate(tx.db, hashToken(options.token))
    // One answer for unknown, used and expired links: the token is the only secret here.
    if (!invitation || invitation.used_at !== null || invitation.expires_at <= now)
      throw notFound(SPENT_INVITATION)
    const email = (invitation.email ?? options.email ?? '').trim()
    if (!email)
      throw invalidInput(message('acceptInvitation.emailNeeded'), [
        detail(message('acceptInvitation.required'), { field: 'email' }),
      ])
    const user = await addUser(tx.db, {
      email,
      name: options.name,
      role: invitation.role,
      organisationId: invitation.organisation_id,
      passwordHash,
      invitationId: invitation.id,
      ip: options.ip,
      now,
    })
    await markInvitationUsed(tx.db, { id: invitation.id, usedBy: user.id, now })
    return startSession(tx.db, { user, userAgent: options.userAgent, now })
  })
}
