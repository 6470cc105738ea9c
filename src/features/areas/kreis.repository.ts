import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import type { KreisRecord } from './kreis-register'

/** Inserts the register; existing rows are refreshed (names, populations, territorial changes). */
export async function upsertKreise(db: Kysely<DB>, kreise: KreisRecord[]): Promise<void> {
  if (kreise.length === 0) return
  await db
    .insertInto('kreis')
    .values(
      kreise.map((k) => ({
        ags5: k.ags5,
        name: k.name,
        kind: k.kind,
        nuts3: k.nuts3,
        land_code: k.landCode,
        area_km2: k.areaKm2,
        population: k.population,
        valid_from: k.validFrom,
        valid_to: k.validTo,
        successor_ags5: k.successorAgs5,
      })),
    )
    .onConflict((oc) =>
      oc.column('ags5').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        nuts3: eb.ref('excluded.nuts3'),
        area_km2: eb.ref('excluded.area_km2'),
        population: eb.ref('excluded.population'),
        valid_from: eb.ref('excluded.valid_from'),
        valid_to: eb.ref('excluded.valid_to'),
        successor_ags5: eb.ref('excluded.successor_ags5'),
      })),
    )
    .execute()
}

export async function listKreisRows(db: Kysely<DB>) {
  return db.selectFrom('kreis').selectAll().orderBy('ags5').execute()
}
