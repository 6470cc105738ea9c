/**
 * Key-figure core: all 15 official figures for 400 organisations × 144 months × 3 breakdowns from
 * synthetic in-memory series (no database). Run alone with `node bin/run-ts.mjs bench/kpi-core.ts`.
 */
import { pathToFileURL } from 'node:url'
import { evaluateFigures, type MonthlySeries, type OrganisationSeries } from '../src/core/kpi/evaluate'
import { OFFICIAL_FIGURES } from '../src/core/kpi/official-figures'
import { createRandom } from '../src/core/random'
import { RAW_INDICATORS } from '../src/features/indicators/catalogue'
import { FORMULA_BOUND_MS, FORMULA_FUZZ_RUN, runFormulaFuzz } from '../src/test/formula-fuzz'
import { peakRssMb, type BenchResult } from './types'

const ORGANISATIONS = 400
const MONTHS = 144
const BREAKDOWNS = ['total', 'women', 'men']

function buildSyntheticSeries(): Map<string, OrganisationSeries> {
  const random = createRandom(48)
  const all = new Map<string, OrganisationSeries>()
  for (let o = 0; o < ORGANISATIONS; o++) {
    const size = 2000 + random() * 20000
    const byBreakdown = new Map<string, Map<string, MonthlySeries>>()
    for (const breakdown of BREAKDOWNS) {
      const share = breakdown === 'total' ? 1 : 0.5
      const byIndicator = new Map<string, MonthlySeries>()
      for (const indicator of RAW_INDICATORS) {
        if (breakdown !== 'total' && !indicator.breakdowns.includes(breakdown)) continue
        const scale = indicator.unit === 'EUR' ? size * 450 : size * share * (0.02 + random() * 0.1)
        const values = new Float64Array(MONTHS)
        for (let m = 0; m < MONTHS; m++) {
          // ~0.2 % of months are missing, so the missing-value paths are exercised too
          values[m] = random() < 0.002 ? NaN : Math.round(scale * (0.9 + 0.2 * random()))
        }
        byIndicator.set(indicator.code, { values })
      }
      byBreakdown.set(breakdown, byIndicator)
    }
    all.set(`org${o}`, byBreakdown)
  }
  return all
}

export async function bench(): Promise<BenchResult[]> {
  const series = buildSyntheticSeries()
  const indicatorCodes = RAW_INDICATORS.map((i) => i.code)
  const run = () =>
    evaluateFigures({ definitions: OFFICIAL_FIGURES, indicatorCodes, startMonth: '2012-01', series })
  run() // warm-up: lets V8 optimise the kernels before timing
  const started = performance.now()
  const results = run()
  const seconds = (performance.now() - started) / 1000
  let values = 0
  for (const r of results) for (const v of r.value) if (!Number.isNaN(v)) values++
  return [
    {
      name: `evaluate 15 figures, ${ORGANISATIONS} orgs × ${MONTHS} months × 3 breakdowns (in memory)`,
      value: Number(seconds.toFixed(3)),
      unit: 's',
      target: '< 1 s',
      isMet: seconds < 1,
      note: `${results.length} figure series, ${values} values present`,
    },
    formulaFuzz(),
    { name: 'kpi core peak memory (RSS)', value: Math.round(await peakRssMb()), unit: 'MB' },
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await bench())
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}${r.note ? ` — ${r.note}` : ''}`,
    )
}

/** The slowest of the fuzz test's formulas (src/core/kpi/formula-fuzz.test.ts): defined and evaluated. */
function formulaFuzz(): BenchResult {
  const { slowestMs, accepted } = runFormulaFuzz(FORMULA_FUZZ_RUN)
  return {
    name: `slowest of ${FORMULA_FUZZ_RUN.count} fuzzed formulas: check + evaluate 2 breakdowns × 48 months`,
    value: Number(slowestMs.toFixed(1)),
    unit: 'ms',
    target: `< ${FORMULA_BOUND_MS} ms`,
    isMet: slowestMs < FORMULA_BOUND_MS,
    note: `${accepted} accepted and evaluated`,
  }
}
