import { describe, expect, it } from 'vitest'
import { normaliseKreisAgs, normaliseNuts3 } from '../../../core/keys/ags'
import { buildDemoOrganisations } from './organisations'

describe('buildDemoOrganisations', () => {
  const orgs = buildDemoOrganisations()

  it('lists the 104 zkT with valid, distinct 5-digit keys', () => {
    expect(orgs).toHaveLength(104)
    const keys = orgs.map((o) => o.areas[0]!.ags5)
    for (const key of keys) {
      expect(key).toMatch(/^\d{5}$/)
      expect(normaliseKreisAgs(key)).toBe(key)
    }
    expect(new Set(keys).size).toBe(104)
  })

  it('gives unique names and short names', () => {
    expect(new Set(orgs.map((o) => o.name)).size).toBe(104)
    expect(new Set(orgs.map((o) => o.shortName)).size).toBe(104)
  })

  it('fills the register facts', () => {
    for (const o of orgs) {
      expect(o.kind).toBe('jobcenter')
      expect(o.carrierType).toBe('zkT')
      expect(normaliseNuts3(o.nuts3)).toBe(o.nuts3)
      expect(o.landCode).toBe(o.areas[0]!.ags5.slice(0, 2))
      expect(o.population2018).toBeGreaterThan(40_000)
      expect(o.areaKm2).toBeGreaterThan(10)
      expect(o.sites.length).toBeGreaterThanOrEqual(1)
      expect(o.sites.length).toBeLessThanOrEqual(4)
      expect(o.sites.filter((s) => s.isMain)).toHaveLength(1)
      expect(o.sites.some((s) => /Außenstelle/.test(s.name))).toBe(false)
    }
  })

  it('models the KCA Main-Kinzig-Kreis with its four sites and its provider', () => {
    const kca = orgs.find((o) => o.areas[0]!.ags5 === '06435')!
    expect(kca.name).toBe('Kommunales Center für Arbeit (KCA) Main-Kinzig-Kreis')
    expect(kca.sites.map((s) => s.name).sort()).toEqual(['Gelnhausen', 'Hanau', 'Maintal', 'Schlüchtern'])
    expect(kca.partners).toEqual([{ name: 'AQA gGmbH', role: 'provider', validFrom: '2015-01-01' }])
  })

  it('keeps leading zeros of Schleswig-Holstein keys', () => {
    const nf = orgs.find((o) => o.districtName === 'Kreis Nordfriesland')!
    expect(nf.areas[0]!.ags5).toBe('01054')
    expect(nf.nuts3).toBe('DEF07')
  })
})
