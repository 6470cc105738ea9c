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
import { CliUsageError, type CliIo, parseCommandArgs, printList, withDatabase } from '../io'

const CLI_ACTOR: AuditActor = { userId: null, label: 'cli' }

/** The organisation named by --org (any key findOrganisationByKey accepts), which member roles need. */
async function findOrganisationIdOf(
  database: Database,
  role: Role,
  key: string | undefined,
): Promise<number | null> {
  if (roleNeedsOrganisation(role) && !key) throw new CliUsageError(`the role ${role} needs --org <key>`)
  return key ? (await findOrganisationByKey(database.db, key)).id : null
}

function parseRole(value: string | undefined): Role {
  if (!value || !(ROLES as readonly string[]).includes(value))
    throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`)
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
  const { values, positionals } = parseCommandArgs(args, {
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
    const users = await withDatabase(io, values['data-dir'], (database) => listUsers(database.db))
    printList(io, {
      json: values.json,
      named: { users },
      headers: ['id', 'email', 'name', 'role', 'organisation', 'last seen', 'disabled'],
      row: (u) => [
        u.id,
        u.email,
        u.name,
        u.role,
        u.organisationName,
        u.lastSeenAt?.toISOString().slice(0, 16) ?? null,
        u.isDisabled ? 'disabled' : '',
      ],
    })
    return 0
  }
  if (action === 'create') {
    if (!email)
      throw new CliUsageError(
        'users create <email> --role <role> [--org <key>] [--name <name>] --password-stdin',
      )
    const role = parseRole(values.role)
    if (!values['password-stdin'])
      throw new CliUsageError('give the password on stdin with --password-stdin (or use: users invite)')
    const password = newPasswordSchema.safeParse(await readStdin())
    if (!password.success) throw new CliUsageError('the password needs at least 12 characters')
    const account = await withDatabase(io, values['data-dir'], async (database) =>
      createUser(database, {
        email,
        name: values.name ?? email.split('@')[0]!,
        role,
        organisationId: await findOrganisationIdOf(database, role, values.org),
        password: password.data,
        actor: CLI_ACTOR,
        now: new Date(),
      }),
    )
    io.out(`account ${account.id} created: ${account.email} (${role})`)
    return 0
  }
  if (action === 'invite') {
    const role = parseRole(values.role)
    const validHours = Number(values['valid-hours'] ?? 24 * 7)
    if (!Number.isInteger(validHours) || validHours < 1)
      throw new CliUsageError('--valid-hours must be a whole number ≥ 1')
    const invitation = await withDatabase(io, values['data-dir'], async (database) =>
      inviteUser(database, {
        role,
        organisationId: await findOrganisationIdOf(database, role, values.org),
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
    io.err(`invitation for ${role}, valid until ${invitation.expiresAt} (the link is shown only now)`)
    return 0
  }
  throw new CliUsageError(`expected 'list', 'create' or 'invite', got '${action ?? ''}'`)
}
