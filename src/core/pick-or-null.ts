/**
 * The fields `keys` of `row`, each null where `row` is missing or the field is undefined or null:
 * the shape of an answer that reports a row's fields whether or not the row exists.
 */
export function pickOrNull<T extends object, K extends keyof T>(
  row: T | null | undefined,
  keys: readonly K[],
): { [P in K]: Exclude<T[P], undefined> | null } {
  const picked = {} as { [P in K]: Exclude<T[P], undefined> | null }
  for (const key of keys) picked[key] = (row?.[key] ?? null) as Exclude<T[K], undefined> | null
  return picked
}
