import { describe, expect, it } from 'vitest'
import { decideSsoBinding, emailDomain, type SsoBindingFacts } from './sso-binding'

const base: SsoBindingFacts = {
  organisationId: 7,
  allowedDomains: ['kca.example'],
  email: 'lena@kca.example',
  isEmailVerified: true,
  boundAccount: null,
  accountWithEmail: null,
  invitation: null,
}
const account = (organisationId: number | null, isDisabled = false) => ({
  id: 42,
  organisationId,
  isDisabled,
})

describe('decideSsoBinding', () => {
  it('signs in the account bound to issuer and subject, whatever the e-mail says now', () => {
    expect(
      decideSsoBinding({ ...base, email: null, isEmailVerified: false, boundAccount: account(7) }),
    ).toEqual({
      kind: 'sign_in',
      userId: 42,
    })
  })
  it('refuses a bound account that moved to another organisation or was disabled', () => {
    expect(decideSsoBinding({ ...base, boundAccount: account(8) })).toEqual({
      kind: 'refuse',
      reason: 'other_organisation',
    })
    expect(decideSsoBinding({ ...base, boundAccount: account(7, true) })).toEqual({
      kind: 'refuse',
      reason: 'account_disabled',
    })
  })
  it('binds an existing account of the organisation with the same verified address', () => {
    expect(decideSsoBinding({ ...base, allowedDomains: [], accountWithEmail: account(7) })).toEqual({
      kind: 'bind_account',
      userId: 42,
    })
  })
  it('refuses unverified and missing addresses before looking at accounts', () => {
    expect(decideSsoBinding({ ...base, isEmailVerified: false, accountWithEmail: account(7) })).toEqual({
      kind: 'refuse',
      reason: 'email_unverified',
    })
    expect(decideSsoBinding({ ...base, email: 'no-address' })).toEqual({
      kind: 'refuse',
      reason: 'email_missing',
    })
    expect(decideSsoBinding({ ...base, email: null })).toEqual({ kind: 'refuse', reason: 'email_missing' })
  })
  it('never binds network roles or accounts of other organisations', () => {
    expect(decideSsoBinding({ ...base, accountWithEmail: account(null) })).toEqual({
      kind: 'refuse',
      reason: 'other_organisation',
    })
    expect(decideSsoBinding({ ...base, accountWithEmail: account(9) })).toEqual({
      kind: 'refuse',
      reason: 'other_organisation',
    })
  })
  it('accepts an open invitation of the organisation, and refuses one of another', () => {
    expect(
      decideSsoBinding({ ...base, allowedDomains: [], invitation: { id: 5, organisationId: 7 } }),
    ).toEqual({
      kind: 'accept_invitation',
      invitationId: 5,
    })
    expect(decideSsoBinding({ ...base, invitation: { id: 5, organisationId: null } })).toEqual({
      kind: 'refuse',
      reason: 'other_organisation',
    })
  })
  it('creates a reader for an allowed domain (any case) and refuses other domains', () => {
    expect(decideSsoBinding({ ...base, email: 'Neu@KCA.example' })).toEqual({
      kind: 'create_account',
      role: 'viewer',
      email: 'Neu@KCA.example',
    })
    expect(decideSsoBinding({ ...base, email: 'x@kca.example.evil' })).toEqual({
      kind: 'refuse',
      reason: 'domain_not_allowed',
    })
    expect(decideSsoBinding({ ...base, email: 'x@sub.kca.example' })).toEqual({
      kind: 'refuse',
      reason: 'domain_not_allowed',
    })
  })
})

describe('emailDomain', () => {
  it('takes the part after the last @, in lower case', () => {
    expect(emailDomain('a@B.example')).toBe('b.example')
    expect(emailDomain('@b.example')).toBe(null)
    expect(emailDomain('a@')).toBe(null)
  })
})
