/**
 * A path with its query, as the web asks for it: parameters in the order given, empty ones left
 * out. The server builds the first load's calls with it too (core/first-load), so both write a call
 * the same way, character for character.
 */
export function buildUrl(
  path: string,
  query?: Record<string, string | number | boolean | undefined | null>,
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}
