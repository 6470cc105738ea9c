// The package ships no type declarations; this covers the part benchlearn uses.
declare module 'landkreise-deutschland' {
  export interface District {
    AGS: string | number
    type: string
    name: string
    NUTS3?: string
    area_km2?: number
    population?: number
    population_male?: number
    population_female?: number
    population_per_km2?: number
  }
  export function getDistricts(): District[]
  export function getDistrictByAGS(ags: string | number): District | undefined
}
