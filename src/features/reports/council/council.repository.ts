import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../db/schema'

export interface ContextValueRow {
  code: string
  nameDe: string
  nameEn: string
  unit: string
  value: number
  year: number
}

/** The organisation's latest value of each yearly context indicator up to the end of `year`. */
export async function findContextValues(
  db: Kysely<DB>,
  options: { organisationId: number; codes: readonly string[]; year: number },
): Promise<ContextValueRow[]> {
  const rows = await sql<{
    code: string
    name_de: string
    name_en: string
    unit: string
    value: number
    year: number
  }>`
    select distinct on (i.id) i.code, i.name_de, i.name_en, i.unit, o.value, extract(year from o.period)::int as year
    from observation o join indicator i on i.id = o.indicator_id
    where o.organisation_id = ${options.organisationId}
      and i.code = any(${[...options.codes]}::text[])
      and i.frequency = 'yearly' and o.is_current and o.value is not null
      and o.period <= ${`${options.year}-12-31`}::date
    order by i.id, o.period desc, o.revision desc
  `.execute(db)
  return rows.rows
    .map((r) => ({
      code: r.code,
      nameDe: r.name_de,
      nameEn: r.name_en,
      unit: r.unit,
      value: r.value,
      year: r.year,
    }))
    .sort((a, b) => options.codes.indexOf(a.code) - options.codes.indexOf(b.code))
}

/** The practices the organisation adopted, oldest first. */
export async function findAdoptionsOf(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom('practice_adoption as a')
    .innerJoin('practice as p', 'p.id', 'a.practice_id')
    .select(['a.id', 'a.practice_id as practiceId', 'a.started_on as startedOn', 'p.title'])
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.started_on')
    .orderBy('a.id')
    .execute()
}
