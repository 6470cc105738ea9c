/**
 * A synthetic publication of K2 for the demo network, imported through the real importer of
 * published figure values: the last three computed months of every demo job centre, rounded as
 * the office publishes (value to one decimal, numerator whole, denominator to one decimal), the
 * newest month provisional. One value is planted wrong (the numerator of the demo member's first
 * organisation, the KCA of the demo accounts, in the newest month: +25), so the reconciliation has exactly one finding to show.
 * Labelled synthetic in the file name, the source and the batch.
 */
import type { Database } from '../../db/connect'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import { loadShippedMapping } from '../imports/load-mapping'
import { findLatestComputedMonth, findStoredValues } from '../kpi/kpi-value.repository'
import {
  importPublishedFigures,
  type PublishedFiguresSummary,
} from '../published-figures/import-published-figures'
import { DEMO_MEMBER_AGS } from './create-demo-accounts'
import { DEMO_SOURCE } from './generate/types'

export const DEMO_PUBLICATION_FILE = 'demo_48a_K2_synthetisch.csv'
const MONTHS = 3
const PLANTED_EXTRA = 25
const HEADER = 'Regionalschlüssel;Kennzahl;Merkmal;Berichtsmonat;Wert;Zähler;Nenner;Status;Vergleichstyp'

const german = (value: number, decimals: number) =>
  value.toLocaleString('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })

export async function createDemoPublication(
  database: Database,
  options: { now?: Date } = {},
): Promise<PublishedFiguresSummary | null> {
  const db = database.db
  const latest = await findLatestComputedMonth(db)
  if (latest === undefined) return null
  const organisations = await db
    .selectFrom('organisation as o')
    .innerJoin('organisation_area as a', 'a.organisation_id', 'o.id')
    .select(['o.id', 'a.ags5'])
    .where('o.is_demo', '=', true)
    .where('a.valid_to', 'is', null)
    .orderBy('o.id')
    .execute()
  const agsOf = new Map(organisations.map((o) => [o.id, o.ags5]))
  const computed = await findStoredValues(db, {
    code: 'K2',
    breakdown: 'total',
    organisationIds: [...agsOf.keys()],
    from: latest - MONTHS + 1,
    to: latest,
  })
  const lines = [HEADER]
  for (const c of computed) {
    const ags = agsOf.get(c.organisationId)
    if (!ags || c.numerator === null || c.denominator === null || !c.denominator) continue
    const isPlanted = agsOf.get(c.organisationId) === DEMO_MEMBER_AGS && c.period === latest
    const numerator = Math.round(c.numerator) + (isPlanted ? PLANTED_EXTRA : 0)
    const denominator = Math.round(c.denominator * 10) / 10
    const value = isPlanted ? (numerator / denominator) * 100 : (c.numerator / c.denominator) * 100
    const status = c.period === latest ? 'vorläufig' : 'endgültig'
    lines.push(
      [
        ags,
        'K2',
        'Insgesamt',
        formatPeriod(monthFromIndex(c.period)),
        german(value, 1),
        german(numerator, 0),
        german(denominator, 1),
        status,
        'Demo',
      ].join(';'),
    )
  }
  if (lines.length === 1) return null
  const loaded = loadShippedMapping('sgb2-kennzahlen-48a')
  if (loaded.kind !== 'published-figures')
    throw new Error('sgb2-kennzahlen-48a is no mapping of published figures')
  return importPublishedFigures(database, {
    fileName: DEMO_PUBLICATION_FILE,
    bytes: new TextEncoder().encode(lines.join('\n')),
    mapping: { ...loaded.mapping, decimal: ',', source: DEMO_SOURCE },
    mappingName: loaded.name,
    createdBy: 'demo',
    now: options.now,
  })
}
