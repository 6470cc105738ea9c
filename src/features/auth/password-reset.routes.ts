/** Password reset over HTTP (request-password-reset.ts, reset-password.ts): public, no session needed. */
import {
  confirmPasswordResetSchema,
  passwordResetDoneSchema,
  passwordResetRequestedSchema,
  requestPasswordResetSchema,
} from '../../contracts/mail'
import { addressAt, route } from '../../server/route'
import { requestPasswordReset } from './request-password-reset'
import { resetPassword } from './reset-password'

export const requestPasswordResetRoute = route.public('session', 'POST /api/v1/password-reset', {
  operationId: 'requestPasswordReset',
  summary:
    'Mail a single-use link to set a new password; the same answer whether or not the address is known',
  access: { isPublic: true },
  body: requestPasswordResetSchema,
  response: passwordResetRequestedSchema,
  async handler(input) {
    await requestPasswordReset(input.context.database, { email: input.body.email, ...addressAt(input) })
    return { isRequested: true as const }
  },
})

export const confirmPasswordResetRoute = route.public('session', 'POST /api/v1/password-reset/confirm', {
  operationId: 'confirmPasswordReset',
  summary: 'Set a new password with the token of a reset link (once, before it expires)',
  access: { isPublic: true },
  body: confirmPasswordResetSchema,
  response: passwordResetDoneSchema,
  async handler(input) {
    await resetPassword(input.context.database, { ...input.body, ...addressAt(input) })
    return { isReset: true as const }
  },
})

export const passwordResetRoutes = [requestPasswordResetRoute, confirmPasswordResetRoute]
