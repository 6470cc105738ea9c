/** How an audit entry's before/after reads in one line of the audit table. */

/** "role: viewer → member_analyst; isDisabled: false → true", or the new fields for a creation. */
export function describeChange(before: unknown, after: unknown): string {
  const asRecord = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))
  const old = asRecord(before)
  const next = asRecord(after)
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])]
  const parts = keys
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(next[key]))
    .map((key) =>
      key in old ? `${key}: ${show(old[key])} → ${show(next[key])}` : `${key}: ${show(next[key])}`,
    )
  return parts.join('; ')
}
