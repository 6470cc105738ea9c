import { describe, expect, it } from 'vitest'
import { describeAmount, describePeerTarget, describePooledEffect, describeRange } from './describe-potential'

describe('describing potentials', () => {
  it('people a year, people in the month and euros a year, in German and English', () => {
    const integrations = {
      series: 'integrations',
      isMoney: false,
      amount: 140,
      amountPerYear: 140,
      per: 'year' as const,
    }
    expect(describeAmount('de', integrations)).toBe('etwa 140 Integrationen mehr im Jahr')
    expect(describeAmount('en', integrations)).toBe('about 140 more integrations a year')
    const stock = { series: 'lzb', isMoney: false, amount: -150, amountPerYear: -150, per: 'month' as const }
    expect(describeAmount('de', stock)).toBe('etwa 150 Langzeitleistungsbeziehende weniger im Monat')
    expect(describeAmount('en', stock)).toBe('about 150 fewer long-term beneficiaries in the month')
    const money = {
      series: 'llu',
      isMoney: true,
      amount: -300_000,
      amountPerYear: -3_600_000,
      per: 'year' as const,
    }
    expect(describeAmount('de', money)).toBe('etwa 3,6\u00a0Mio.\u00a0€ weniger im Jahr')
    expect(describeAmount('en', money)).toBe('about €3.6m less a year')
    expect(describeRange('de', { low: -70, high: 350 }, false)).toBe(
      'über das Prognoseintervall zwischen \u221270 und 350',
    )
  })

  it('says where quartiles are withheld, and words pooled effects as a hint', () => {
    expect(describePeerTarget('de', 'mean', 'Netzwerk')).toContain('Mittelwert (Netzwerk; Quartile werden')
    const text = describePooledEffect('de', {
      estimate: 2.4,
      standardError: 0.894,
      lower: 0.65,
      upper: 4.15,
      adoptions: 2,
      direction: 'favourable',
    })
    expect(text).toBe(
      'Wo andere es übernommen haben: im Mittel 2,4 Prozentpunkte Unterschied, günstiger als bei den Vergleichspartnern (95-%-Intervall 0,7 bis 4,2; 2 Übernahmen). Ein Hinweis, kein Beweis.',
    )
  })
})
