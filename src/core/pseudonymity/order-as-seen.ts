/**
 * Lists that contain pseudonymised entries are sorted by what the caller sees, never by real name,
 * id or key: sorted by real name, the position of "Jobcenter C" among its peers would tell which
 * job centre it is. Sorting by the shown name (German collation, "Jobcenter B" before
 * "Jobcenter AA" as letters are assigned) keeps the order as meaningless as the pseudonym's letter.
 */
const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true })

/** Pseudonym letters ("C", "AB") in the order they are handed out: by length, then alphabetically. */
const PSEUDONYM = /^Jobcenter ([A-Z]+) \((.*)\)$/

export function compareShownNames(a: string, b: string): number {
  const pa = PSEUDONYM.exec(a)
  const pb = PSEUDONYM.exec(b)
  if (pa && pb && pa[2] === pb[2] && pa[1]!.length !== pb[1]!.length) return pa[1]!.length - pb[1]!.length
  return collator.compare(a, b)
}

/** A copy of the entries sorted by the name the caller sees (`nameOf`), ties kept in input order. */
export function orderAsSeen<T>(entries: readonly T[], nameOf: (entry: T) => string): T[] {
  return entries
    .map((entry, index) => ({ entry, index, name: nameOf(entry) }))
    .sort((a, b) => compareShownNames(a.name, b.name) || a.index - b.index)
    .map(({ entry }) => entry)
}
