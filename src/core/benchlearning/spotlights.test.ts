import { describe, expect, it } from 'vitest'
import { spotlightWords } from './spotlight-text'
import { selectSpotlights, type Spotlight, type SpotlightFigure } from './spotlights'

const K2: SpotlightFigure = {
  code: 'K2',
  nameDe: 'Integrationsquote',
  nameEn: 'Integration rate',
  polarity: 'higher_is_better',
}
const K1: SpotlightFigure = {
  code: 'K1',
  nameDe: 'Veränderung der Summe der Leistungen',
  nameEn: 'Change in the sum of benefits',
  polarity: 'lower_is_better',
}
const K3E2: SpotlightFigure = {
  code: 'K3E2',
  nameDe: 'Aktivierungsquote LZB',
  nameEn: 'Activation rate LTB',
  polarity: 'context',
}
const period = '2025-06'
/** Most candidates rest on computed values; one below on published ones. */
const source = 'computed' as const
const name = (id: number) => `Jobcenter ${id}`
/** A spotlight's sentence as a reader of the language sees it. */
const sentence = (s: Spotlight, locale: 'de' | 'en' = 'de') =>
  spotlightWords(locale, { ...s, organisation: { name: s.organisationName } }).sentence

describe('selectSpotlights', () => {
  const spotlights = selectSpotlights({
    changes: [
      {
        figure: K2,
        organisationId: 1,
        name: name(1),
        value: 20,
        valuePreviousYear: 18,
        ringSpread: 1.5,
        period,
        source: 'published',
      },
      {
        figure: K2,
        organisationId: 2,
        name: name(2),
        value: 15,
        valuePreviousYear: 16,
        ringSpread: 1.5,
        period,
        source,
      },
      {
        figure: K1,
        organisationId: 2,
        name: name(2),
        value: 3,
        valuePreviousYear: 1,
        ringSpread: 1,
        period,
        source,
      },
      {
        figure: K1,
        organisationId: 3,
        name: name(3),
        value: -1,
        valuePreviousYear: 0,
        ringSpread: 1,
        period,
        source,
      },
    ],
    residuals: [
      {
        figure: K2,
        organisationId: 3,
        name: name(3),
        actual: 25,
        expected: 20,
        lower: 17,
        upper: 23,
        period,
        source,
      },
      {
        figure: K2,
        organisationId: 1,
        name: name(1),
        actual: 19,
        expected: 20,
        lower: 17,
        upper: 23,
        period,
        source,
      },
      {
        figure: K1,
        organisationId: 4,
        name: name(4),
        actual: -5,
        expected: 1,
        lower: -2,
        upper: 4,
        period,
        source,
      },
    ],
    leaders: [
      {
        figure: K2,
        organisationId: 1,
        name: name(1),
        value: 20,
        rank: 1,
        n: 10,
        groupMedian: 17.5,
        monthsInTopQuartile: 10,
        monthsConsidered: 12,
        period,
        source,
      },
      {
        figure: K1,
        organisationId: 2,
        name: name(2),
        value: -3,
        rank: 1,
        n: 10,
        groupMedian: 0.5,
        monthsInTopQuartile: 8,
        monthsConsidered: 12,
        period,
        source,
      },
      {
        figure: K3E2,
        organisationId: 5,
        name: name(5),
        value: 40,
        rank: 1,
        n: 10,
        groupMedian: 30,
        monthsInTopQuartile: 12,
        monthsConsidered: 12,
        period,
        source,
      },
    ],
  })

  it('takes the largest change per figure, ordered by change in units of the ring spread', () => {
    const changes = spotlights.filter((s) => s.kind === 'largest_change')
    // K1: |+2| / 1 = 2; K2: |+2| / 1.5 = 1.33.
    expect(changes.map((s) => [s.figureCode, s.organisationId, s.score])).toEqual([
      ['K1', 2, 2],
      ['K2', 1, 2 / 1.5],
    ])
    expect(changes[0]!.numbers).toEqual({ value: 3, valuePreviousYear: 1, change: 2 })
    // Each spotlight says where its values come from (K2 of organisation 1 rests on published ones).
    expect(changes.map((s) => s.source)).toEqual(['computed', 'published'])
    expect(sentence(changes[0]!)).toBe(
      'Jobcenter 2: Veränderung der Summe der Leistungen (K1) 3,0\u00a0% im Juni 2025 nach 1,0\u00a0% ein Jahr zuvor ' +
        '(+2,0 Prozentpunkte) – eine Verschlechterung; die größte Veränderung dieser Kennzahl im Ring.',
    )
  })

  it('takes values outside the prediction interval, ordered by distance in half-widths', () => {
    const residuals = spotlights.filter((s) => s.kind === 'beyond_expectation')
    // K1 org 4: 3 below an interval of half-width 3 → 1; K2 org 3: 2 above half-width 3 → 0.67.
    expect(residuals.map((s) => [s.figureCode, s.organisationId])).toEqual([
      ['K1', 4],
      ['K2', 3],
    ])
    expect(residuals[0]!.score).toBe(1)
    expect(sentence(residuals[1]!)).toBe(
      'Jobcenter 3: Integrationsquote (K2) 25,0\u00a0% im Juni 2025, über dem erwarteten Wert von 20,0\u00a0% und außerhalb ' +
        'des 95-%-Prognoseintervalls (17,0 bis 23,0\u00a0%) – besser als unter diesen Rahmenbedingungen erwartet.',
    )
    expect(sentence(residuals[0]!)).toContain('unter dem erwarteten Wert von 1,0\u00a0%')
    expect(sentence(residuals[0]!)).toContain('besser als')
    // The same numbers in English: English names, decimal points, the month written out.
    expect(sentence(residuals[1]!, 'en')).toBe(
      'Jobcenter 3: Integration rate (K2) 25.0\u00a0% in June 2025, above the expected value of 20.0\u00a0% and outside ' +
        'the 95\u00a0% prediction interval (17.0 to 23.0\u00a0%) – better than expected under these conditions.',
    )
  })

  it('names consistent leaders only (rank 1, at least 9 of 12 months), never for context figures', () => {
    const leaders = spotlights.filter((s) => s.kind === 'excellence')
    expect(leaders.map((s) => [s.figureCode, s.organisationId])).toEqual([['K2', 1]])
    expect(sentence(leaders[0]!)).toBe(
      'Jobcenter 1 führt den Ring bei Integrationsquote (K2) mit 20,0\u00a0% im Juni 2025 (Median des Rings 17,5\u00a0%) ' +
        'und lag in 10 von 12 Monaten im besten Viertel.',
    )
  })

  it('limits each kind and spreads over organisations', () => {
    const one = selectSpotlights({
      perKind: 1,
      changes: [
        {
          figure: K2,
          organisationId: 1,
          name: name(1),
          value: 25,
          valuePreviousYear: 18,
          ringSpread: 1,
          period,
          source,
        },
        {
          figure: K1,
          organisationId: 1,
          name: name(1),
          value: 9,
          valuePreviousYear: 1,
          ringSpread: 1,
          period,
          source,
        },
      ],
      residuals: [],
      leaders: [],
    })
    expect(one.map((s) => s.figureCode)).toEqual(['K1'])
  })
})
