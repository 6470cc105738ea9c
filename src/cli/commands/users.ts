/**
 * `benchlearn users list|create|invite`: account administration on the local database (no HTTP).
 * Passwords never travel on the command line (shell history, process lists): `create` reads one
 * from stdin, `invite` prints a link with which the person sets their own.
 */
import { newPasswordSchema } from '../../contracts/auth'
import type { AuditActor } from '../../core/accounts/account'
import { ROLES, roleNeedsOrganisation, type Role } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { createUser } from '../../features/auth/create-user'
import { inviteUser } from '../../features/auth/invite-user'
import { listUsers } from '../../features/auth/user.repository'
import { findOrganisationByKey } from '../../features/organisations/find-organisation'
import { formatDateTime, type Locale } from '../../core/format/format'
import { type CliIo, expectedOneOf, printList, say, startCommand, usageError } from '../io'

const CLI_ACTOR: AuditActor = { userId: null, label: 'cli' }

/** The organisation named by --org (any key findOrganisationByKey accepts), which member roles need. */
async function findOrganisationIdOf(
  database: Database,
  role: Role,
  key: string | undefined,
  locale: Locale,
): Promise<number | null> {
  if (roleNeedsOrganisation(role) && !key) throw usageError(locale, 'cli.users.needsOrg', { role })
  return key ? (await findOrganisationByKey(database.db, key)).id : null
}

function parseRole(value: string | undefined, locale: Locale): Role {
  if (!value || !(ROLES as readonly string[]).includes(value))
    throw usageError(locale, 'cli.users.role', { roles: ROLES.join(', ') })
  return value as Role
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    json: { type: 'boolean' },
    role: { type: 'string' },
    org: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    'base-url': { type: 'string' },
    'valid-hours': { type: 'string' },
  })
  const [action, email] = positionals
  if (action === 'list') {
    const users = await onDatabase((database) => listUsers(database.db))
    printList(io, {
      json: values.json,
      named: { users },
      headers: [
        say(locale, 'cli.common.colId'),
        say(locale, 'cli.users.colEmail'),
        say(locale, 'cli.common.colName'),
        say(locale, 'cli.users.colRole'),
        say(locale, 'cli.common.colOrganisation'),
        say(locale, 'cli.users.colLastSeen'),
        say(locale, 'cli.users.colDisabled'),
      ],
      row: (u) => [
        u.id,
        u.email,
        u.name,
        u.role,
        u.organisationName,
        u.lastSeenAt ? formatDateTime(locale, u.lastSeenAt.toISOString()) : null,
        u.isDisabled ? say(locale, 'cli.users.disabled') : '',
      ],
    })
    return 0
  }
  if (action === 'create') {
    if (!email) throw usageError(locale, 'cli.users.createUsage')
    const role = parseRole(values.role, locale)
    if (!values['password-stdin']) throw usageError(locale, 'cli.users.passwordStdin')
    const password = newPasswordSchema.safeParse(await readStdin())
    if (!password.success) throw usageError(locale, 'cli.users.passwordShort')
    const account = await onDatabase(async (database) =>
      createUser(database, {
        email,
        name: values.name ?? email.split('@')[0]!,
        role,
        organisationId: await findOrganisationIdOf(database, role, values.org, locale),
        password: password.data,
        actor: CLI_ACTOR,
        now: new Date(),
      }),
    )
    io.out(say(locale, 'cli.users.created', { id: account.id, email: account.email, role }))
    return 0
  }
  if (action === 'invite') {
    const role = parseRole(values.role, locale)
    const validHours = Number(values['valid-hours'] ?? 24 * 7)
    if (!Number.isInteger(validHours) || validHours < 1) throw usageError(locale, 'cli.users.validHours')
    const invitation = await onDatabase(async (database) =>
      inviteUser(database, {
        role,
        organisationId: await findOrganisationIdOf(database, role, values.org, locale),
        email: values.email ?? null,
        validHours,
        // The operator of the installation invites anybody.
        inviter: null,
        actor: CLI_ACTOR,
        now: new Date(),
      }),
    )
    const base = (values['base-url'] ?? io.env.BENCHLEARN_URL ?? 'http://localhost:3000').replace(/\/$/, '')
    io.out(`${base}${invitation.path}`)
    io.err(say(locale, 'cli.users.invited', { role, until: formatDateTime(locale, invitation.expiresAt) }))
    return 0
  }
  throw expectedOneOf(locale, ['list', 'create', 'invite'], action)
}
