import type { Kysely } from 'kysely'
import { forbidden } from '../../core/errors/app-error'
import { canModerateRing, type Viewer } from '../../core/permissions'
import type { PracticeListDto, PracticeListQuery, PracticeSummaryDto } from '../../contracts/practices'
import type { DB } from '../../db/schema'
import { findPractices, listTopicsInScope, type PracticeRow } from './practice.repository'
import { loadOrganisationLabeller, practiceScopeFor, type OrganisationLabeller } from './practice-scope'
import { message } from '../../core/messages/text'

const EXCERPT_LENGTH = 240

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`
}

export function toPracticeSummary(row: PracticeRow, labeller: OrganisationLabeller): PracticeSummaryDto {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.problem || row.approach),
    status: row.status,
    visibility: row.visibility,
    organisation: labeller.label(row.organisationId),
    topics: row.topics,
    figureCodes: row.figureCodes,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    adoptionCount: row.adoptionCount,
    rank: row.rank,
    isDemo: row.isDemo,
  }
}

/**
 * The cards a caller may read, searched and filtered. Anonymous callers (viewer null) get public
 * cards only. Filtering by an organisation the caller may not see by name is refused: the list
 * would tell them which cards that organisation wrote.
 */
export async function listPractices(
  db: Kysely<DB>,
  options: { viewer: Viewer | null; query: Partial<PracticeListQuery>; at: string },
): Promise<PracticeListDto> {
  const { viewer, query } = options
  const scope = practiceScopeFor(viewer)
  if (query.organisation !== undefined) {
    const check = await loadOrganisationLabeller(db, {
      viewer,
      at: options.at,
      organisationIds: [query.organisation],
    })
    if (check.label(query.organisation).kind !== 'named')
      throw forbidden(message('practice.organisationHidden', { organisationId: query.organisation }))
  }
  const { rows, total } = await findPractices(db, scope, {
    q: query.q?.trim() || undefined,
    topic: query.topic,
    figure: query.figure,
    organisationId: query.organisation,
    visibility: query.visibility,
    status: query.status,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  })
  const labeller = await loadOrganisationLabeller(db, {
    viewer,
    at: options.at,
    organisationIds: rows.map((r) => r.organisationId),
  })
  return {
    practices: rows.map((r) => toPracticeSummary(r, labeller)),
    total,
    topics: await listTopicsInScope(db, scope),
  }
}

/**
 * Cards published since a moment that the members of a ring may read (for the meeting pack's
 * "new practices"): network and public cards, and ring cards of this ring. Organisations are
 * labelled as `viewer` may see them (pass the requesting user).
 */
export async function listPracticesPublishedSince(
  db: Kysely<DB>,
  options: { ringId: number; since: Date; viewer: Viewer; at: string },
): Promise<PracticeSummaryDto[]> {
  const { viewer } = options
  const isOwnRing = viewer.ringIds.includes(options.ringId)
  if (!isOwnRing && !canModerateRing(viewer, options.ringId))
    throw forbidden(message('practice.ringNotYours', { ringId: options.ringId }))
  const scope = {
    ...practiceScopeFor(options.viewer),
    isAllRings: false,
    ringIds: [options.ringId],
    organisationId: null,
  }
  const { rows } = await findPractices(db, scope, { publishedSince: options.since, limit: 200 })
  const labeller = await loadOrganisationLabeller(db, {
    viewer: options.viewer,
    at: options.at,
    organisationIds: rows.map((r) => r.organisationId),
  })
  return rows.map((r) => toPracticeSummary(r, labeller))
}
