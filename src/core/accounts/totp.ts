/**
 * Time-based one-time passwords (RFC 6238 over HOTP, RFC 4226) as authenticator apps compute them:
 * HMAC-SHA1, 30-second steps, 6 digits, one step of clock drift either way. Pure: the secret, the
 * code and the instant come in, nothing is read from outside.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const TOTP_STEP_SECONDS = 30
export const TOTP_DIGITS = 6
/** Steps accepted before and after the current one (clocks of phones drift). */
export const TOTP_DRIFT_STEPS = 1
/** 160 bits, the length RFC 4226 recommends for HMAC-SHA1. */
export const TOTP_SECRET_BYTES = 20

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding: how authenticator apps take a secret typed in by hand. */
export function encodeBase32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/** Reads base32 (case, spaces and padding ignored); null when a character is not base32. */
export function decodeBase32(text: string): Uint8Array | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char)
    if (index < 0) return null
    value = ((value << 5) | index) & 0xffff
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Uint8Array.from(out)
}

/** HOTP (RFC 4226): the dynamically truncated HMAC of the counter, as `digits` decimal digits. */
export function hotp(
  secret: Uint8Array,
  counter: number,
  options: { digits?: number; algorithm?: TotpAlgorithm } = {},
): string {
  const digits = options.digits ?? TOTP_DIGITS
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac(options.algorithm ?? 'sha1', secret)
    .update(message)
    .digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** The time step of an instant (seconds since 1970). */
export function totpStep(unixSeconds: number): number {
  return Math.floor(unixSeconds / TOTP_STEP_SECONDS)
}

/** The code of an instant. */
export function totpCode(
  secret: Uint8Array,
  unixSeconds: number,
  options: { digits?: number; algorithm?: TotpAlgorithm } = {},
): string {
  return hotp(secret, totpStep(unixSeconds), options)
}

/**
 * The step a code matches within the drift window, or null. A step at or before `lastUsedStep` is
 * never matched again: a code seen once (over a shoulder, in a proxy log) cannot be replayed.
 */
export function matchTotp(options: {
  secret: Uint8Array
  code: string
  unixSeconds: number
  lastUsedStep: number | null
}): number | null {
  const code = options.code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(code)) return null
  const current = totpStep(options.unixSeconds)
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    if (options.lastUsedStep !== null && step <= options.lastUsedStep) continue
    if (timingSafeEqual(Buffer.from(hotp(options.secret, step)), Buffer.from(code))) return step
  }
  return null
}

/** A new random secret, base32 for showing and storing. */
export function createTotpSecret(): string {
  return encodeBase32(randomBytes(TOTP_SECRET_BYTES))
}

/**
 * The otpauth:// URI authenticator apps read (Google's Key Uri Format, which they all follow): the
 * label "issuer:account", the secret, and the parameters spelled out.
 */
export function otpauthUri(options: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${options.issuer}:${options.account}`)
  const params = new URLSearchParams({
    secret: options.secret,
    issuer: options.issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  })
  return `otpauth://totp/${label}?${params.toString()}`
}

export const RECOVERY_CODE_COUNT = 10

/** Single-use recovery codes: 10 base32 characters (50 bits) each, grouped as xxxxx-xxxxx. */
export function createRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = encodeBase32(randomBytes(7)).slice(0, 10).toLowerCase()
    return `${text.slice(0, 5)}-${text.slice(5)}`
  })
}

/** A recovery code as typed (any case, with or without the dash) in the form it is hashed in. */
export function normaliseRecoveryCode(text: string): string {
  const clean = text.replace(/[\s-]/g, '').toLowerCase()
  return clean.length === 10 ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean
}
