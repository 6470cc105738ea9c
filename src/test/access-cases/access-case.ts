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

/** An organisation of the access test's world (A1 … A6 in ring 1, B1 … B6 in ring 2). */
export interface WorldOrg {
  key: string
  ring: 1 | 2
  id: number
  name: string
  ags: string
  /** A value no other organisation has, so that a response carrying it is caught. */
  value: number
}
