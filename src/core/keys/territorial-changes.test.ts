import { describe, expect, it } from 'vitest'
import { normaliseKreisAgs } from './ags'
import {
  findContinuingMerger,
  findEndedDistrict,
  listEndedDistricts,
  sumForSuccessor,
  TERRITORIAL_EVENTS,
} from './territorial-changes'

describe('the register of territorial changes since 2000', () => {
  it.each([
    // old key, last day, successor(s), pure merger?
    ['03201', '2001-10-31', ['03241'], true],
    ['03253', '2001-10-31', ['03241'], true],
    ['15202', '2007-06-30', ['15002'], true],
    ['15355', '2007-06-30', ['15083'], true],
    ['15151', '2007-06-30', ['15001', '15082', '15086', '15091'], false],
    ['15101', '2007-06-30', ['15001'], false],
    ['14171', '2008-07-31', ['14521'], true],
    ['14262', '2008-07-31', ['14612'], true],
    ['05313', '2009-10-20', ['05334'], true],
    ['05354', '2009-10-20', ['05334'], true],
    ['13052', '2011-09-03', ['13071', '13075'], false],
    ['13054', '2011-09-03', ['13076'], true],
    ['03152', '2016-10-31', ['03159'], true],
    ['03156', '2016-10-31', ['03159'], true],
    ['16056', '2021-06-30', ['16063'], true],
  ] as const)('%s ended on %s → %j (pure merger: %s)', (ags5, validTo, successors, isPure) => {
    const ended = findEndedDistrict(ags5)!
    expect(ended.validTo).toBe(validTo)
    expect(ended.successors.map((s) => s.ags5)).toEqual(successors)
    expect(ended.mergerInto !== null).toBe(isPure)
  })

  it('keeps keys that continue (Rostock, Schwerin, Wartburgkreis) out of the ended districts', () => {
    for (const ags5 of ['13003', '13004', '16063', '03241', '05334'])
      expect(findEndedDistrict(ags5)).toBeUndefined()
  })

  it('holds valid 5-digit keys, each ended key once, each event with a source', () => {
    const keys = TERRITORIAL_EVENTS.flatMap((e) => [e.successor, ...e.whole, ...e.parts].map((d) => d.ags5))
    for (const key of keys) expect(normaliseKreisAgs(key)).toBe(key)
    for (const e of TERRITORIAL_EVENTS) expect(e.source.length).toBeGreaterThan(10)
    const ended = listEndedDistricts()
    expect(new Set(ended.map((e) => e.ags5)).size).toBe(ended.length)
    // Sachsen 2008: all 29 (7 cities, 22 districts); Sachsen-Anhalt 2007: all 24; M-V 2011: 16 of 18.
    expect(ended.filter((e) => e.ags5.startsWith('14')).length).toBe(29)
    expect(ended.filter((e) => e.ags5.startsWith('15')).length).toBe(24)
    expect(ended.filter((e) => e.ags5.startsWith('13')).length).toBe(16)
  })

  it('knows that the Wartburgkreis before 1.7.2021 is one part of its merger with Eisenach', () => {
    expect(findContinuingMerger('16063', '2021-06-01')?.effective).toBe('2021-07-01')
    expect(findContinuingMerger('16063', '2021-07-01')).toBeUndefined()
    expect(findContinuingMerger('03159', '2015-01-01')).toBeUndefined()
  })
})

describe('sumForSuccessor', () => {
  const goettingen = findEndedDistrict('03152')!.mergerInto!
  it('sums counts of every predecessor (hand-computed)', () => {
    const values = new Map([
      ['03152', 12_345],
      ['03156', 4_321],
    ])
    expect(sumForSuccessor(goettingen, values, 'persons')).toEqual({ kind: 'sum', value: 16_666 })
  })
  it('refuses a partial sum and names the missing predecessor', () => {
    const outcome = sumForSuccessor(goettingen, new Map([['03152', 100]]), 'persons')
    expect(outcome).toEqual({ kind: 'missing', missing: [{ ags5: '03156', name: 'Osterode am Harz' }] })
  })
  it('refuses rates and other units that do not add up', () => {
    const values = new Map([
      ['03152', 7.1],
      ['03156', 8.4],
    ])
    expect(sumForSuccessor(goettingen, values, '%')).toEqual({ kind: 'not_additive' })
  })
})
