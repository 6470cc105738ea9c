import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A random token for cookies and links (256 bits, URL-safe). */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database keeps of a token: its SHA-256, so a leaked table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Compares two secrets in constant time (for equal lengths; a length mismatch is simply false). */
export function isSameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
