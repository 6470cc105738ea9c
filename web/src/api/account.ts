/** The own account: changing the password (the other sessions end). */
import type { changePasswordResponseSchema } from '../../../src/contracts/auth'
import { apiRequest, type Answer } from './client'

export function changeOwnPassword(currentPassword: string, newPassword: string) {
  return apiRequest<Answer<typeof changePasswordResponseSchema>>('/api/v1/session/password', {
    method: 'POST',
    json: { currentPassword, newPassword },
  })
}
