/** Invitation links over HTTP (invite-user.ts, accept-invitation.ts). */
import {
  acceptInvitationRequestSchema,
  createInvitationRequestSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenRequestSchema,
  sessionSchema,
} from '../../contracts/auth'
import { PERMISSIONS } from '../../core/permissions'
import { addressAt, route } from '../../server/route'
import { acceptInvitation } from './accept-invitation'
import { answerNewSession, clientOf } from './auth.routes'
import { inviteUser } from './invite-user'
import { previewInvitation } from './preview-invitation'

export const createInvitationRoute = route('users', 'POST /api/v1/invitations', {
  operationId: 'createInvitation',
  summary: 'Create an invitation link for a role (and organisation); the token is shown once',
  access: { roles: PERMISSIONS.inviteUsers },
  body: createInvitationRequestSchema,
  response: invitationSchema,
  handler: ({ body, ...input }) =>
    inviteUser(input.context.database, {
      role: body.role,
      organisationId: body.organisationId,
      email: body.email ?? null,
      validHours: body.validHours,
      inviter: input.viewer,
      actor: input.actor,
      ...addressAt(input),
    }),
})

export const acceptInvitationRoute = route.public('session', 'POST /api/v1/invitations/accept', {
  operationId: 'acceptInvitation',
  summary: 'Accept an invitation: set name and password, and be signed in',
  access: { isPublic: true },
  body: acceptInvitationRequestSchema,
  response: sessionSchema,
  async handler(input) {
    const { body, context, request, now } = input
    const session = await acceptInvitation(context.database, { ...body, ...clientOf(request), now })
    return answerNewSession(input, session)
  },
})

export const previewInvitationRoute = route.public('session', 'POST /api/v1/invitations/preview', {
  operationId: 'previewInvitation',
  summary: 'What an invitation link offers (role, organisation, address); 404 when unknown, used or expired',
  access: { isPublic: true },
  body: invitationTokenRequestSchema,
  response: invitationPreviewSchema,
  async handler({ body, context, now }) {
    return previewInvitation(context.database, { token: body.token, now })
  },
})
