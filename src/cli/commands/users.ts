/**
 * `benchlearn users list|create|invite`: account administration on the local database (no HTTP).
 * Passwords never travel on the command line (shell history, process lists): `create` reads one
 * from stdin, `invite` prints a link with which the person sets their own.
 */
import { ROLES, type Role } from '../../core/permissions'
import { recordAudit } from '../../features/audit/record-audit'
import { insertInvitation, INVITATION_PATH } from '../../features/auth/invitation.routes'
import { hashPassword } from '../../features/auth/password'
import { findUserByEmail, insertUser, listUsers } from '../../features/auth/user.repository'
import { findOrganisationByKey } from '../../features/organisations/find-organisation'
import { conflict } from '../../core/errors/app-error'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'

const CLI_ACTOR = { userId: null, label: 'cli' }

function parseRole(value: string | undefined): Role {
  if (!value || !(ROLES as readonly string[]).includes(value))
    throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`)
  return value as Role
}

async function readStdin(): Promise<string> {
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
    if (values.json) io.out(JSON.stringify({ users }, null, 2))
    else
      io.out(
        formatTable(
          ['id', 'email', 'name', 'role', 'organisation', 'last seen', 'disabled'],
          users.map((u) => [
            u.id,
            u.email,
            u.name,
            u.role,
            u.organisationName,
            u.lastSeenAt?.toISOString().slice(0, 16) ?? null,
            u.isDisabled ? 'disabled' : '',
          ]),
        ),
      )
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
    const password = await readStdin()
    if (password.length < 12) throw new CliUsageError('the password needs at least 12 characters')
    const passwordHash = await hashPassword(password)
    const id = await withDatabase(io, values['data-dir'], (database) =>
      database.transaction(async (tx) => {
        if (await findUserByEmail(tx.db, email)) throw conflict(`an account for ${email} exists already`)
        const organisation = values.org ? await findOrganisationByKey(tx.db, values.org) : null
        if ((role === 'member_lead' || role === 'member_analyst') && !organisation)
          throw new CliUsageError(`the role ${role} needs --org <key>`)
        const name = values.name ?? email.split('@')[0]!
        const userId = await insertUser(tx.db, {
          email,
          name,
          role,
          organisationId: organisation?.id ?? null,
          passwordHash,
        })
        await recordAudit(tx.db, {
          actor: CLI_ACTOR,
          action: 'user.create',
          entity: 'user',
          entityId: userId,
          after: { email, name, role, organisationId: organisation?.id ?? null },
          at: new Date(),
        })
        return userId
      }),
    )
    io.out(`account ${id} created: ${email} (${role})`)
    return 0
  }
  if (action === 'invite') {
    const role = parseRole(values.role)
    const validHours = Number(values['valid-hours'] ?? 24 * 7)
    if (!Number.isInteger(validHours) || validHours < 1)
      throw new CliUsageError('--valid-hours must be a whole number ≥ 1')
    const invitation = await withDatabase(io, values['data-dir'], (database) =>
      database.transaction(async (tx) => {
        const organisation = values.org ? await findOrganisationByKey(tx.db, values.org) : null
        if ((role === 'member_lead' || role === 'member_analyst') && !organisation)
          throw new CliUsageError(`the role ${role} needs --org <key>`)
        const now = new Date()
        const created = await insertInvitation(tx.db, {
          role,
          organisationId: organisation?.id ?? null,
          email: values.email ?? null,
          createdBy: null,
          now,
          validHours,
        })
        await recordAudit(tx.db, {
          actor: CLI_ACTOR,
          action: 'invitation.create',
          entity: 'invitation',
          entityId: created.id,
          after: { role, organisationId: organisation?.id ?? null, email: values.email ?? null },
          at: now,
        })
        return created
      }),
    )
    const base = (values['base-url'] ?? io.env.BENCHLEARN_URL ?? 'http://localhost:3000').replace(/\/$/, '')
    io.out(`${base}${INVITATION_PATH}#${invitation.token}`)
    io.err(
      `invitation for ${role}, valid until ${invitation.expiresAt.toISOString()} (the link is shown only now)`,
    )
    return 0
  }
  throw new CliUsageError(`expected 'list', 'create' or 'invite', got '${action ?? ''}'`)
}
