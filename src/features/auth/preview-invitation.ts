/**
 * What the page of an invitation link shows before the person accepts it: the role, the organisation
 * and the address it was sent to. Unknown, used and expired links get the same answer as when
 * accepting them (accept-invitation.ts), so the page can say so before anyone types a password.
 */
import { notFound } from '../../core/errors/app-error'
import type { Role } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { findInvitationWithOrganisation } from './invitation.repository'
import { hashToken } from './tokens'
import { message } from '../../core/messages/text'

/** One answer for unknown, used and expired links. */
export const SPENT_INVITATION = message('invitation.spent')

export interface InvitationPreview {
  role: Role
  organisationId: number | null
  organisationName: string | null
  email: string | null
  expiresAt: string
}

export async function previewInvitation(
  database: Database,
  options: { token: string; now: Date },
): Promise<InvitationPreview> {
  const invitation = await findInvitationWithOrganisation(database.db, hashToken(options.token))
  if (!invitation || invitation.used_at !== null || invitation.expires_at <= options.now)
    throw notFound(SPENT_INVITATION)
  return {
    role: invitation.role,
    organisationId: invitation.organisation_id,
    organisationName: invitation.organisation_name,
    email: invitation.email,
    expiresAt: invitation.expires_at.toISOString(),
  }
}
