/**
 * Factories for database tests: each creates what a test needs with plausible defaults, and the
 * parents it needs that the test does not name (a ring its network, a meeting or a practice its
 * ring and organisation), so that a test says only what matters to it.
 */
import type { Kysely } from 'kysely'
import type { CreatePracticeRequest } from '../contracts/practices'
import type { DB, MeetingKind, MeetingStatus, PracticeVisibility } from '../db/schema'
import type { Role } from '../core/permissions'
import { ensureReferenceData } from '../features/areas/ensure-reference-data'
import { hashPassword } from '../features/auth/password'
import { insertUser } from '../features/auth/user.repository'
import { insertFigureDefinition } from '../features/kpi/kpi-definition.repository'
import {
  insertNetwork,
  insertNetworkMemberships,
  insertRing,
  insertRingMemberships,
} from '../features/networks/network.repository'
import { insertOrganisation, type NewOrganisation } from '../features/organisations/organisation.repository'
import { insertPractice } from '../features/practices/practice.repository'

export async function seedReferenceData(db: Kysely<DB>): Promise<void> {
  await ensureReferenceData(db)
}

export async function createJobcentre(
  db: Kysely<DB>,
  overrides: Partial<NewOrganisation> & { ags5: string },
): Promise<number> {
  const { ags5, ...rest } = overrides
  return insertOrganisation(db, {
    name: `Jobcenter ${ags5}`,
    shortName: `JC ${ags5}`,
    kind: 'jobcenter',
    carrierType: 'zkT',
    landCode: ags5.slice(0, 2),
    areas: [{ ags5 }],
    ...rest,
  })
}

/** A job centre to create: its district key alone, or the key with other fields. */
export type JobcentreSpec = string | (Partial<NewOrganisation> & { ags5: string })

/** A network; returns its id. */
export async function createNetwork(db: Kysely<DB>, name = 'Test network'): Promise<number> {
  return insertNetwork(db, { name })
}

export interface TestRing {
  networkId: number
  ringId: number
  /** The members' organisation ids, in the order given. */
  memberIds: number[]
}

/**
 * A ring with its members from `validFrom` (default 2020-01-01), in a new network unless one is
 * given. Members are existing organisations (ids) or job centres created here; `isNetworkMember`
 * also makes them members of the network.
 */
export async function createRing(
  db: Kysely<DB>,
  options: {
    networkId?: number
    code?: string
    name?: string
    sharing?: 'named' | 'pseudonymised'
    validFrom?: string
    members?: readonly (number | JobcentreSpec)[]
    isNetworkMember?: boolean
  } = {},
): Promise<TestRing> {
  const code = options.code ?? 'R1'
  const validFrom = options.validFrom ?? '2020-01-01'
  const networkId = options.networkId ?? (await createNetwork(db))
  const ringId = await insertRing(db, {
    networkId,
    code,
    name: options.name ?? `Ring ${code}`,
    sharing: options.sharing,
    validFrom,
  })
  const memberIds: number[] = []
  for (const member of options.members ?? [])
    memberIds.push(
      typeof member === 'number'
        ? member
        : await createJobcentre(db, typeof member === 'string' ? { ags5: member } : member),
    )
  const memberships = memberIds.map((organisationId) => ({ organisationId, validFrom }))
  await insertRingMemberships(db, ringId, memberships)
  if (options.isNetworkMember) await insertNetworkMemberships(db, networkId, memberships)
  return { networkId, ringId, memberIds }
}

/**
 * A meeting (default: on 2024-05-15, in the status a new meeting gets) of the ring given, or a network-wide
 * annual day of the network given (a new network when neither is).
 */
export async function createMeeting(
  db: Kysely<DB>,
  options: {
    networkId?: number
    ringId?: number
    title?: string
    kind?: MeetingKind
    startsOn?: string
    hostOrganisationId?: number
    status?: MeetingStatus
    venue?: string
    createdAt?: Date
  } = {},
): Promise<number> {
  const ring = options.ringId
    ? await db
        .selectFrom('ring')
        .select('network_id')
        .where('id', '=', options.ringId)
        .executeTakeFirstOrThrow()
    : undefined
  const startsOn = options.startsOn ?? '2024-05-15'
  const row = await db
    .insertInto('meeting')
    .values({
      network_id: ring?.network_id ?? options.networkId ?? (await createNetwork(db)),
      ring_id: options.ringId ?? null,
      kind: options.kind ?? (options.ringId ? 'ring_meeting' : 'annual_day'),
      title: options.title ?? 'Treffen',
      starts_on: startsOn,
      ends_on: startsOn,
      venue: options.venue ?? null,
      host_organisation_id: options.hostOrganisationId ?? null,
      host_source: options.hostOrganisationId ? 'override' : undefined,
      status: options.status,
      created_at: options.createdAt ?? new Date('2024-02-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * A published good-practice card of `organisationId` shared with its ring (a new ring with a new
 * job centre 06435 when neither is given); returns its id and the ids it was made with.
 */
export async function createPractice(
  db: Kysely<DB>,
  options: {
    organisationId?: number
    ringId?: number
    title?: string
    visibility?: PracticeVisibility
    status?: 'draft' | 'published'
    authorUserId?: number | null
    now?: Date
  } = {},
): Promise<{ practiceId: number; organisationId: number; ringId: number }> {
  let { organisationId, ringId } = options
  if (ringId === undefined) {
    const ring = await createRing(db, { members: [organisationId ?? '06435'] })
    ringId = ring.ringId
    organisationId = ring.memberIds[0]
  }
  if (organisationId === undefined) throw new Error('createPractice: give the organisation of the ring')
  const practiceId = await insertPractice(db, {
    title: options.title ?? 'Aufsuchende Beratung',
    problem: 'Viele Langzeitleistungsbeziehende erscheinen nicht zu Terminen.',
    approach: 'Aufsuchende Beratung zu Hause.',
    resources: '',
    results: '',
    contact: 'Team Aufsuchende Beratung',
    visibility: options.visibility ?? 'ring',
    status: options.status ?? 'published',
    organisationId,
    authorUserId: options.authorUserId ?? null,
    ringId,
    now: options.now ?? new Date('2024-01-01T00:00:00Z'),
  })
  return { practiceId, organisationId, ringId }
}

/**
 * What a member sends to create a practice card (for the `createPractice` use case): a published card
 * for the network with only its title and approach written, unless `extra` says otherwise.
 */
export function practiceRequest(
  title: string,
  extra: Partial<CreatePracticeRequest> = {},
): CreatePracticeRequest {
  return {
    title,
    problem: '',
    approach: 'Sprechstunde im Quartier',
    resources: '',
    results: '',
    contact: '',
    visibility: 'network',
    status: 'published',
    topics: [],
    figureCodes: [],
    ...extra,
  }
}

/** A password every test account gets unless a test says otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple'

/** An account with a password (scrypt-hashed like real ones); returns its id. */
export async function createUser(
  db: Kysely<DB>,
  options: {
    email: string
    role: Role
    organisationId?: number | null
    name?: string
    password?: string
    moderatedRingIds?: number[]
    /** Test accounts skip the second factor of network roles unless a test sets this to false. */
    isTotpExempt?: boolean
  },
): Promise<number> {
  return insertUser(db, {
    email: options.email,
    name: options.name ?? options.email.split('@')[0]!,
    role: options.role,
    organisationId: options.organisationId ?? null,
    passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
    moderatedRingIds: options.moderatedRingIds,
    isTotpExempt: options.isTotpExempt ?? true,
  })
}

/**
 * An own figure stored directly, as a database that grew before today's checks could hold it
 * (no limits, no audit); version v applies from January of 2000 + v.
 */
export async function insertOwnFigure(
  db: Kysely<DB>,
  options: { code: string; numerator?: string; denominator?: string; version?: number; createdBy: string },
): Promise<void> {
  const version = options.version ?? 1
  await insertFigureDefinition(db, {
    code: options.code,
    version,
    validFrom: `${2000 + version}-01-01`,
    nameDe: options.code,
    nameEn: options.code,
    explanationDe: '',
    explanationEn: '',
    numerator: options.numerator ?? 'elb',
    denominator: options.denominator ?? '1',
    unit: '%',
    transform: 'percent',
    polarity: 'higher_is_better',
    hasSexBreakdown: false,
    legalSource: '',
    isOfficial: false,
    confidentiality: 'network',
    createdBy: options.createdBy,
    createdAt: new Date(),
  })
}
