import { describe, expect, it } from 'vitest'
import { describeFigureFormula, describeFormulaNode } from './describe-formula'
import { parseFormula } from './formula-parser'
import { OFFICIAL_FIGURES } from './official-figures'

const NAMES: Record<string, { de: string; en: string }> = {
  integrations: { de: 'Integrationen', en: 'integrations' },
  elb: { de: 'Bestand an erwerbsfähigen Leistungsberechtigten', en: 'stock of employable beneficiaries' },
  llu: { de: 'Leistungen zum Lebensunterhalt', en: 'benefits for living costs' },
}
const nameOf = (locale: 'de' | 'en') => (code: string) => NAMES[code]?.[locale] ?? `«${code}»`

describe('describeFigureFormula (plain words for a figure)', () => {
  it('says K2 as "Integrationen der letzten 12 Monate geteilt durch den durchschnittlichen Bestand"', () => {
    const k2 = OFFICIAL_FIGURES.find((f) => f.code === 'K2')!
    expect(describeFigureFormula(k2, 'de', nameOf('de'))).toBe(
      'Summe von Integrationen der letzten 12 Monate geteilt durch Durchschnitt von Bestand an erwerbsfähigen Leistungsberechtigten der letzten 12 Monate, in Prozent.',
    )
    expect(describeFigureFormula(k2, 'en', nameOf('en'))).toBe(
      'Sum of integrations over the last 12 months divided by average of stock of employable beneficiaries over the last 12 months, in percent.',
    )
  })

  it('says a change rate (K1) as a change in percent against the month a year before', () => {
    const k1 = OFFICIAL_FIGURES.find((f) => f.code === 'K1')!
    expect(describeFigureFormula(k1, 'de', nameOf('de'))).toBe(
      'Veränderung in Prozent: Leistungen zum Lebensunterhalt im Vergleich zu Leistungen zum Lebensunterhalt vor 12 Monaten (Verhältnis der beiden minus 1, mal 100).',
    )
  })

  it('words every official figure without formula syntax, and leaves out a denominator of 1', () => {
    for (const figure of OFFICIAL_FIGURES)
      for (const locale of ['de', 'en'] as const) {
        const text = describeFigureFormula(figure, locale, nameOf(locale))
        expect(text, `${figure.code} ${locale}`).not.toMatch(/\b(sum|mean|lag|change)\(|[·*]/)
        if (figure.denominator === '1') expect(text).not.toMatch(/geteilt durch 1\b|divided by 1\b/)
      }
  })

  it('brackets nested operations and names breakdowns', () => {
    const node = parseFormula('mean(elb_outflows / lag(elb, 1), 12)[women]')
    expect(describeFormulaNode(node, 'de', nameOf('de'))).toBe(
      'Durchschnitt von («elb_outflows» geteilt durch Bestand an erwerbsfähigen Leistungsberechtigten vor 1 Monat) der letzten 12 Monate (Frauen)',
    )
  })
})
