/**
 * Access cases of mail for src/server/access.db.test.ts (spread in there): password reset is public
 * and answers alike for every address; each caller reads and changes only their own choices per
 * kind of message; the outbox is for administrators only.
 */
import { expect } from 'vitest'
import type { AccessCase, AccessWorld } from './access-case'

export function createMailAccessCases(world: AccessWorld): Record<string, AccessCase> {
  const status = (r: { statusCode: number }) => r.statusCode
  return {
    requestPasswordReset: {
      targets: ['none'],
      call: ({ caller }) => ({
        method: 'POST',
        url: '/api/v1/password-reset',
        payload: { email: `reset-${caller}@access.test` },
      }),
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        expect(r.json()).toEqual({ isRequested: true })
      },
    },
    confirmPasswordReset: {
      targets: ['none'],
      call: () => ({
        method: 'POST',
        url: '/api/v1/password-reset/confirm',
        payload: { token: 'not-a-real-reset-token', password: 'a long enough password' },
      }),
      expect: (_c, r) => expect(status(r)).toBe(422),
    },
    getMailPreferences: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/me/mail-preferences' }),
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        expect(r.json().preferences).toHaveLength(6)
      },
    },
    updateMailPreferences: {
      targets: ['none'],
      call: () => ({
        method: 'PUT',
        url: '/api/v1/me/mail-preferences',
        payload: { preferences: [{ kind: 'new_practice', delivery: 'app' }] },
      }),
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        expect(r.json().preferences).toContainEqual({ kind: 'new_practice', delivery: 'app' })
      },
    },
    listMailOutbox: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/admin/mail-outbox' }),
      expect: ({ caller }, r) => {
        if (world.roleOf(caller) !== 'admin') return expect(status(r)).toBe(403)
        expect(status(r)).toBe(200)
        expect(r.json().isSmtpConfigured).toBe(false)
      },
    },
  }
}
