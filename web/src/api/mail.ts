/** Mail: password reset (public), the caller's choices per kind of message, the administrators' outbox. */
import type {
  MailDeliveryChoice,
  MailPreferenceKind,
  mailPreferencesSchema,
  outboxSchema,
  passwordResetDoneSchema,
  passwordResetRequestedSchema,
} from '../../../src/contracts/mail'
import type { Answer } from './client'
import { apiRequest } from './client'
import { queryCache } from './query-cache'
import { useApiQuery } from './use-query'

const PREFERENCES = '/api/v1/me/mail-preferences'

export async function requestPasswordReset(email: string) {
  return apiRequest<Answer<typeof passwordResetRequestedSchema>>('/api/v1/password-reset', {
    method: 'POST',
    json: { email },
  })
}

export async function confirmPasswordReset(token: string, password: string) {
  return apiRequest<Answer<typeof passwordResetDoneSchema>>('/api/v1/password-reset/confirm', {
    method: 'POST',
    json: { token, password },
  })
}

export const useMailPreferences = () => useApiQuery<Answer<typeof mailPreferencesSchema>>(PREFERENCES)

export async function updateMailPreference(kind: MailPreferenceKind, delivery: MailDeliveryChoice) {
  const answer = await apiRequest<Answer<typeof mailPreferencesSchema>>(PREFERENCES, {
    method: 'PUT',
    json: { preferences: [{ kind, delivery }] },
  })
  queryCache.invalidate(PREFERENCES)
  return answer
}

export const useMailOutbox = (status: string | undefined, offset: number) =>
  useApiQuery<Answer<typeof outboxSchema>>('/api/v1/admin/mail-outbox', { status, offset })
