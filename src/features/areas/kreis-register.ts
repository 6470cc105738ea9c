/**
 * The register of German districts (Kreise) that organisation areas refer to, from the npm
 * package `landkreise-deutschland` (Destatis, territory of 31.12.2018, CC-BY-4.0), plus every
 * territorial change since 2000 (core/keys/territorial-changes.ts).
 */
import { getDistricts } from 'landkreise-deutschland'
import { landOfAgs } from '../../core/keys/ags'
import {
  findEndedDistrict,
  listEndedDistricts,
  successorValidFrom,
} from '../../core/keys/territorial-changes'

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

/**
 * Today's districts from the package, with the first day of those formed since 2000, and every
 * district key that ended since 2000 (core/keys/territorial-changes.ts) with its last day and its
 * (first) successor, so that an old key in a file is recognised and reported with its successor.
 */
export function listKreise(): KreisRecord[] {
  const current = getDistricts().map((d): KreisRecord => {
    const ags5 = String(d.AGS).padStart(5, '0')
    const ended = findEndedDistrict(ags5)
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
      validFrom: successorValidFrom(ags5) ?? OPEN_START,
      validTo: ended?.validTo ?? null,
      successorAgs5: ended?.successors[0]?.ags5 ?? null,
    }
  })
  const known = new Set(current.map((k) => k.ags5))
  const former = listEndedDistricts()
    .filter((e) => !known.has(e.ags5))
    .map((e): KreisRecord => ({
      ags5: e.ags5,
      name: e.name,
      kind: FORMER_KIND,
      nuts3: null,
      landCode: e.ags5.slice(0, 2),
      areaKm2: null,
      population: null,
      validFrom: OPEN_START,
      validTo: e.validTo,
      successorAgs5: e.successors[0]?.ags5 ?? null,
    }))
  return [...current, ...former].sort((a, b) => a.ags5.localeCompare(b.ags5))
}

/** The kind of a district key that no longer exists. */
export const FORMER_KIND = 'ehemaliger Kreis'
const OPEN_START = '1900-01-01'
