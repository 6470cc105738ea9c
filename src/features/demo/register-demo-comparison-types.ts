/**
 * Gives the demo job centres their (synthetic) comparison type and registers a few gemeinsame
 * Einrichtungen (gE, job centres run jointly by the Federal Employment Agency and the district)
 * outside the network in the demo member's type, through the real import of organisation lists.
 * So the group "all job centres of the comparison type" shows zkT and gE side by side, as with the
 * official publication. The gE use real district keys not served by a demo zkT; their names say
 * "synthetisch", and they are marked as demo organisations.
 */
import type { Database } from '../../db/connect'
import { importOrganisationList } from '../organisations/import-organisation-list'
import type { OrganisationListMapping } from '../organisations/organisation-list-mapping'
import { DEMO_MEMBER_AGS } from './create-demo-accounts'
import { DEMO_TYPES_NAME } from './generate/comparison-types'
import { DEMO_SOURCE } from './generate/types'

export const DEMO_ORGANISATION_LIST_FILE = 'demo_organisationsliste_synthetisch.csv'

/** gE districts near the demo member (Hessen); those a demo zkT serves are skipped. */
const GE_CANDIDATES = ['06411', '06412', '06440', '06531'] as const

const MAPPING: OrganisationListMapping = {
  kind: 'organisation-list',
  name: 'demo-organisationsliste',
  delimiter: ';',
  encoding: 'utf-8',
  key: { column: 'AGS', type: 'ags' },
  columns: { name: 'Name', shortName: 'Kurzname', carrierType: 'Träger', comparisonType: 'Vergleichstyp' },
  defaults: { kind: 'jobcenter' },
  source: DEMO_SOURCE,
}

const csvField = (text: string) => (/[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)

export interface DemoGeCentre {
  id: number
  ags5: string
  comparisonType: string
}

/** Returns the registered gE (none when the demo member or its type is missing). */
export async function registerDemoComparisonTypes(database: Database): Promise<DemoGeCentre[]> {
  const db = database.db
  const typed = await db
    .selectFrom('peer_group_member as m')
    .innerJoin('peer_model as p', 'p.id', 'm.model_id')
    .innerJoin('peer_group as g', 'g.id', 'm.group_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .innerJoin('organisation_area as a', 'a.organisation_id', 'o.id')
    .select(['o.name', 'o.short_name', 'a.ags5', 'g.code'])
    .where('p.name', '=', DEMO_TYPES_NAME)
    .where('o.is_demo', '=', true)
    .where('a.valid_to', 'is', null)
    .orderBy('a.ags5')
    .execute()
  const memberType = typed.find((t) => t.ags5 === DEMO_MEMBER_AGS)?.code
  if (!memberType) return []
  const used = new Set((await db.selectFrom('organisation_area').select('ags5').execute()).map((a) => a.ags5))
  const kreise = await db
    .selectFrom('kreis')
    .select(['ags5', 'name'])
    .where('ags5', 'in', [...GE_CANDIDATES])
    .where('valid_to', 'is', null)
    .orderBy('ags5')
    .execute()
  const ge = kreise.filter((k) => !used.has(k.ags5))
  const lines = [
    'AGS;Name;Kurzname;Träger;Vergleichstyp',
    ...typed.map((t) => [t.ags5, t.name, t.short_name, 'zkT', t.code].map(csvField).join(';')),
    ...ge.map((k) =>
      [k.ags5, `Jobcenter ${k.name} (gE, synthetisch)`, `JC ${k.name} (gE)`, 'gE', memberType]
        .map(csvField)
        .join(';'),
    ),
  ]
  const summary = await importOrganisationList(database, {
    fileName: DEMO_ORGANISATION_LIST_FILE,
    bytes: new TextEncoder().encode(lines.join('\n')),
    mapping: MAPPING,
  })
  if (!summary.isCommitted)
    throw new Error(
      `${DEMO_ORGANISATION_LIST_FILE}: ${summary.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`,
    )
  if (ge.length === 0) return []
  const registered = await db
    .selectFrom('organisation as o')
    .innerJoin('organisation_area as a', 'a.organisation_id', 'o.id')
    .select(['o.id', 'a.ags5'])
    .where(
      'a.ags5',
      'in',
      ge.map((k) => k.ags5),
    )
    .where('o.carrier_type', '=', 'gE')
    .orderBy('a.ags5')
    .execute()
  await db
    .updateTable('organisation')
    .set({ is_demo: true })
    .where(
      'id',
      'in',
      registered.map((r) => r.id),
    )
    .execute()
  return registered.map((r) => ({ id: r.id, ags5: r.ags5, comparisonType: memberType }))
}
