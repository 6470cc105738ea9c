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
import { type CliIo, CliUsageError, describeIssues, expectedOneOf, printList, say, startCommand } from '../io'
import { readStdin } from './users'

const CLI_ACTOR: AuditActor = { userId: null, label: 'cli' }

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
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
    const providers = await onDatabase((database) => listSsoProviderSettings(database.db, settings))
    printList(io, {
      json: values.json,
      named: { providers },
      headers: [
        say(locale, 'cli.common.colOrganisation'),
        say(locale, 'cli.common.colName'),
        say(locale, 'cli.sso.colIssuer'),
        say(locale, 'cli.sso.colClientId'),
        say(locale, 'cli.sso.colDomains'),
      ],
      row: (p) => [p.organisationName, p.displayName, p.issuer, p.clientId, p.allowedDomains.join(', ')],
    })
    return 0
  }
  if (action === 'set') {
    if (!key) throw new CliUsageError(say(locale, 'cli.sso.setUsage'))
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
        `${describeIssues(locale, request.error.issues)}\n${say(locale, 'cli.sso.setUsage')}`,
      )
    const saved = await onDatabase(async (database) =>
      configureSsoProvider(database, {
        organisationId: (await findOrganisationByKey(database.db, key)).id,
        provider: request.data,
        settings,
        actor: CLI_ACTOR,
        now: new Date(),
      }),
    )
    io.out(say(locale, 'cli.sso.saved', { organisation: saved.organisationName, issuer: saved.issuer }))
    if (saved.redirectUri) io.err(say(locale, 'cli.sso.redirect', { uri: saved.redirectUri }))
    else io.err(say(locale, 'cli.sso.noPublicUrl'))
    return 0
  }
  if (action === 'remove') {
    if (!key) throw new CliUsageError(say(locale, 'cli.sso.removeUsage'))
    await onDatabase(async (database) =>
      removeSsoProvider(database, {
        organisationId: (await findOrganisationByKey(database.db, key)).id,
        actor: CLI_ACTOR,
        now: new Date(),
      }),
    )
    io.out(say(locale, 'cli.sso.removed', { key }))
    return 0
  }
  throw expectedOneOf(locale, ['list', 'set', 'remove'], action)
}
