import { describe, expect, it } from 'vitest'
import { compareShownNames, orderAsSeen } from './order-as-seen'

describe('orderAsSeen', () => {
  it('sorts by the shown name, so pseudonyms come in the order of their letters', () => {
    const entries = [
      { realName: 'Aachen', shown: 'Jobcenter C (Vergleichsring 2)' },
      { realName: 'Zwickau', shown: 'Jobcenter A (Vergleichsring 2)' },
      { realName: 'Bonn', shown: 'Jobcenter B (Vergleichsring 2)' },
    ]
    expect(orderAsSeen(entries, (e) => e.shown).map((e) => e.realName)).toEqual(['Zwickau', 'Bonn', 'Aachen'])
  })
  it('puts two-letter pseudonyms after one-letter ones of the same ring', () => {
    expect(compareShownNames('Jobcenter AA (Ring 1)', 'Jobcenter Z (Ring 1)')).toBeGreaterThan(0)
    expect(compareShownNames('Jobcenter B (Ring 1)', 'Jobcenter A (Ring 1)')).toBeGreaterThan(0)
  })
  it('collates German names (umlauts, case) and keeps ties in input order', () => {
    const names = ['Überlingen', 'ulm', 'Aalen', 'Öhringen', 'Aalen']
    expect(
      orderAsSeen(
        names.map((n, i) => ({ n, i })),
        (e) => e.n,
      ).map((e) => e.i),
    ).toEqual([2, 4, 3, 0, 1])
  })
})
