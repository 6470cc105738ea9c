/** The TOTP second factor over HTTP: setting it up at sign-in or signed in, its status, switching it off. */
import {
  ownTotpEnrolmentRequestSchema,
  recoveryCodesSchema,
  secondFactorDisabledSchema,
  secondFactorStatusSchema,
  totpCodeRequestSchema,
  totpEnrolmentRequestSchema,
  totpEnrolmentSchema,
} from '../../contracts/single-sign-on'
import { route } from '../../server/route'
import { confirmTotpEnrolment } from './confirm-totp-enrolment'
import { disableTotp, readSecondFactorStatus } from './disable-totp'
import { startTotpEnrolment } from './start-totp-enrolment'

export const startTotpEnrolmentRoute = route.public('session', 'POST /api/v1/session/totp-enrolment', {
  operationId: 'startTotpEnrolment',
  isRateLimited: true,
  summary:
    'Set up an authenticator app while signing in (needs the password): a new secret to confirm with a code',
  access: { isPublic: true },
  body: totpEnrolmentRequestSchema,
  response: totpEnrolmentSchema,
  async handler({ body, context, request, now }) {
    return startTotpEnrolment(context.database, { ...body, ip: request.ip, now })
  },
})

export const getSecondFactorRoute = route('session', 'GET /api/v1/session/second-factor', {
  operationId: 'getSecondFactor',
  summary: 'Whether the own account has a second factor, must have one, and how many recovery codes are left',
  access: { roles: 'any' },
  response: secondFactorStatusSchema,
  async handler({ context, session }) {
    return readSecondFactorStatus(context.database, session.user)
  },
})

export const startOwnTotpEnrolmentRoute = route('session', 'POST /api/v1/session/second-factor', {
  operationId: 'startOwnTotpEnrolment',
  isRateLimited: true,
  summary: 'Set up an authenticator app for the own account (needs the password); confirm with a code',
  access: { roles: 'any' },
  body: ownTotpEnrolmentRequestSchema,
  response: totpEnrolmentSchema,
  async handler({ body, context, session, request, now }) {
    return startTotpEnrolment(context.database, {
      email: session.user.email,
      password: body.currentPassword,
      ip: request.ip,
      now,
    })
  },
})

export const confirmOwnTotpEnrolmentRoute = route('session', 'POST /api/v1/session/second-factor/confirm', {
  operationId: 'confirmOwnTotpEnrolment',
  isRateLimited: true,
  summary: 'Confirm the new authenticator app with a code; answers the recovery codes (shown once)',
  access: { roles: 'any' },
  body: totpCodeRequestSchema,
  response: recoveryCodesSchema,
  async handler({ body, context, session, request, now }) {
    const recoveryCodes = await confirmTotpEnrolment(context.database, {
      account: session.user,
      code: body.code,
      ip: request.ip,
      now,
    })
    return { recoveryCodes }
  },
})

export const disableOwnTotpRoute = route('session', 'POST /api/v1/session/second-factor/disable', {
  operationId: 'disableOwnTotp',
  isRateLimited: true,
  summary: 'Switch the own second factor off (needs the password; not for administrators and moderators)',
  access: { roles: 'any' },
  body: ownTotpEnrolmentRequestSchema,
  response: secondFactorDisabledSchema,
  async handler({ body, context, session, request, now }) {
    await disableTotp(context.database, {
      account: session.user,
      currentPassword: body.currentPassword,
      ip: request.ip,
      now,
    })
    return { isDisabled: true as const }
  },
})

export const secondFactorRoutes = [
  startTotpEnrolmentRoute,
  getSecondFactorRoute,
  startOwnTotpEnrolmentRoute,
  confirmOwnTotpEnrolmentRoute,
  disableOwnTotpRoute,
]
