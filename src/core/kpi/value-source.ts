/**
 * Where compared values come from: the platform's own computation from raw series, or the official
 * publication (used where no raw series exist). A result built from several values is `mixed` when
 * it used both.
 */
export type ValueSource = 'computed' | 'published'
export type SourceMix = ValueSource | 'mixed'

/** The sources of the values (or partial results) a result used, as one word; `computed` when none. */
export function combineSources(sources: Iterable<SourceMix>): SourceMix {
  let hasComputed = false
  let hasPublished = false
  for (const s of sources) {
    if (s !== 'computed') hasPublished = true
    if (s !== 'published') hasComputed = true
  }
  if (hasPublished) return hasComputed ? 'mixed' : 'published'
  return 'computed'
}
