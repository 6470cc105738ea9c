/** Password reset over HTTP (request-password-reset.ts, reset-password.ts): public, no session needed. */
import {
  confirmPasswordResetSchema,
  passwordResetDoneSchema,
  passwordResetRequestedSchema,
  requestPasswordResetSchema,
} from '../../contracts/mail'
import { route } from '../../server/route'
import { clientOf } from './auth.routes'
import { requestPasswordReset } from './request-password-reset'
import { resetPassword } from './reset-password'

export const requestPasswordResetRoute = route.public('session', 'POST /api/v1/password-reset', {
  operationId: 'requestPasswordReset',
  summary:
    'Mail a single-use link to set a new password; the same answer whether or not the address is known',
  access: { isPublic: true },
  body: requestPasswordResetSchema,
  response: passwordResetRequestedSchema,
  async handler({ body, context, request, now }) {
    await requestPasswordReset(context.database, { email: body.email, ip: clientOf(request).ip, now })
    return { isRequested: true as const }
  },
})

export const confirmPasswordResetRoute = route.public('session', 'POST /api/v1/password-reset/confirm', {
  operationId: 'confirmPasswordReset',
  summary: 'Set a new password with the token of a reset link (once, before it expires)',
  access: { isPublic: true },
  body: confirmPasswordResetSchema,
  response: passwordResetDoneSchema,
  async handler({ body, context, request, now }) {
    await resetPassword(context.database, { ...body, ip: clientOf(request).ip, now })
    return { isReset: true as const }
  },
})

export const passwordResetRoutes = [requestPasswordResetRoute, confirmPasswordResetRoute]
