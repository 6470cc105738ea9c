import { describe, expect, it } from 'vitest'
import {
  createRecoveryCodes,
  createTotpSecret,
  decodeBase32,
  encodeBase32,
  hotp,
  matchTotp,
  normaliseRecoveryCode,
  otpauthUri,
  totpCode,
} from './totp'

const ascii = (text: string) => new TextEncoder().encode(text)

describe('TOTP (RFC 6238, appendix B)', () => {
  // The RFC's seeds: "12345678901234567890" repeated to the hash's length.
  const sha1 = ascii('12345678901234567890')
  const sha256 = ascii('12345678901234567890123456789012')
  const sha512 = ascii('1234567890123456789012345678901234567890123456789012345678901234')
  const vectors: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ]
  it.each(vectors)('at %i s: SHA1 %s, SHA256 %s, SHA512 %s (8 digits)', (time, a, b, c) => {
    expect(totpCode(sha1, time, { digits: 8 })).toBe(a)
    expect(totpCode(sha256, time, { digits: 8, algorithm: 'sha256' })).toBe(b)
    expect(totpCode(sha512, time, { digits: 8, algorithm: 'sha512' })).toBe(c)
  })

  it('gives the six last digits by default, as authenticator apps show them', () => {
    expect(totpCode(sha1, 59)).toBe('287082')
    expect(totpCode(sha1, 1111111109)).toBe('081804')
  })

  it('matches HOTP of RFC 4226 appendix D for counters 0 and 9', () => {
    expect(hotp(sha1, 0)).toBe('755224')
    expect(hotp(sha1, 9)).toBe('520489')
  })
})

describe('matchTotp', () => {
  const secret = ascii('12345678901234567890')
  const now = 1111111111 // step 37037037
  it('accepts the current step and one either side, and says which step matched', () => {
    expect(matchTotp({ secret, code: totpCode(secret, now), unixSeconds: now, lastUsedStep: null })).toBe(
      37037037,
    )
    expect(
      matchTotp({ secret, code: totpCode(secret, now - 30), unixSeconds: now, lastUsedStep: null }),
    ).toBe(37037036)
    expect(
      matchTotp({ secret, code: totpCode(secret, now + 30), unixSeconds: now, lastUsedStep: null }),
    ).toBe(37037038)
  })
  it('refuses codes two steps away, malformed codes and replays of a used step', () => {
    expect(
      matchTotp({ secret, code: totpCode(secret, now - 60), unixSeconds: now, lastUsedStep: null }),
    ).toBe(null)
    expect(matchTotp({ secret, code: '12345', unixSeconds: now, lastUsedStep: null })).toBe(null)
    expect(matchTotp({ secret, code: 'abcdef', unixSeconds: now, lastUsedStep: null })).toBe(null)
    const code = totpCode(secret, now)
    expect(matchTotp({ secret, code, unixSeconds: now, lastUsedStep: 37037037 })).toBe(null)
    // An older code after a newer one was used: also refused.
    expect(
      matchTotp({ secret, code: totpCode(secret, now - 30), unixSeconds: now, lastUsedStep: 37037037 }),
    ).toBe(null)
  })
})

describe('base32', () => {
  it('follows RFC 4648 section 10 (without padding)', () => {
    expect(encodeBase32(ascii('f'))).toBe('MY')
    expect(encodeBase32(ascii('foobar'))).toBe('MZXW6YTBOI')
    expect(encodeBase32(ascii('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    expect(new TextDecoder().decode(decodeBase32('mzxw6ytboi======')!)).toBe('foobar')
    expect(decodeBase32('MZ1W')).toBe(null)
  })
  it('round-trips a new secret of 20 bytes (32 characters)', () => {
    const secret = createTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(encodeBase32(decodeBase32(secret)!)).toBe(secret)
  })
})

describe('otpauth URI and recovery codes', () => {
  it('names issuer and account and spells out the parameters', () => {
    expect(otpauthUri({ secret: 'MZXW6YTBOI', account: 'ada@example.org', issuer: 'benchlearn' })).toBe(
      'otpauth://totp/benchlearn%3Aada%40example.org?secret=MZXW6YTBOI&issuer=benchlearn&algorithm=SHA1&digits=6&period=30',
    )
  })
  it('creates ten different codes of the form xxxxx-xxxxx and reads them back in any spelling', () => {
    const codes = createRecoveryCodes()
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/)
    expect(normaliseRecoveryCode(' ABCDE23456 ')).toBe('abcde-23456')
    expect(normaliseRecoveryCode('abcde-23456')).toBe('abcde-23456')
  })
})
