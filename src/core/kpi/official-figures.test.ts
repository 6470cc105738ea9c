import { describe, expect, it } from 'vitest'
import { RAW_INDICATORS } from '../../features/indicators/catalogue'
import { evaluateFigure, type MonthlySeries } from './evaluate'
import { checkFigureDefinitions, selectFigureVersion } from './figure-definition'
import { OFFICIAL_FIGURES } from './official-figures'

const INDICATORS = RAW_INDICATORS.map((i) => i.code)

describe('OFFICIAL_FIGURES', () => {
  const checked = checkFigureDefinitions({
    definitions: OFFICIAL_FIGURES,
    vocabulary: { indicatorCodes: INDICATORS },
  })
  const byCode = new Map(checked.map((c) => [c.definition.code, c]))

  it('defines the 15 figures of § 48a SGB II with valid formulas over catalogue codes', () => {
    expect([...byCode.keys()].sort()).toEqual(
      [
        'K1',
        'K1E1',
        'K1E2',
        'K1E3',
        'K1E4',
        'K2',
        'K2E1',
        'K2E2',
        'K2E3',
        'K2E4',
        'K3',
        'K3E1',
        'K3E2',
        'K3E3',
        'K3E4',
      ].sort(),
    )
    for (const f of OFFICIAL_FIGURES) {
      expect(f.version).toBe(1)
      expect(f.unit).toBe('%')
      expect(f.legalSource).toMatch(/§ 48a SGB II/)
      expect(f.explanationDe.length).toBeGreaterThan(40)
      expect(f.explanationEn.length).toBeGreaterThan(40)
    }
  })

  it('uses the change-rate display exactly for K1, K1E1, K1E2 and K3', () => {
    expect(OFFICIAL_FIGURES.filter((f) => f.transform === 'change_rate').map((f) => f.code)).toEqual([
      'K1',
      'K1E1',
      'K1E2',
      'K3',
    ])
  })

  it('has the polarity of the regulation table', () => {
    const polarity = Object.fromEntries(OFFICIAL_FIGURES.map((f) => [f.code, f.polarity]))
    expect(polarity).toEqual({
      K1: 'lower_is_better',
      K1E1: 'lower_is_better',
      K1E2: 'lower_is_better',
      K1E3: 'lower_is_better',
      K1E4: 'higher_is_better',
      K2: 'higher_is_better',
      K2E1: 'context',
      K2E2: 'context',
      K2E3: 'higher_is_better',
      K2E4: 'higher_is_better',
      K3: 'lower_is_better',
      K3E1: 'higher_is_better',
      K3E2: 'context',
      K3E3: 'lower_is_better',
      K3E4: 'higher_is_better',
    })
  })

  it('knows how much history each figure needs', () => {
    const history = Object.fromEntries(checked.map((c) => [c.definition.code, c.requiredHistory]))
    expect(history).toMatchObject({ K1: 13, K1E3: 12, K1E4: 13, K2: 12, K2E3: 12, K3E2: 1, K3E4: 13 })
  })

  it('splits by sex only where the raw series are split', () => {
    expect(OFFICIAL_FIGURES.filter((f) => !f.hasSexBreakdown).map((f) => f.code)).toEqual(['K1', 'K1E1'])
  })

  it('selects the version valid in a month', () => {
    const v2 = { ...OFFICIAL_FIGURES[5]!, version: 2, validFrom: '2024-01-01' }
    const all = [...OFFICIAL_FIGURES, v2]
    expect(selectFigureVersion({ definitions: all, code: 'K2', month: '2023-12' })?.version).toBe(1)
    expect(selectFigureVersion({ definitions: all, code: 'K2', month: '2024-01' })?.version).toBe(2)
    expect(selectFigureVersion({ definitions: all, code: 'K2', month: '2010-12' })).toBeUndefined()
  })
})

describe('K1E3 is the mean of twelve monthly rates, not a ratio of sums', () => {
  it('matches the regulation on uneven data', () => {
    // inflows 10, 20, 10, 20, … and ELB 100, 400, 100, 400, …
    // monthly rates 0.1 and 0.05 alternate → mean 0.075 → 7.5 %
    // (a ratio of sums would give 180 / 3000 = 6 %, which is not the regulation's figure)
    const months = 12
    const inflows: MonthlySeries = {
      values: Float64Array.from({ length: months }, (_, i) => (i % 2 ? 20 : 10)),
    }
    const elb: MonthlySeries = {
      values: Float64Array.from({ length: months }, (_, i) => (i % 2 ? 400 : 100)),
    }
    const r = evaluateFigure({
      code: 'K1E3',
      definitions: OFFICIAL_FIGURES,
      indicatorCodes: INDICATORS,
      series: new Map([
        [
          'total',
          new Map([
            ['elb_inflows', inflows],
            ['elb', elb],
          ]),
        ],
      ]),
      breakdown: 'total',
      startMonth: '2020-01',
    })
    expect(r.value[11]).toBeCloseTo(7.5, 13)
    expect(r.denominator[11]).toBe(1)
  })
})
