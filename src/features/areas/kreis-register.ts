/**
 * The register of German districts (Kreise) that organisation areas refer to, from the npm
 * package `landkreise-deutschland` (Destatis, territory of 31.12.2018, CC-BY-4.0), plus the
 * territorial changes since then that the data sources disagree about.
 */
import { getDistricts } from 'landkreise-deutschland'
import { landOfAgs } from '../../core/keys/ags'

export interface KreisRecord {
  ags5: string
  name: string
  kind: string
  nuts3: string | null
  landCode: string
  areaKm2: number | null
  population: number | null
  validFrom: string
  validTo: string | null
  successorAgs5: string | null
}

/** Territorial changes after the package's reference date (31.12.2018). */
export const TERRITORIAL_CHANGES = [
  {
    ags5: '16056',
    validTo: '2021-06-30',
    successorAgs5: '16063',
    note: 'Die kreisfreie Stadt Eisenach (16056) gehört seit 1.7.2021 zum Wartburgkreis (16063). / The city of Eisenach (16056) has been part of the Wartburgkreis (16063) since 1 July 2021.',
  },
]

export function listKreise(): KreisRecord[] {
  return getDistricts().map((d) => {
    const ags5 = String(d.AGS).padStart(5, '0')
    const change = TERRITORIAL_CHANGES.find((c) => c.ags5 === ags5)
    const land = landOfAgs(ags5)
    if (!land) throw new Error(`landkreise-deutschland: unexpected AGS ${ags5}`)
    return {
      ags5,
      name: d.name,
      kind: d.type,
      nuts3: d.NUTS3 ?? null,
      landCode: ags5.slice(0, 2),
      areaKm2: d.area_km2 ?? null,
      population: d.population ?? null,
      validFrom: '1900-01-01',
      validTo: change?.validTo ?? null,
      successorAgs5: change?.successorAgs5 ?? null,
    }
  })
}
