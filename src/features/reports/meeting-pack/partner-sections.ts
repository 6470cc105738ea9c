/**
 * The meeting pack's sections that come from the practices and self-assessment features (issue 6,
 * part B), through their own services so that their visibility rules apply. A section that cannot
 * be built (no cycle yet, no access) is left out with a note instead of failing the whole pack.
 */
import type { Kysely } from 'kysely'
import { isAppError } from '../../../core/errors/app-error'
import type { Viewer } from '../../../core/permissions'
import type { PracticeSummaryDto } from '../../../contracts/practices'
import type { SelfAssessmentComparisonDto } from '../../../contracts/self-assessment'
import type { CollectionResultsDto } from '../../../contracts/collections'
import { listClosedCollectionResults } from '../../collections/read-collection-results'
import type { DB } from '../../../db/schema'
import { listPracticesPublishedSince } from '../../practices/list-practices'
import { compareSelfAssessments } from '../../self-assessment/compare-self-assessments'
import { isoDate } from '../../../core/periods/dates'
import { sentOf, type PackNote } from './pack-note'

export interface PartnerSections {
  newPractices: PracticeSummaryDto[] | null
  selfAssessment: SelfAssessmentComparisonDto | null
  /** Results of the data collections that asked the ring and closed since its last meeting. */
  collections: CollectionResultsDto[] | null
  notes: PackNote[]
}

export async function loadPartnerSections(
  db: Kysely<DB>,
  options: { ringId: number | null; since: Date; viewer: Viewer; now: Date },
): Promise<PartnerSections> {
  const notes: PackNote[] = []
  const at = isoDate(options.now)
  if (options.ringId === null) return { newPractices: null, selfAssessment: null, collections: null, notes }
  let newPractices: PracticeSummaryDto[] | null = null
  let selfAssessment: SelfAssessmentComparisonDto | null = null
  try {
    newPractices = await listPracticesPublishedSince(db, {
      ringId: options.ringId,
      since: options.since,
      viewer: options.viewer,
      at,
    })
  } catch (error) {
    if (!isAppError(error)) throw error
    notes.push({ about: 'practices', reason: sentOf(error) })
  }
  try {
    selfAssessment = await compareSelfAssessments(db, {
      ringId: options.ringId,
      viewer: options.viewer,
      now: options.now,
    })
  } catch (error) {
    if (!isAppError(error)) throw error
    notes.push({ about: 'selfAssessment', reason: sentOf(error) })
  }
  const collections = await listClosedCollectionResults(db, {
    viewer: options.viewer,
    today: at,
    ringId: options.ringId,
    closedSince: options.since,
  })
  return { newPractices, selfAssessment, collections, notes }
}
