/**
 * The shapes an access-case file shares with src/server/access.db.test.ts: the test's world (two
 * rings of six job centres, callers of every role) and a case (how to call a route, what to expect).
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Role } from '../../core/permissions'
import type { Database } from '../../db/connect'

export type Visibility = 'full' | 'named' | 'pseudonymised' | 'none'
export type Target = 'own' | 'peer' | 'outside' | 'none'

/** An organisation of the world. */
export interface WorldOrg {
  /** A1 … A6 (ring 1, shares by name), B1 … B6 (ring 2, under pseudonyms). */
  key: string
  ring: 1 | 2
  ags: string
  name: string
  id: number
  /** A value no other organisation has, so that a response carrying it is caught. */
  value: number
}

/** What a case file may ask of the world; callers are named as in the access test. */
export interface AccessWorld {
  database(): Database
  allOrgs(): WorldOrg[]
  org(key: string): WorldOrg
  /** The oracle: how much of `org` the caller may see. */
  expectedVisibility(caller: string, org: WorldOrg): Visibility
  roleOf(caller: string): Role | null
}

export interface AccessContext<O = WorldOrg> {
  caller: string
  target: Target
  org: O | null
}

export interface AccessCase<O = WorldOrg> {
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
