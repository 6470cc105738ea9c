/**
 * Warnings for authors whose text names an organisation of the network while peers in a ring that
 * shares under pseudonyms will read it (docs/security.md, "Pseudonyms"). The text is saved all the
 * same: the author decides, the warning tells them what peers would learn.
 */
import type { Kysely } from 'kysely'
import {
  compileNameMatcher,
  warnAboutNames,
  type NameMatcher,
  type NameRegisterEntry,
  type NameWarning,
} from '../../core/pseudonymity/find-organisation-names'
import type { DB } from '../../db/schema'
import { validOn } from '../../db/valid-on'

/**
 * The register the texts are checked against: every organisation with its name, short name, the
 * names and keys of its districts, its sites, and the e-mail domains that only its accounts use.
 */
export async function loadNameRegister(db: Kysely<DB>): Promise<NameRegisterEntry[]> {
  const organisations = await db.selectFrom('organisation').select(['id', 'name', 'short_name']).execute()
  const areas = await db
    .selectFrom('organisation_area as a')
    .leftJoin('kreis as k', 'k.ags5', 'a.ags5')
    .select(['a.organisation_id', 'a.ags5', 'k.name'])
    .execute()
  const sites = await db.selectFrom('organisation_site').select(['organisation_id', 'name']).execute()
  const accounts = await db
    .selectFrom('app_user')
    .select(['organisation_id', 'email'])
    .where('organisation_id', 'is not', null)
    .execute()
  // A domain names an organisation only when no other organisation's accounts use it.
  const domainOwners = new Map<string, Set<number>>()
  for (const account of accounts) {
    const domain = account.email.split('@')[1]?.toLowerCase()
    if (!domain) continue
    domainOwners.set(domain, (domainOwners.get(domain) ?? new Set()).add(account.organisation_id!))
  }
  const ownDomains = (id: number) =>
    [...domainOwners].filter(([, owners]) => owners.size === 1 && owners.has(id)).map(([domain]) => domain)
  return organisations.map((o) => ({
    organisationId: o.id,
    name: o.name,
    shortName: o.short_name,
    districtNames: areas.filter((a) => a.organisation_id === o.id && a.name !== null).map((a) => a.name!),
    districtKeys: areas.filter((a) => a.organisation_id === o.id).map((a) => a.ags5),
    siteNames: sites.filter((s) => s.organisation_id === o.id).map((s) => s.name),
    domains: ownDomains(o.id),
  }))
}

export async function loadNameMatcher(db: Kysely<DB>): Promise<NameMatcher> {
  return compileNameMatcher(await loadNameRegister(db))
}

/** Who will read the text: the members of these rings, or of every ring of the network. */
export type TextReaders = { ringIds: readonly number[] } | 'every_ring'

/**
 * Warnings for the text fields of one write, when any ring among the readers shares under
 * pseudonyms on day `at` (in rings that share by name, naming a peer tells nobody anything new).
 */
export async function checkNamesInText(
  db: Kysely<DB>,
  options: { readers: TextReaders; at: string; fields: Readonly<Record<string, string | null | undefined>> },
): Promise<NameWarning[]> {
  if (Object.values(options.fields).every((text) => !text)) return []
  const { readers } = options
  if (readers !== 'every_ring' && readers.ringIds.length === 0) return []
  const pseudonymised = await db
    .selectFrom('ring')
    .select('id')
    .where('sharing', '=', 'pseudonymised')
    .where(validOn(null, options.at))
    .$if(readers !== 'every_ring', (qb) =>
      qb.where('id', 'in', readers === 'every_ring' ? [] : [...readers.ringIds]),
    )
    .executeTakeFirst()
  if (!pseudonymised) return []
  return warnAboutNames(await loadNameMatcher(db), options.fields)
}
