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
import { addressAt, route } from '../../server/route'
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
  handler: (input) => startTotpEnrolment(input.context.database, { ...input.body, ...addressAt(input) }),
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
  handler: (input) =>
    startTotpEnrolment(input.context.database, {
      email: input.session.user.email,
      password: input.body.currentPassword,
      ...addressAt(input),
    }),
})

export const confirmOwnTotpEnrolmentRoute = route('session', 'POST /api/v1/session/second-factor/confirm', {
  operationId: 'confirmOwnTotpEnrolment',
  isRateLimited: true,
  summary: 'Confirm the new authenticator app with a code; answers the recovery codes (shown once)',
  access: { roles: 'any' },
  body: totpCodeRequestSchema,
  response: recoveryCodesSchema,
  async handler(input) {
    const options = { account: input.session.user, code: input.body.code, ...addressAt(input) }
    return { recoveryCodes: await confirmTotpEnrolment(input.context.database, options) }
  },
})

export const disableOwnTotpRoute = route('session', 'POST /api/v1/session/second-factor/disable', {
  operationId: 'disableOwnTotp',
  isRateLimited: true,
  summary: 'Switch the own second factor off (needs the password; not for administrators and moderators)',
  access: { roles: 'any' },
  body: ownTotpEnrolmentRequestSchema,
  response: secondFactorDisabledSchema,
  async handler(input) {
    const { currentPassword } = input.body
    await disableTotp(input.context.database, {
      account: input.session.user,
      currentPassword,
      ...addressAt(input),
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
