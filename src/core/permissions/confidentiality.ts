/**
 * Confidentiality classes of indicators and key figures (docs/security.md, "Public and
 * network-confidential values"). Pure: the features ask these functions where values are read.
 *
 * - `public`: published by an office (the § 48a figures and their raw series by the statistics
 *   office, INKAR context by the BBSR). Shown by name to every signed-in user, also for organisations
 *   outside the caller's ring and outside the network: they are on the office's website anyway.
 * - `network`: delivered by the members (data collections, own figures, anything unmarked). Today's
 *   rules: ring peers by name or pseudonym, everyone else only in aggregates (disclosure.ts).
 *
 * Pseudonyms stay pseudonyms: a pseudonymised ring peer is never promoted to "by name" for public
 * values, so no answer puts a name next to a value that is also shown under the peer's pseudonym.
 */
import { organisationVisibility, type OrganisationInRings, type Viewer, type Visibility } from './permissions'

export const CONFIDENTIALITY_CLASSES = ['public', 'network'] as const
export type ConfidentialityClass = (typeof CONFIDENTIALITY_CLASSES)[number]

/** The class of a value computed from several inputs: public only if every input is public. */
export function combineConfidentiality(classes: readonly ConfidentialityClass[]): ConfidentialityClass {
  return classes.length > 0 && classes.every((c) => c === 'public') ? 'public' : 'network'
}

/**
 * How the viewer sees one organisation's values of a class: a public value of an organisation the
 * viewer may not see otherwise is shown by name; everything else is `organisationVisibility`.
 */
export function valueVisibility(
  viewer: Viewer,
  org: OrganisationInRings,
  confidentiality: ConfidentialityClass,
): Visibility {
  const visibility = organisationVisibility(viewer, org)
  if (confidentiality === 'public' && visibility === 'none') return 'named'
  return visibility
}
