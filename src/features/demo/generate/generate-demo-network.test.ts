import { describe, expect, it } from 'vitest'
import { monthIndex } from '../../../core/periods/period'
import { RAW_INDICATORS } from '../../indicators/catalogue'
import { generateDemoNetwork } from './generate-demo-network'
import { readDemoObservation } from './observation-columns'
import { DEMO_SOURCE, type DemoNetwork } from './types'

const FIRST = monthIndex(2015, 1)
const LAST = monthIndex(2026, 10)
const MONTHS = LAST - FIRST + 1
// How long this takes (it runs on every first start) is measured by the bench (`npm run bench -- demo`).
const net = generateDemoNetwork({ lastMonth: '2026-10' })
const cols = net.observations
const ORGS = net.organisations.length
const COUNT_CODES = RAW_INDICATORS.filter((d) => d.unit === 'persons').map((d) => d.code)

/** Monthly values in a dense cube [org][indicator][breakdown][month]; NaN where absent or missing. */
function buildCube(
  network: DemoNetwork,
): (org: number, code: string, breakdown: number, month: number) => number {
  const c = network.observations
  const codes = c.indicatorCodes
  const cube = new Float64Array(ORGS * codes.length * 3 * MONTHS).fill(NaN)
  const at = (org: number, ind: number, b: number, m: number): number =>
    ((org * codes.length + ind) * 3 + b) * MONTHS + (m - FIRST)
  for (let i = 0; i < c.count; i++) {
    if (c.indicatorFrequencies[c.indicator[i]!] !== 'monthly') continue
    cube[at(c.orgIndex[i]!, c.indicator[i]!, c.breakdown[i]!, c.period[i]!)] = c.value[i]!
  }
  return (org, code, breakdown, month) => cube[at(org, codes.indexOf(code), breakdown, month)]!
}
const get = buildCube(net)
const total = (org: number, code: string, month: number): number => get(org, code, 0, month)

function median(xs: number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** K2 as in the Kennzahlen-Verordnung: Σ integrations over 12 months / mean ELB over 12 months. */
function k2(org: number, month: number): number {
  let integrations = 0
  let stock = 0
  for (let j = 0; j < 12; j++) {
    integrations += total(org, 'integrations', month - j)
    stock += total(org, 'elb', month - j)
  }
  return (100 * integrations) / (stock / 12)
}
const yoy = (org: number, code: string, month: number): number =>
  100 * (total(org, code, month) / total(org, code, month - 12) - 1)
const everyOrg = <T>(f: (org: number) => T): T[] => Array.from({ length: ORGS }, (_, o) => f(o))

describe('generateDemoNetwork', () => {
  it('is deterministic from the seed', () => {
    const again = generateDemoNetwork({ lastMonth: '2026-10' })
    expect(again.organisations).toEqual(net.organisations)
    expect(again.rings).toEqual(net.rings)
    expect(again.observations.count).toBe(cols.count)
    expect(Buffer.from(again.observations.value.buffer).equals(Buffer.from(cols.value.buffer))).toBe(true)
    expect(Buffer.from(again.observations.missingReason).equals(Buffer.from(cols.missingReason))).toBe(true)
    const other = generateDemoNetwork({ seed: 7, lastMonth: '2026-10' })
    expect(Buffer.from(other.observations.value.buffer).equals(Buffer.from(cols.value.buffer))).toBe(false)
  })

  it('fills every column for every org, month and breakdown of the catalogue, plus yearly context', () => {
    const slots = RAW_INDICATORS.reduce((s, d) => s + d.breakdowns.length, 0)
    expect(cols.count).toBe(ORGS * (MONTHS * slots + 12 * 8))
    for (const column of [
      cols.orgIndex,
      cols.indicator,
      cols.period,
      cols.breakdown,
      cols.value,
      cols.missingReason,
    ]) {
      expect(column.length).toBe(cols.count)
    }
    expect(net.source).toBe(DEMO_SOURCE)
    expect(net.network.name).toBe('Benchlearning der Optionskommunen (Demo)')
    expect(readDemoObservation(cols, 0)).toMatchObject({
      orgIndex: 0,
      indicatorCode: 'llu',
      period: '2015-01',
    })
  })

  it('forms 10 rings of 9–12 that cover every organisation exactly once', () => {
    expect(net.rings.map((r) => r.code)).toEqual([
      'R01',
      'R02',
      'R03',
      'R04',
      'R05',
      'R06',
      'R07',
      'R08',
      'R09',
      'R10',
    ])
    for (const ring of net.rings) {
      expect(ring.members.length).toBeGreaterThanOrEqual(9)
      expect(ring.members.length).toBeLessThanOrEqual(12)
    }
    expect(net.rings.filter((r) => r.sharing === 'pseudonymised')).toHaveLength(1)
    const all = net.rings.flatMap((r) => r.members).sort((a, b) => a - b)
    expect(all).toEqual(Array.from({ length: ORGS }, (_, k) => k))
  })

  it('marks missing values as NaN with a reason, never as 0, and nothing else', () => {
    let missing = 0
    let inconsistent = 0
    for (let i = 0; i < cols.count; i++) {
      const isMissing = cols.missingReason[i] !== 0
      if (Number.isNaN(cols.value[i]!) !== isMissing) inconsistent++
      if (isMissing) missing++
    }
    expect(inconsistent).toBe(0)
    expect(missing).toBeGreaterThan(0)
  })

  it('contains the planted gaps', () => {
    const notDelivered = net.plantedGaps.find(
      (g) => g.reason === 'not_delivered' && g.periods[0] === '2017-03',
    )!
    const suppressed = net.plantedGaps.find((g) => g.reason === 'suppressed')!
    expect(notDelivered.periods).toEqual(['2017-03', '2017-04'])
    for (const month of [monthIndex(2017, 3), monthIndex(2017, 4)]) {
      expect(get(notDelivered.orgIndex, 'elb', 0, month)).toBeNaN()
      expect(get(notDelivered.orgIndex, 'llu', 0, month)).toBeNaN()
      expect(get(notDelivered.orgIndex, 'lzb', 2, month)).toBeNaN()
    }
    expect(get(notDelivered.orgIndex, 'elb', 0, monthIndex(2017, 5))).toBeGreaterThan(0)
    const june2018 = monthIndex(2018, 6)
    expect(get(suppressed.orgIndex, 'ae_integrations', 0, june2018)).toBeGreaterThanOrEqual(0)
    expect(get(suppressed.orgIndex, 'ae_integrations', 1, june2018)).toBeNaN()
    expect(get(suppressed.orgIndex, 'ae_integrations', 2, june2018)).toBeNaN()
    const reasons = new Set<string>()
    for (let i = 0; i < cols.count; i++) {
      if (cols.missingReason[i] === 0) continue
      const row = readDemoObservation(cols, i)
      expect(row.value).toBeNull()
      reasons.add(row.missingReason!)
    }
    expect([...reasons].sort()).toEqual(['not_delivered', 'suppressed'])
  })

  it('has integer, non-negative counts with total = women + men', () => {
    for (let o = 0; o < ORGS; o++) {
      for (const code of COUNT_CODES) {
        for (let m = FIRST; m <= LAST; m++) {
          const [t, w, men] = [get(o, code, 0, m), get(o, code, 1, m), get(o, code, 2, m)]
          if (Number.isNaN(w) || Number.isNaN(men)) continue
          if (!(Number.isInteger(t) && w >= 0 && men >= 0)) expect.fail(`${code} org ${o} month ${m}: ${t}`)
          if (t !== w + men) expect.fail(`${code} org ${o} month ${m}: ${t} ≠ ${w} + ${men}`)
        }
      }
    }
  })

  it('rounds euros to cents', () => {
    for (let o = 0; o < ORGS; o += 7) {
      for (const code of ['llu', 'luh']) {
        const v = total(o, code, monthIndex(2021, 3))
        expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-6)
      }
    }
  })

  it('keeps stocks and flows consistent: stock(m) ≈ stock(m−1) + inflows − outflows', () => {
    for (let o = 0; o < ORGS; o++) {
      for (const [stock, inflows, outflows] of [
        ['elb', 'elb_inflows', 'elb_outflows'],
        ['lzb', 'lzb_inflows', 'lzb_outflows'],
      ] as const) {
        for (let m = FIRST + 1; m <= LAST; m++) {
          const gap =
            total(o, stock, m) - total(o, stock, m - 1) - total(o, inflows, m) + total(o, outflows, m)
          if (Number.isNaN(gap)) continue
          if (Math.abs(gap) > 0.012 * total(o, stock, m))
            expect.fail(`${stock} org ${o} month ${m}: off by ${gap}`)
        }
      }
    }
  })

  it('gives plausible key figures K2, K1 and K3 for 2019-12', () => {
    const dec2019 = monthIndex(2019, 12)
    const integrationRates = everyOrg((o) => k2(o, dec2019))
    expect(median(integrationRates)).toBeGreaterThan(18)
    expect(median(integrationRates)).toBeLessThan(26)
    for (const r of integrationRates) expect(r > 8 && r < 40).toBe(true)
    const lluChange = everyOrg((o) => yoy(o, 'llu', dec2019))
    const lzbChange = everyOrg((o) => yoy(o, 'lzb', dec2019))
    for (const changes of [lluChange, lzbChange]) {
      expect(Math.abs(median(changes))).toBeLessThan(6)
      for (const c of changes) expect(Math.abs(c)).toBeLessThan(15)
    }
  })

  it('shows the 2020 pandemic shock and the 2022 rise', () => {
    const elbChange = (m: number): number => median(everyOrg((o) => yoy(o, 'elb', m)))
    expect(elbChange(monthIndex(2019, 6))).toBeLessThan(0)
    expect(elbChange(monthIndex(2020, 6))).toBeGreaterThan(1.5)
    expect(elbChange(monthIndex(2021, 12))).toBeLessThan(0)
    expect(elbChange(monthIndex(2022, 12))).toBeGreaterThan(2)
    const k2Median = (m: number): number => median(everyOrg((o) => k2(o, m)))
    expect(k2Median(monthIndex(2020, 12))).toBeLessThan(k2Median(monthIndex(2019, 12)) - 1.5)
  })

  it('keeps some organisations consistently ahead on integrations', () => {
    const rank = (m: number): number[] => {
      const rates = everyOrg((o) => k2(o, m))
      return [...rates.keys()].sort((a, b) => rates[b]! - rates[a]!).slice(0, 15)
    }
    const early = new Set(rank(monthIndex(2017, 12)))
    const late = rank(monthIndex(2024, 12))
    expect(late.filter((o) => early.has(o)).length).toBeGreaterThanOrEqual(8)
  })

  it('gives plausible yearly context values', () => {
    const byCode = new Map<string, number[]>()
    for (let i = 0; i < cols.count; i++) {
      if (cols.indicatorFrequencies[cols.indicator[i]!] !== 'yearly' || cols.missingReason[i] !== 0) continue
      const code = cols.indicatorCodes[cols.indicator[i]!]!
      byCode.set(code, [...(byCode.get(code) ?? []), cols.value[i]!])
    }
    const within = (code: string, min: number, max: number): void => {
      for (const v of byCode.get(code)!) {
        if (v < min || v > max) expect.fail(`${code} = ${v} outside ${min}–${max}`)
      }
    }
    within('sgb2_rate', 2.5, 20)
    within('unemployment_rate', 2.5, 10)
    within('gdp_per_employed', 55, 115)
    within('tourism_intensity', 0.3, 40)
    within('settlement_type', 1, 4)
    expect(byCode.get('gdp_per_employed')!.length).toBe(ORGS * 11)
  })
})
