/** Sign-in with an organisation's own accounts and the TOTP second factor (src/contracts/single-sign-on.ts). */
import type { SessionDto } from '../../../src/contracts/auth'
import type {
  recoveryCodesSchema,
  secondFactorStatusSchema,
  signInMethodsSchema,
  ssoChoiceListSchema,
  ssoProviderListSchema,
  ssoProviderSchema,
  SsoProviderRequest,
  ssoStartSchema,
  totpEnrolmentSchema,
} from '../../../src/contracts/single-sign-on'
import { ApiError, apiRequest, type Answer } from './client'
import { rememberSession } from './resources'
import { useApiQuery } from './use-query'

export const useSsoChoices = () => useApiQuery<Answer<typeof ssoChoiceListSchema>>('/api/v1/sso/choices')
export const useSsoProviders = () =>
  useApiQuery<Answer<typeof ssoProviderListSchema>>('/api/v1/sso/providers')
export const useSignInMethods = () =>
  useApiQuery<Answer<typeof signInMethodsSchema>>('/api/v1/session/sign-in-methods')
export const useSecondFactor = () =>
  useApiQuery<Answer<typeof secondFactorStatusSchema>>('/api/v1/session/second-factor')

/** Where to send the browser to sign in at the organisation's provider. */
export async function startSsoSignIn(organisationId: number): Promise<string> {
  const started = await apiRequest<Answer<typeof ssoStartSchema>>('/api/v1/sso/start', {
    method: 'POST',
    json: { organisationId },
  })
  return started.authorizationUrl
}

export async function finishSsoSignIn(callbackQuery: string): Promise<SessionDto> {
  const session = await apiRequest<SessionDto>('/api/v1/sso/finish', {
    method: 'POST',
    json: { callbackQuery },
  })
  return rememberSession(session)
}

/** Why the server refused a sign-in with a provider (the `reason` detail), or null for other errors. */
export function ssoRefusalOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null
  return error.details.find((d) => d.field === 'reason')?.value ?? null
}

/** What a password sign-in still needs (the `code` detail): code_required, enrolment_required, code_wrong. */
export function secondFactorDemandOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'unauthenticated') return null
  return error.details.find((d) => d.field === 'code')?.value ?? null
}

export type TotpEnrolment = Answer<typeof totpEnrolmentSchema>

export function startTotpEnrolment(email: string, password: string): Promise<TotpEnrolment> {
  return apiRequest<TotpEnrolment>('/api/v1/session/totp-enrolment', {
    method: 'POST',
    json: { email, password },
  })
}

export function startOwnTotpEnrolment(currentPassword: string): Promise<TotpEnrolment> {
  return apiRequest<TotpEnrolment>('/api/v1/session/second-factor', {
    method: 'POST',
    json: { currentPassword },
  })
}

export async function confirmOwnTotpEnrolment(code: string): Promise<string[]> {
  const answer = await apiRequest<Answer<typeof recoveryCodesSchema>>(
    '/api/v1/session/second-factor/confirm',
    {
      method: 'POST',
      json: { code },
    },
  )
  return answer.recoveryCodes
}

export async function disableOwnTotp(currentPassword: string): Promise<void> {
  await apiRequest('/api/v1/session/second-factor/disable', { method: 'POST', json: { currentPassword } })
}

export function saveSsoProvider(
  organisationId: number,
  request: SsoProviderRequest,
): Promise<Answer<typeof ssoProviderSchema>> {
  return apiRequest(`/api/v1/sso/providers/${organisationId}`, { method: 'PUT', json: request })
}

export async function deleteSsoProvider(organisationId: number): Promise<void> {
  await apiRequest(`/api/v1/sso/providers/${organisationId}`, { method: 'DELETE' })
}
