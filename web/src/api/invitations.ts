/** Accepting an invitation link (public): what it offers, then name and password, and signed in. */
import type { invitationPreviewSchema, SessionDto } from '../../../src/contracts/auth'
import { apiRequest, type Answer } from './client'
import { rememberSession } from './resources'

export type InvitationPreview = Answer<typeof invitationPreviewSchema>

export function previewInvitation(token: string): Promise<InvitationPreview> {
  return apiRequest<InvitationPreview>('/api/v1/invitations/preview', { method: 'POST', json: { token } })
}

export async function acceptInvitation(request: {
  token: string
  name: string
  email?: string
  password: string
}): Promise<SessionDto> {
  const session = await apiRequest<SessionDto>('/api/v1/invitations/accept', {
    method: 'POST',
    json: request,
  })
  return rememberSession(session)
}
