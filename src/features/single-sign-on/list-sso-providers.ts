/** The providers as the administration sees them (never the client secret) and as the sign-in page offers them. */
import type { SsoChoiceList, SsoProviderDto } from '../../contracts/single-sign-on'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { listSsoProviders, type SsoProviderRow } from './sso.repository'
import { redirectUriOf, type SingleSignOnSettings } from './sso-settings'

export function toSsoProviderDto(row: SsoProviderRow, settings: SingleSignOnSettings): SsoProviderDto {
  return {
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    displayName: row.display_name,
    issuer: row.issuer,
    clientId: row.client_id,
    allowedDomains: row.allowed_domains,
    updatedAt: row.updated_at.toISOString(),
    redirectUri: redirectUriOf(settings),
  }
}

export async function listSsoProviderSettings(
  db: Kysely<DB>,
  settings: SingleSignOnSettings,
): Promise<SsoProviderDto[]> {
  return (await listSsoProviders(db)).map((row) => toSsoProviderDto(row, settings))
}

/** What the sign-in page offers: nothing while the operator has not set BENCHLEARN_PUBLIC_URL. */
export async function listSsoChoices(db: Kysely<DB>, settings: SingleSignOnSettings): Promise<SsoChoiceList> {
  if (redirectUriOf(settings) === null) return { choices: [] }
  const rows = await listSsoProviders(db)
  return {
    choices: rows.map((row) => ({ organisationId: row.organisation_id, displayName: row.display_name })),
  }
}
