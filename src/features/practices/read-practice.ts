import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import {
  canEditPractice,
  canReadPractice,
  canRecordAdoption,
} from '../../core/benchlearning/practice-permissions'
import type { Viewer } from '../../core/permissions'
import type { PracticeDto } from '../../contracts/practices'
import type { DB } from '../../db/schema'
import { toPracticeSummary } from './list-practices'
import { findPracticeById, listAdoptions, listAttachments, type PracticeRow } from './practice.repository'
import { loadOrganisationLabeller } from './practice-scope'

/** The card's row, or not_found when it does not exist or the caller may not read it. */
export async function findReadablePractice(
  db: Kysely<DB>,
  options: { viewer: Viewer | null; id: number },
): Promise<PracticeRow> {
  const row = await findPracticeById(db, options.id)
  // One answer for "absent" and "not yours": the caller learns nothing about cards they may not read.
  if (!row || !canReadPractice(options.viewer, row))
    throw notFound(message('practice.none', { id: options.id }))
  return row
}

/** A practice card with attachments, the adoptions the caller may see, and what the caller may do. */
export async function readPractice(
  db: Kysely<DB>,
  options: { viewer: Viewer | null; id: number; at: string; isPublicPath?: boolean },
): Promise<PracticeDto> {
  const { viewer } = options
  const row = await findReadablePractice(db, options)
  if (options.isPublicPath && row.visibility !== 'public')
    throw notFound(message('practice.none', { id: options.id }))
  const adoptions = await listAdoptions(db, row.id)
  const labeller = await loadOrganisationLabeller(db, {
    viewer,
    at: options.at,
    organisationIds: [row.organisationId, ...adoptions.map((a) => a.organisationId)],
  })
  const ring = row.ringId
    ? await db
        .selectFrom('ring')
        .select(['id', 'code', 'name'])
        .where('id', '=', row.ringId)
        .executeTakeFirst()
    : undefined
  const attachments = await listAttachments(db, row.id)
  const base = options.isPublicPath ? `/api/v1/public/practices/${row.id}` : `/api/v1/practices/${row.id}`
  const canEdit = canEditPractice(viewer, row)
  return {
    ...toPracticeSummary(row, labeller),
    problem: row.problem,
    approach: row.approach,
    resources: row.resources,
    results: row.results,
    contact: row.contact,
    ring: ring ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
      uploadedAt: a.uploadedAt.toISOString(),
      url: `${base}/attachments/${a.id}`,
    })),
    // Adoptions of organisations the caller may not see one by one are only counted (adoptionCount).
    adoptions: adoptions
      .filter((a) => labeller.canSeeFigures(a.organisationId))
      .map((a) => ({
        id: a.id,
        organisation: labeller.label(a.organisationId),
        startedOn: a.startedOn,
        note: a.note,
        canViewEffect: row.figureCodes.length > 0,
        effectUrl: row.figureCodes.length > 0 ? `/api/v1/practices/${row.id}/adoptions/${a.id}/effect` : null,
      })),
    abilities: {
      canEdit,
      // Members adopt for their own organisation (not the author's); the moderation and
      // administrators record adoptions for an organisation they name.
      canAdopt:
        row.status === 'published' &&
        viewer !== null &&
        (viewer.organisationId === null
          ? viewer.role === 'admin' || viewer.role === 'moderator'
          : viewer.organisationId !== row.organisationId && canRecordAdoption(viewer, viewer.organisationId)),
      canAttach: canEdit,
    },
  }
}
