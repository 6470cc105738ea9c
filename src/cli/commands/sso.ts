/**
 * `benchlearn sso list|set|remove`: the organisations' OpenID Connect providers on the local database
 * (docs/single-sign-on.md). The client secret never travels on the command line (shell history,
 * process lists): `set` reads it from stdin with --client-secret-stdin.
 */
import { ssoProviderRequestSchema } from '../../contracts/single-sign-on'
import type { AuditActor } from '../../core/accounts/account'
import { configureSsoProvider, removeSsoProvider } from '../../features/single-sign-on/configure-sso-provider'
import { listSsoProviderSettings } from '../../features/single-sign-on/list-sso-providers'
import { singleSignOnSettingsFromEnv } from '../../features/single-sign-on/sso-settings'
import { findOrganisationByKey } from '../../features/organisations/find-organisation'
import { CliUsageError, type CliIo, parseCommandArgs, printList, withDatabase } from '../io'
import { readStdin } from './users'

const CLI_ACTOR: AuditActor = { userId: null, label: 'cli' }
const SET_USAGE =
  'sso set <org-key> --name <display name> --issuer <https://…> --client-id <id> [--domains a.de,b.de] [--client-secret-stdin]'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    name: { type: 'string' },
    issuer: { type: 'string' },
    'client-id': { type: 'string' },
    domains: { type: 'string' },
    'client-secret-stdin': { type: 'boolean' },
  })
  const [action, key] = positionals
  const settings = singleSignOnSettingsFromEnv(io.env)
  if (action === 'list') {
    const providers = await withDatabase(io, values['data-dir'], (database) =>
      listSsoProviderSettings(database.db, settings),
    )
    printList(io, {
      json: values.json,
      named: { providers },
      headers: ['organisation', 'name', 'issuer', 'client id', 'allowed domains'],
      row: (p) => [p.organisationName, p.displayName, p.issuer, p.clientId, p.allowedDomains.join(', ')],
    })
    return 0
  }
  if (action === 'set') {
    if (!key) throw new CliUsageError(SET_USAGE)
    const request = ssoProviderRequestSchema.safeParse({
      displayName: values.name,
      issuer: values.issuer,
      clientId: values['client-id'],
      ...(values['client-secret-stdin'] ? { clientSecret: await readStdin() } : {}),
      allowedDomains: (values.domains ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    })
    if (!request.success)
      throw new CliUsageError(
        `${request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${SET_USAGE}`,
      )
    const saved = await withDatabase(io, values['data-dir'], async (database) =>
      configureSsoProvider(database, {
        organisationId: (await findOrganisationByKey(database.db, key)).id,
        provider: request.data,
        settings,
        actor: CLI_ACTOR,
        now: new Date(),
      }),
    )
    io.out(`provider of ${saved.organisationName} saved: ${saved.issuer}`)
    if (saved.redirectUri) io.err(`register this redirect URI at the provider: ${saved.redirectUri}`)
    else io.err('set BENCHLEARN_PUBLIC_URL for the server: until then nobody can sign in with a provider')
    return 0
  }
  if (action === 'remove') {
    if (!key) throw new CliUsageError('sso remove <org-key>')
    await withDatabase(io, values['data-dir'], async (database) =>
      removeSsoProvider(database, {
        organisationId: (await findOrganisationByKey(database.db, key)).id,
        actor: CLI_ACTOR,
        now: new Date(),
      }),
    )
    io.out(`provider of ${key} removed`)
    return 0
  }
  throw new CliUsageError(`expected 'list', 'set' or 'remove', got '${action ?? ''}'`)
}
