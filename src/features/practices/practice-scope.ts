/**
 * The caller's view of the library: which cards they may read (as SQL scope) and how each
 * organisation is shown to them (by name, pseudonym or not at all), following the ring rules.
 */
import { text, type ServerMessageKey } from '../../core/messages/text'
import type { Kysely } from 'kysely'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { loadConfidentiality, type Confidentiality } from '../networks/load-confidentiality'
import type { PracticeScope } from './practice.repository'

export function practiceScopeFor(viewer: Viewer | null): PracticeScope {
  if (!viewer)
    return {
      isPublicOnly: true,
      isAllRings: false,
      ringIds: [],
      organisationId: null,
      drafts: { isAll: false, ringIds: [], organisationId: null },
    }
  const isAll = viewer.role === 'admin' || (viewer.role === 'moderator' && viewer.moderatedRingIds === 'all')
  const moderated =
    viewer.role === 'moderator' && viewer.moderatedRingIds !== 'all' ? viewer.moderatedRingIds : []
  const isWriter = viewer.role === 'member_lead' || viewer.role === 'member_analyst'
  return {
    isPublicOnly: false,
    isAllRings: isAll,
    ringIds: viewer.role === 'moderator' ? moderated : viewer.ringIds,
    organisationId: viewer.organisationId,
    drafts: {
      isAll,
      ringIds: moderated,
      organisationId: isWriter ? viewer.organisationId : null,
    },
  }
}

export type OrganisationLabel = {
  id: number | null
  name: string
  kind: 'named' | 'pseudonymised' | 'anonymous'
  /** For the anonymous label: its catalogue key, which clients render in the reader's language. */
  key?: ServerMessageKey
}

/** German in `name` (German first), the key for the reader's language. */
export const ANONYMOUS_ORGANISATION: OrganisationLabel = {
  id: null,
  name: text('de', 'practice.authorOfNetwork'),
  kind: 'anonymous',
  key: 'practice.authorOfNetwork',
}

/** Labels organisations for one caller on one day. */
export interface OrganisationLabeller {
  label(organisationId: number): OrganisationLabel
  /** May the caller see this organisation's figures (by name or pseudonym)? */
  canSeeFigures(organisationId: number): boolean
  confidentiality: Confidentiality | null
}

export async function loadOrganisationLabeller(
  db: Kysely<DB>,
  options: { viewer: Viewer | null; at: string; organisationIds: readonly number[] },
): Promise<OrganisationLabeller> {
  const { viewer } = options
  if (!viewer || options.organisationIds.length === 0)
    return { label: () => ANONYMOUS_ORGANISATION, canSeeFigures: () => false, confidentiality: null }
  const confidentiality = await loadConfidentiality(db, options.at)
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(options.organisationIds)])
    .execute()
  const names = new Map(rows.map((r) => [r.id, r.name]))
  return {
    confidentiality,
    canSeeFigures: (id) => confidentiality.visibilityOf(viewer, id) !== 'none',
    label: (id) => labelOrganisation(confidentiality, viewer, { id, name: names.get(id) ?? `#${id}` }),
  }
}

/** An organisation as the viewer may see it: by name, by pseudonym, or as a job centre of the network. */
export function labelOrganisation(
  confidentiality: Confidentiality,
  viewer: Viewer,
  organisation: { id: number; name: string },
): OrganisationLabel {
  const { id, name } = organisation
  const visibility = confidentiality.visibilityOf(viewer, id)
  if (visibility === 'full' || visibility === 'named') return { id, name, kind: 'named' }
  if (visibility === 'pseudonymised') {
    const pseudonym = confidentiality.pseudonymFor(viewer, id)
    if (pseudonym) return { id: pseudonym.id, name: pseudonym.name, kind: 'pseudonymised' }
  }
  return ANONYMOUS_ORGANISATION
}
