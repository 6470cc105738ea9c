/**
 * An administrator (API, Administration page) or the operator (`benchlearn sso set`) sets an
 * organisation's OpenID Connect provider. The client secret is write-only: it is kept for the code
 * exchange and never shown again; an update without one keeps the stored one.
 */
import type { AuditActor } from '../../core/accounts/account'
import { detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import type { SsoProviderDto, SsoProviderRequest } from '../../contracts/single-sign-on'
import { recordAudit } from '../audit/record-audit'
import { toSsoProviderDto } from './list-sso-providers'
import { deleteSsoProvider, findSsoProvider, upsertSsoProvider } from './sso.repository'
import { assertAcceptedIssuer, type SingleSignOnSettings } from './sso-settings'

export interface ConfigureSsoProviderOptions {
  organisationId: number
  provider: Required<Omit<SsoProviderRequest, 'clientSecret'>> & { clientSecret?: string }
  settings: SingleSignOnSettings
  actor: AuditActor
  now: Date
  ip?: string | null
}

/** An issuer URL as providers compare it: without a trailing slash. */
export function normaliseIssuer(issuer: string): string {
  return issuer.trim().replace(/\/+$/, '')
}

export async function configureSsoProvider(
  database: Database,
  options: ConfigureSsoProviderOptions,
): Promise<SsoProviderDto> {
  const { organisationId, provider, now } = options
  const issuer = normaliseIssuer(provider.issuer)
  assertAcceptedIssuer(issuer, options.settings)
  const allowedDomains = [...new Set(provider.allowedDomains.map((d) => d.trim().toLowerCase()))].sort()
  return database.transaction(async (tx) => {
    const organisation = await tx.db
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst()
    if (!organisation) throw notFound(message('sso.noOrganisation', { id: organisationId }))
    const before = await findSsoProvider(tx.db, organisationId)
    const clientSecret = provider.clientSecret ?? before?.client_secret
    if (!clientSecret)
      throw invalidInput(message('sso.clientSecretNeeded'), [
        detail(message('sso.required'), { field: 'clientSecret' }),
      ])
    await upsertSsoProvider(tx.db, {
      organisationId,
      displayName: provider.displayName.trim(),
      issuer,
      clientId: provider.clientId.trim(),
      clientSecret,
      allowedDomains,
      now,
    })
    const shown = (row: typeof before) =>
      row
        ? {
            displayName: row.display_name,
            issuer: row.issuer,
            clientId: row.client_id,
            allowedDomains: row.allowed_domains,
          }
        : null
    const after = (await findSsoProvider(tx.db, organisationId))!
    await recordAudit(tx.db, {
      actor: options.actor,
      action: before ? 'sso_provider.update' : 'sso_provider.create',
      entity: 'sso_provider',
      entityId: organisationId,
      before: shown(before),
      after: { ...shown(after), isClientSecretChanged: provider.clientSecret !== undefined },
      ip: options.ip ?? null,
      at: now,
    })
    return toSsoProviderDto(after, options.settings)
  })
}

export async function removeSsoProvider(
  database: Database,
  options: { organisationId: number; actor: AuditActor; now: Date; ip?: string | null },
): Promise<void> {
  await database.transaction(async (tx) => {
    if (!(await deleteSsoProvider(tx.db, options.organisationId)))
      throw notFound(message('sso.noProvider', { organisationId: options.organisationId }))
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'sso_provider.delete',
      entity: 'sso_provider',
      entityId: options.organisationId,
      ip: options.ip ?? null,
      at: options.now,
    })
  })
}
