/**
 * The 104 demo organisations: the real zkT, with names, kind, NUTS-3, area and population from
 * the Destatis district register (npm `landkreise-deutschland`, 31.12.2018, CC-BY-4.0).
 */
import { getDistricts, type District } from 'landkreise-deutschland'
import { deriveNamedSeed } from '../../../core/random'
import type { DemoOrganisation } from './types'
import { ZKT_DISTRICTS, type ZktDistrict } from './zkt-districts'

const KCA_AGS = '06435'
const MEMBERSHIP_START = '2015-01-01'
// The zkT option took effect for the 2012 cohort on 1.1.2012; areas are valid from then on.
const AREA_VALID_FROM = '2012-01-01'

/** The part of a register name before the comma: "Offenbach am Main, Stadt" → "Offenbach am Main". */
function coreName(district: District): string {
  return district.name.split(',')[0]!.trim()
}

function indexDistrictsByAgs(): Map<string, District> {
  // The package stores some keys as numbers, losing the leading zero: always pad.
  return new Map(getDistricts().map((d) => [String(d.AGS).padStart(5, '0'), d]))
}

function buildNames(
  zkt: ZktDistrict,
  district: District,
  ambiguousCores: Set<string>,
): { name: string; shortName: string } {
  if (zkt.ags5 === KCA_AGS) {
    return { name: 'Kommunales Center für Arbeit (KCA) Main-Kinzig-Kreis', shortName: 'KCA Main-Kinzig' }
  }
  const core = coreName(district)
  const isCity = district.type === 'Kreisfreie Stadt' || district.type === 'Stadtkreis'
  // "JC Würzburg" would not say whether the city or the district around it is meant
  const shortCore = ambiguousCores.has(core) ? `${isCity ? 'Stadt' : 'Kreis'} ${core}` : core
  // Stable per district, independent of the data seed: the names are the organisations' identity.
  const variant = deriveNamedSeed(0, zkt.ags5) % 10
  if (variant < 6) return { name: `Jobcenter ${zkt.name}`, shortName: `JC ${shortCore}` }
  if (variant < 9 || !zkt.name.startsWith('Landkreis ')) {
    return { name: `Kommunales Jobcenter ${zkt.name}`, shortName: `KJC ${shortCore}` }
  }
  return { name: `Kreisjobcenter ${core}`, shortName: `KJC ${shortCore}` }
}

/** The 104 zkT as demo organisations, in the order of the KomtrZV annex. */
export function buildDemoOrganisations(): DemoOrganisation[] {
  const districts = indexDistrictsByAgs()
  const coreCounts = new Map<string, number>()
  for (const d of districts.values()) coreCounts.set(coreName(d), (coreCounts.get(coreName(d)) ?? 0) + 1)
  const ambiguousCores = new Set([...coreCounts].filter(([, n]) => n > 1).map(([core]) => core))

  return ZKT_DISTRICTS.map((zkt) => {
    const district = districts.get(zkt.ags5)
    if (
      !district ||
      district.population === undefined ||
      district.area_km2 === undefined ||
      !district.NUTS3
    ) {
      throw new Error(`landkreise-deutschland has no complete record for zkT district ${zkt.ags5}`)
    }
    const isKca = zkt.ags5 === KCA_AGS
    return {
      ...buildNames(zkt, district, ambiguousCores),
      kind: 'jobcenter',
      carrierType: 'zkT',
      landCode: zkt.ags5.slice(0, 2),
      nuts3: district.NUTS3,
      districtName: zkt.name,
      districtKind: district.type,
      areaKm2: district.area_km2,
      population2018: district.population,
      areas: [{ ags5: zkt.ags5, validFrom: AREA_VALID_FROM }],
      sites: zkt.towns.map((town, i) => ({ name: town, isMain: i === 0 })),
      partners: isKca ? [{ name: 'AQA gGmbH', role: 'provider', validFrom: MEMBERSHIP_START }] : [],
    }
  })
}

/** True for the district kinds that are a single city (Kreisfreie Stadt, Stadtkreis). */
export function isCityDistrict(org: DemoOrganisation): boolean {
  return org.districtKind === 'Kreisfreie Stadt' || org.districtKind === 'Stadtkreis'
}
