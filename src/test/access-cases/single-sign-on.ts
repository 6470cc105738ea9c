/**
 * Access cases of sign-in with organisations' providers and of the TOTP second factor for
 * src/server/access.db.test.ts (spread in there). The access test's app has sign-in with providers
 * off (no BENCHLEARN_PUBLIC_URL): the sign-in page gets no choices and start/finish answer 404,
 * like anything else this server does not have.
 * Providers are managed by administrators only. The second-factor writes are called with input their
 * schema refuses (422), so that no caller's failed-attempt count grows for the other cases.
 */
import { expect } from 'vitest'
import type { AccessCase, AccessWorld } from './access-case'

export function createSingleSignOnAccessCases(world: AccessWorld): Record<string, AccessCase> {
  const isAdmin = (caller: string) => world.roleOf(caller) === 'admin'
  return {
    listSsoChoices: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/sso/choices' }),
      expect: (_c, r) => expect(r.json()).toEqual({ choices: [] }),
    },
    startSsoSignIn: {
      targets: ['none'],
      call: () => ({
        method: 'POST',
        url: '/api/v1/sso/start',
        payload: { organisationId: world.org('A1').id },
      }),
      expect: (_c, r) => expect(r.statusCode).toBe(404),
    },
    finishSsoSignIn: {
      targets: ['none'],
      call: () => ({
        method: 'POST',
        url: '/api/v1/sso/finish',
        payload: { callbackQuery: '?code=x&state=y' },
      }),
      expect: (_c, r) => expect(r.statusCode).toBe(404),
    },
    listSsoProviders: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/sso/providers' }),
      expect: ({ caller }, r) => {
        expect(r.statusCode).toBe(isAdmin(caller) ? 200 : 403)
        expect(r.body).not.toContain('access-test-secret')
      },
    },
    putSsoProvider: {
      targets: ['none'],
      call: () => ({
        method: 'PUT',
        url: `/api/v1/sso/providers/${world.org('A1').id}`,
        payload: {
          displayName: 'Probe A1',
          issuer: 'https://idp.a1.example',
          clientId: 'benchlearn',
          clientSecret: 'access-test-secret',
          allowedDomains: ['a1.example'],
        },
      }),
      expect: ({ caller }, r) => {
        expect(r.statusCode).toBe(isAdmin(caller) ? 200 : 403)
        expect(r.body).not.toContain('access-test-secret')
      },
    },
    deleteSsoProvider: {
      targets: ['none'],
      // A2 never has a provider: the administrator gets 404, everybody else 403.
      call: () => ({ method: 'DELETE', url: `/api/v1/sso/providers/${world.org('A2').id}` }),
      expect: ({ caller }, r) => expect(r.statusCode).toBe(isAdmin(caller) ? 404 : 403),
    },
    startTotpEnrolment: {
      targets: ['none'],
      call: ({ caller }) => ({
        method: 'POST',
        url: '/api/v1/session/totp-enrolment',
        payload: { email: `nobody-${caller}@access.test`, password: 'wrong password' },
      }),
      expect: (_c, r) => expect(r.statusCode).toBe(401),
    },
    listSignInMethods: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/session/sign-in-methods' }),
      // Only the caller's own bindings; the access test's accounts have none.
      expect: (_c, r) => expect(r.json()).toEqual({ organisationAccounts: [] }),
    },
    getSecondFactor: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/session/second-factor' }),
      // The access test's accounts are test accounts, exempt from the rule of network roles.
      expect: (_c, r) =>
        expect(r.json()).toEqual({ isEnabled: false, isRequired: false, recoveryCodesLeft: 0 }),
    },
    startOwnTotpEnrolment: {
      targets: ['none'],
      call: () => ({
        method: 'POST',
        url: '/api/v1/session/second-factor',
        payload: { currentPassword: '' },
      }),
      expect: (_c, r) => expect(r.statusCode).toBe(422),
    },
    confirmOwnTotpEnrolment: {
      targets: ['none'],
      call: () => ({
        method: 'POST',
        url: '/api/v1/session/second-factor/confirm',
        payload: { code: '123' },
      }),
      expect: (_c, r) => expect(r.statusCode).toBe(422),
    },
    disableOwnTotp: {
      targets: ['none'],
      call: () => ({
        method: 'POST',
        url: '/api/v1/session/second-factor/disable',
        payload: { currentPassword: '' },
      }),
      expect: (_c, r) => expect(r.statusCode).toBe(422),
    },
  }
}
