/**
 * A synthetic publication of K2 for the demo network, imported through the real importer of
 * published figure values: the last three computed months of every demo job centre, rounded as
 * the office publishes (value to one decimal, numerator whole, denominator to one decimal), the
 * newest month provisional. One value is planted wrong (the numerator of the demo member's first
 * organisation, the KCA of the demo accounts, in the newest month: +25), so the reconciliation has exactly one finding to show.
 * The gE job centres the demo registers in the member's comparison type (outside the network, see
 * register-demo-comparison-types) get published K2 values only: the type's mean of the month times a
 * fixed factor, over a fixed synthetic caseload.
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
import { registerDemoComparisonTypes } from './register-demo-comparison-types'

export const DEMO_PUBLICATION_FILE = 'demo_48a_K2_synthetisch.csv'
const MONTHS = 3
const PLANTED_EXTRA = 25
/** Per registered gE: its K2 relative to the type's mean, and its caseload (denominator). */
const GE_PROFILES = [
  { factor: 0.9, denominator: 14_250.5 },
  { factor: 1.05, denominator: 38_940.2 },
  { factor: 1.15, denominator: 9_870.8 },
  { factor: 0.8, denominator: 21_415.3 },
] as const
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
  const geCentres = await registerDemoComparisonTypes(database)
  const organisations = await db
    .selectFrom('organisation as o')
    .innerJoin('organisation_area as a', 'a.organisation_id', 'o.id')
    .select(['o.id', 'a.ags5', 'o.comparison_type'])
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
  const typeOf = new Map(organisations.map((o) => [o.id, o.comparison_type ?? '']))
  const line = (
    ags: string,
    period: number,
    value: number,
    numerator: number,
    denominator: number,
    type: string,
  ) =>
    [
      ags,
      'K2',
      'Insgesamt',
      formatPeriod(monthFromIndex(period)),
      german(value, 1),
      german(numerator, 0),
      german(denominator, 1),
      period === latest ? 'vorläufig' : 'endgültig',
      type,
    ].join(';')
  for (const c of computed) {
    const ags = agsOf.get(c.organisationId)
    if (!ags || c.numerator === null || c.denominator === null || !c.denominator) continue
    const isPlanted = agsOf.get(c.organisationId) === DEMO_MEMBER_AGS && c.period === latest
    const numerator = Math.round(c.numerator) + (isPlanted ? PLANTED_EXTRA : 0)
    const denominator = Math.round(c.denominator * 10) / 10
    const value = isPlanted ? (numerator / denominator) * 100 : (c.numerator / c.denominator) * 100
    lines.push(line(ags, c.period, value, numerator, denominator, typeOf.get(c.organisationId)!))
  }
  for (const [index, centre] of geCentres.entries()) {
    const profile = GE_PROFILES[index % GE_PROFILES.length]!
    for (let period = latest - MONTHS + 1; period <= latest; period++) {
      const ratios = computed
        .filter((c) => c.period === period && typeOf.get(c.organisationId) === centre.comparisonType)
        .flatMap((c) => (c.numerator !== null && c.denominator ? [c.numerator / c.denominator] : []))
      if (ratios.length === 0) continue
      const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length
      const numerator = Math.round(mean * profile.factor * profile.denominator)
      lines.push(
        line(
          centre.ags5,
          period,
          (numerator / profile.denominator) * 100,
          numerator,
          profile.denominator,
          centre.comparisonType,
        ),
      )
    }
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
