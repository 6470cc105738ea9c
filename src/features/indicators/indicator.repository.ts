import type { Kysely } from 'kysely'
import type { ConfidentialityClass } from '../../core/permissions'
import type { DB } from '../../db/schema'
import type { IndicatorDefinition } from './catalogue'

/** A stored indicator: its definition with the database id. */
export interface IndicatorRow extends IndicatorDefinition {
  id: number
  confidentiality: ConfidentialityClass
}

/** The columns of an indicator's definition as the table stores them (without its class). */
export function indicatorColumns(i: Omit<IndicatorDefinition, 'confidentiality'>) {
  return {
    code: i.code,
    name_de: i.nameDe,
    name_en: i.nameEn,
    unit: i.unit,
    frequency: i.frequency,
    breakdowns: JSON.stringify(i.breakdowns),
    kind: i.kind,
    source: i.source,
    licence: i.licence,
    definition_de: i.definitionDe,
    definition_en: i.definitionEn,
  }
}

/** Inserts indicators that are new and refreshes the texts of known ones (codes never change). */
export async function upsertIndicators(db: Kysely<DB>, indicators: IndicatorDefinition[]): Promise<void> {
  if (indicators.length === 0) return
  await db
    .insertInto('indicator')
    .values(
      indicators.map((i) => ({
        ...indicatorColumns(i),
        // Only a new indicator takes a class here; a known one keeps its class.
        confidentiality: i.confidentiality ?? 'network',
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name_de: eb.ref('excluded.name_de'),
        name_en: eb.ref('excluded.name_en'),
        unit: eb.ref('excluded.unit'),
        breakdowns: eb.ref('excluded.breakdowns'),
        source: eb.ref('excluded.source'),
        licence: eb.ref('excluded.licence'),
        definition_de: eb.ref('excluded.definition_de'),
        definition_en: eb.ref('excluded.definition_en'),
      })),
    )
    .execute()
}

export async function listIndicators(db: Kysely<DB>): Promise<IndicatorRow[]> {
  const rows = await db.selectFrom('indicator').selectAll().orderBy('kind', 'desc').orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameDe: r.name_de,
    nameEn: r.name_en,
    unit: r.unit,
    frequency: r.frequency,
    breakdowns: r.breakdowns,
    kind: r.kind,
    source: r.source,
    licence: r.licence,
    definitionDe: r.definition_de,
    definitionEn: r.definition_en,
    confidentiality: r.confidentiality,
  }))
}
