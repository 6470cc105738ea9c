import { sql, type Expression, type SqlBool } from 'kysely'

/**
 * The filter "valid at some day from `first` to `last`" on a table with the columns `valid_from`
 * and `valid_to` (both days, `valid_to` included, null while open): `valid_from <= last` and
 * (`valid_to` is null or `valid_to >= first`). `table` is the table's name or alias in the query,
 * null where the query reads one table only.
 */
export function validDuring(table: string | null, first: string, last: string): Expression<SqlBool> {
  const column = (name: string) => sql.ref(table === null ? name : `${table}.${name}`)
  return sql<SqlBool>`(${column('valid_from')} <= ${last} and (${column('valid_to')} is null or ${column('valid_to')} >= ${first}))`
}

/** The filter "valid on the day `at`" (see validDuring). */
export function validOn(table: string | null, at: string): Expression<SqlBool> {
  return validDuring(table, at, at)
}
