/**
 * Own key figures at scale: the 104 job centres × 144 months of bench/kpi.ts, then many own figures
 * (written straight into the table, as a database that grew before the limits would hold them),
 * and what one more definition, the next computation and the start page's summaries cost then.
 * Issue 10 measured 3–5 s a definition and 11 s for the summaries with 1,893 own figures.
 * Run alone with `node bin/run-ts.mjs bench/own-figures.ts [count]` (PostgreSQL; PGlite without one).
 */
import { pathToFileURL } from 'node:url'
import { openDatabase, type Database } from '../src/db/connect'
import { listKreise } from '../src/features/areas/kreis-register'
import { computeKeyFigures } from '../src/features/kpi/compute-key-figures'
import { createFigure, readCatalogue } from '../src/features/kpi/figure-catalogue'
import { clearKpiCache } from '../src/features/kpi/kpi-cache'
import { monthIndexOf } from '../src/features/kpi/load-series'
import { prepareFigureSummaries } from '../src/features/kpi/prepare-figure-summaries'
import { readFigureValues } from '../src/features/kpi/read-figure-values'
import { insertOwnFigure } from '../src/test/factories'
import { prepare } from './kpi'
import { createBenchDatabase } from './postgres'
import type { BenchResult } from './types'

const ORGANISATIONS = 104
const OWN_FIGURES = 1893

const FORMULAS = [
  ['sum(integrations, 12)', 'mean(lzb, 12)'],
  ['elb_outflows', 'lag(elb, 1)'],
  ['lzb_active + lzb_integrations', 'lzb'],
  ['change(elb, 12)', '1'],
] as const

async function seconds<T>(step: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await step()
  return [result, (performance.now() - started) / 1000]
}

async function measure(database: Database, label: string, count: number): Promise<BenchResult[]> {
  const districts = listKreise()
    .filter((k) => k.validTo === null)
    .map((k) => k.ags5)
    .slice(0, ORGANISATIONS)
  await prepare(database, districts)
  // Quick: only the official figures are computed (before the own ones are added) and the
  // computation after the definition is left out; definition and summaries read no own values.
  const isQuick = process.env.BENCH_OWN_FIGURES_QUICK === '1'
  if (isQuick) await computeKeyFigures(database, { isFull: true })
  await database.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const [numerator, denominator] = FORMULAS[i % FORMULAS.length]!
      await insertOwnFigure(tx.db, { code: `OWN_${i}`, numerator, denominator, createdBy: 'bench' })
    }
  })
  const [full, fullSeconds] = isQuick
    ? [undefined, 0]
    : await seconds(() => computeKeyFigures(database, { isFull: true }))
  const [, define] = await seconds(() =>
    createFigure(database, {
      request: {
        // A new version: a new figure would be refused now (at most 300 own figures in the network).
        code: 'OWN_0',
        nameDe: 'Neu',
        nameEn: 'New',
        explanationDe: '',
        explanationEn: '',
        numerator: 'sum(integrations, 12)',
        denominator: 'mean(elb, 12)',
        unit: '%',
        transform: 'percent',
        polarity: 'higher_is_better',
        hasSexBreakdown: false,
        validFrom: '2024-01',
        legalSource: '',
      },
      createdBy: 'bench',
    }),
  )
  const [computed, compute] = isQuick ? [undefined, 0] : await seconds(() => computeKeyFigures(database))
  const viewer = {
    userId: 0,
    role: 'admin' as const,
    organisationId: null,
    ringIds: [],
    moderatedRingIds: [],
  }
  const [, summaries] = await seconds(async () => {
    clearKpiCache(database.db)
    const { summarise, memo } = await prepareFigureSummaries(database.db, {
      request: { org: districts[0]!, group: 'all', breakdown: 'total' },
      viewer,
      now: new Date(),
    })
    const codes = (await memo('catalogue', () => readCatalogue(database.db))).figures
      .filter((f) => f.current.isOfficial)
      .map((f) => f.code)
    await Promise.all(codes.map((code) => summarise(code)))
  })
  const organisationIds = (await database.db.selectFrom('organisation').select('id').execute()).map(
    (o) => o.id,
  )
  const [, asOf] = await seconds(() =>
    readFigureValues(database.db, {
      code: 'K2',
      breakdown: 'total',
      organisationIds,
      from: monthIndexOf('2023-01'),
      to: monthIndexOf('2023-12'),
      asOf: new Date('2024-01-02T00:00:00Z'),
    }),
  )
  const note = `${count.toLocaleString('en-GB')} own figures, ${ORGANISATIONS} orgs × 144 months`
  return [
    ...(full && computed
      ? [
          {
            name: `full computation with the own figures (${label})`,
            value: fullSeconds,
            unit: 's',
            note: `${full.figures} figures, ${full.valuesWritten.toLocaleString('en-GB')} values`,
          },
          {
            name: `computation after the definition (${label})`,
            value: compute,
            unit: 's',
            note: `${computed.kind}: ${computed.reason}; ${computed.valuesWritten.toLocaleString('en-GB')} values`,
          },
        ]
      : []),
    { name: `define a new version of an own figure (${label})`, value: define, unit: 's', note },
    { name: `summaries of the 15 official figures, cold (${label})`, value: summaries, unit: 's', note },
    { name: `K2 of every organisation as of an instant (${label})`, value: asOf, unit: 's', note },
  ]
}

export async function bench(count = OWN_FIGURES): Promise<BenchResult[]> {
  const target = await createBenchDatabase('own_figures')
  const database = await openDatabase(target ? { databaseUrl: target.url } : {})
  try {
    return await measure(database, target ? 'PostgreSQL' : 'PGlite', count)
  } finally {
    await database.close()
    await target?.drop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = process.argv[2] ? Number(process.argv[2]) : undefined
  for (const r of await bench(count))
    console.log(`${r.name}: ${r.value.toFixed(3)} ${r.unit} — ${r.note ?? ''}`)
}
