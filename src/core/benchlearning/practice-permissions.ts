/**
 * Who may read, edit and adopt a practice card. Pure, next to the role table's predicates
 * (core/permissions) that it builds on.
 */
import { canModerateRing, type Viewer } from '../permissions'

export type PracticeVisibility = 'ring' | 'network' | 'public'

export interface PracticeRef {
  organisationId: number
  /** The author's ring when the card was written; the readers of a 'ring' card. */
  ringId: number | null
  visibility: PracticeVisibility
  status: 'draft' | 'published'
}

/** Roles that write for their own organisation. */
const WRITING_MEMBER_ROLES = ['member_lead', 'member_analyst'] as const

function isWritingMember(viewer: Viewer): boolean {
  return (WRITING_MEMBER_ROLES as readonly string[]).includes(viewer.role)
}

/** May the viewer change the card (and its attachments)? Drafts are readable only by those who may edit them. */
export function canEditPractice(viewer: Viewer | null, practice: PracticeRef): boolean {
  if (!viewer) return false
  if (viewer.role === 'admin') return true
  if (viewer.role === 'moderator')
    return (
      viewer.moderatedRingIds === 'all' ||
      (practice.ringId !== null && canModerateRing(viewer, practice.ringId))
    )
  return isWritingMember(viewer) && viewer.organisationId === practice.organisationId
}

export function canReadPractice(viewer: Viewer | null, practice: PracticeRef): boolean {
  if (practice.status === 'draft') return canEditPractice(viewer, practice)
  if (practice.visibility === 'public') return true
  if (!viewer) return false
  if (practice.visibility === 'network') return true
  if (viewer.role === 'admin') return true
  if (practice.ringId === null) return viewer.organisationId === practice.organisationId
  if (viewer.role === 'moderator') return canModerateRing(viewer, practice.ringId)
  return viewer.organisationId === practice.organisationId || viewer.ringIds.includes(practice.ringId)
}

/** May the viewer record that `organisationId` adopted the card? Members: their own organisation only. */
export function canRecordAdoption(viewer: Viewer | null, organisationId: number): boolean {
  if (!viewer) return false
  if (viewer.role === 'admin' || viewer.role === 'moderator') return true
  return isWritingMember(viewer) && viewer.organisationId === organisationId
}
