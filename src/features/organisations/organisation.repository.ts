import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { validOn } from '../../db/valid-on'
import { isoDate } from '../../core/periods/dates'

export interface NewOrganisation {
  name: string
  shortName: string
  kind: 'jobcenter' | 'district' | 'city' | 'provider' | 'other'
  carrierType?: 'zkT' | 'gE' | null
  /** The official comparison type (IAB "Vergleichstyp"), e.g. "IIIb". */
  comparisonType?: string | null
  landCode?: string | null
  nuts3?: string | null
  validFrom?: string
  validTo?: string | null
  isDemo?: boolean
  areas: { ags5: string; validFrom?: string; validTo?: string | null }[]
  sites?: { name: string; address?: string | null; isMain?: boolean }[]
  partners?: { name: string; role: string; validFrom?: string; validTo?: string | null }[]
}

const OPEN_START = '1900-01-01'

/** Inserts an organisation with its areas, sites and partners; returns its id. Run inside a transaction. */
export async function insertOrganisation(db: Kysely<DB>, org: NewOrganisation): Promise<number> {
  const { id } = await db
    .insertInto('organisation')
    .values({
      name: org.name,
      short_name: org.shortName,
      kind: org.kind,
      carrier_type: org.carrierType ?? null,
      comparison_type: org.comparisonType ?? null,
      land_code: org.landCode ?? null,
      nuts3: org.nuts3 ?? null,
      valid_from: org.validFrom ?? OPEN_START,
      valid_to: org.validTo ?? null,
      is_demo: org.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (org.areas.length > 0) {
    await db
      .insertInto('organisation_area')
      .values(
        org.areas.map((a) => ({
          organisation_id: id,
          ags5: a.ags5,
          valid_from: a.validFrom ?? OPEN_START,
          valid_to: a.validTo ?? null,
        })),
      )
      .execute()
  }
  if (org.sites?.length) {
    await db
      .insertInto('organisation_site')
      .values(
        org.sites.map((s) => ({
          organisation_id: id,
          name: s.name,
          address: s.address ?? null,
          is_main: s.isMain ?? false,
        })),
      )
      .execute()
  }
  if (org.partners?.length) {
    await db
      .insertInto('organisation_partner')
      .values(
        org.partners.map((p) => ({
          organisation_id: id,
          partner_name: p.name,
          role: p.role,
          valid_from: p.validFrom ?? OPEN_START,
          valid_to: p.validTo ?? null,
        })),
      )
      .execute()
  }
  return id
}

export interface OrganisationSummary {
  id: number
  name: string
  shortName: string
  kind: string
  carrierType: string | null
  landCode: string | null
  nuts3: string | null
  validFrom: string
  validTo: string | null
  isDemo: boolean
  areas: { ags5: string; validFrom: string; validTo: string | null }[]
  sites: { name: string; address: string | null; isMain: boolean }[]
  partners: { name: string; role: string; validFrom: string; validTo: string | null }[]
  ring: { id: number; code: string; name: string } | null
}

/** Organisations with areas, sites, partners and their ring on the given day. */
export async function listOrganisations(
  db: Kysely<DB>,
  options: { at?: string; ids?: number[] } = {},
): Promise<OrganisationSummary[]> {
  const at = options.at ?? isoDate(new Date())
  let query = db.selectFrom('organisation').selectAll().orderBy('name')
  if (options.ids) {
    if (options.ids.length === 0) return []
    query = query.where('id', 'in', options.ids)
  }
  const orgs = await query.execute()
  const ids = orgs.map((o) => o.id)
  if (ids.length === 0) return []
  // Sequential on purpose: inside a transaction all queries share one connection.
  const areas = await db
    .selectFrom('organisation_area')
    .selectAll()
    .where('organisation_id', 'in', ids)
    .orderBy('valid_from')
    .execute()
  const sites = await db
    .selectFrom('organisation_site')
    .selectAll()
    .where('organisation_id', 'in', ids)
    .orderBy('id')
    .execute()
  const partners = await db
    .selectFrom('organisation_partner')
    .selectAll()
    .where('organisation_id', 'in', ids)
    .orderBy('id')
    .execute()
  const rings = await db
    .selectFrom('ring_membership as m')
    .innerJoin('ring as r', 'r.id', 'm.ring_id')
    .select(['m.organisation_id', 'r.id', 'r.code', 'r.name'])
    .where('m.organisation_id', 'in', ids)
    .where(validOn('m', at))
    .execute()
  const group = <T extends { organisation_id: number }>(rows: T[]) => {
    const map = new Map<number, T[]>()
    for (const row of rows) map.set(row.organisation_id, [...(map.get(row.organisation_id) ?? []), row])
    return map
  }
  const areasBy = group(areas)
  const sitesBy = group(sites)
  const partnersBy = group(partners)
  const ringBy = new Map(rings.map((r) => [r.organisation_id, { id: r.id, code: r.code, name: r.name }]))
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind,
    carrierType: o.carrier_type,
    landCode: o.land_code,
    nuts3: o.nuts3,
    validFrom: o.valid_from,
    validTo: o.valid_to,
    isDemo: o.is_demo,
    areas: (areasBy.get(o.id) ?? []).map((a) => ({
      ags5: a.ags5,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    })),
    sites: (sitesBy.get(o.id) ?? []).map((s) => ({ name: s.name, address: s.address, isMain: s.is_main })),
    partners: (partnersBy.get(o.id) ?? []).map((p) => ({
      name: p.partner_name,
      role: p.role,
      validFrom: p.valid_from,
      validTo: p.valid_to,
    })),
    ring: ringBy.get(o.id) ?? null,
  }))
}

/** Everything needed to resolve the keys in an import file, loaded once. */
export interface KeyIndexRows {
  areas: { organisation_id: number; ags5: string; valid_from: string; valid_to: string | null }[]
  organisations: { id: number; name: string; nuts3: string | null }[]
  kreise: {
    ags5: string
    name: string
    nuts3: string | null
    valid_to: string | null
    successor_ags5: string | null
  }[]
}

export async function loadKeyIndexRows(db: Kysely<DB>): Promise<KeyIndexRows> {
  const areas = await db
    .selectFrom('organisation_area')
    .select(['organisation_id', 'ags5', 'valid_from', 'valid_to'])
    .execute()
  const organisations = await db.selectFrom('organisation').select(['id', 'name', 'nuts3']).execute()
  const kreise = await db
    .selectFrom('kreis')
    .select(['ags5', 'name', 'nuts3', 'valid_to', 'successor_ags5'])
    .execute()
  return { areas, organisations, kreise }
}

export async function countOrganisations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('organisation')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** Deletes an organisation with everything that belongs to it, its observed and published values included. */
export async function deleteOrganisation(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('observation').where('organisation_id', '=', id).execute()
  await db.deleteFrom('published_figure_value').where('organisation_id', '=', id).execute()
  await db.deleteFrom('published_reconciliation').where('organisation_id', '=', id).execute()
  await db.deleteFrom('organisation').where('id', '=', id).execute()
}
