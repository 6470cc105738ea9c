/** Factories for database tests: each creates what a test needs with plausible defaults. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { Role } from '../core/permissions'
import { ensureReferenceData } from '../features/areas/ensure-reference-data'
import { hashPassword } from '../features/auth/password'
import { insertUser } from '../features/auth/user.repository'
import { insertFigureDefinition } from '../features/kpi/kpi-definition.repository'
import { insertOrganisation, type NewOrganisation } from '../features/organisations/organisation.repository'

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
  },
): Promise<number> {
  return insertUser(db, {
    email: options.email,
    name: options.name ?? options.email.split('@')[0]!,
    role: options.role,
    organisationId: options.organisationId ?? null,
    passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
    moderatedRingIds: options.moderatedRingIds,
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
    createdBy: options.createdBy,
    createdAt: new Date(),
  })
}
