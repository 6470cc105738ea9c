/**
 * The shapes an access-case file shares with src/server/access.db.test.ts, for files that build
 * their cases from the test's world (organisations of type `O`).
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify'

export type Visibility = 'full' | 'named' | 'pseudonymised' | 'none'
export type Target = 'own' | 'peer' | 'outside' | 'none'

export interface AccessContext<O> {
  caller: string
  target: Target
  org: O | null
}

export interface AccessCase<O> {
  targets: Target[]
  call(context: AccessContext<O>): InjectOptions | Promise<InjectOptions>
  expect(context: AccessContext<O>, response: LightMyRequestResponse): void
}
