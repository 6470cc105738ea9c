/**
 * Password hashing with scrypt (node:crypto), a random salt per password, and the parameters stored
 * with the hash ("scrypt$N$r$p$salt$hash", base64) so that they can be raised without locking
 * anyone out: verifyPassword reads them from the stored value.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const N = 2 ** 15
const R = 8
const P = 1
const KEY_LENGTH = 32
const SALT_BYTES = 16

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; the default maxmem (32 MiB) is exactly that at N=2^15, so allow twice.
    const maxmem = 256 * (options.N ?? N) * (options.r ?? R)
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, { N, r: R, p: P }, KEY_LENGTH)
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [n, r, p] = parts.slice(1, 4).map(Number)
  if (!n || !r || !p || n > 2 ** 20 || r > 32 || p > 16) return false
  const salt = Buffer.from(parts[4]!, 'base64')
  const expected = Buffer.from(parts[5]!, 'base64')
  if (expected.length === 0) return false
  const actual = await derive(password, salt, { N: n, r, p }, expected.length)
  return timingSafeEqual(actual, expected)
}

/**
 * A hash of a random password, checked when the e-mail address is unknown so that a failed sign-in
 * takes as long for unknown as for known accounts (no user enumeration through timing).
 */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'))
  return dummyHash
}
