/**
 * Who may do what, in one place. Pure: no database, no HTTP. The server builds a `Viewer` for the
 * signed-in user and asks these predicates; the UI only reads the abilities derived from them.
 */
import { detail, invalidInput } from '../errors/app-error'
import { message } from '../messages/text'
import { canManageNetworkWide } from './network-wide'

export const ROLES = ['admin', 'moderator', 'member_lead', 'member_analyst', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** How the roles are named in the UI, the CLI and the documents. */
export const ROLE_LABELS: Record<Role, { de: string; en: string }> = {
  admin: { de: 'Netzwerk-Administration', en: 'Network administrator' },
  moderator: { de: 'Moderation (Beratung)', en: 'Moderator (consultancy)' },
  member_lead: { de: 'Leitung Jobcenter', en: 'Member lead' },
  member_analyst: { de: 'Controlling Jobcenter', en: 'Member analyst' },
  viewer: { de: 'Lesezugriff', en: 'Viewer' },
}

/** Roles that act for one job centre (their organisation). */
export const MEMBER_ROLES: readonly Role[] = ['member_lead', 'member_analyst', 'viewer']

/** Figures of organisations the caller may not see one by one are shown only pooled over at least this many. */
export const MIN_AGGREGATE_SIZE = 5

export type RingSharing = 'named' | 'pseudonymised'

/** The signed-in user as the permission rules see them. */
export interface Viewer {
  userId: number
  role: Role
  /** The job centre the user works for; null for network roles (and viewers without one). */
  organisationId: number | null
  /** Rings the user's organisation belongs to today. */
  ringIds: readonly number[]
  /** Rings a moderator moderates: 'all' (the default: the consultancy moderates every ring) or a list. */
  moderatedRingIds: readonly number[] | 'all'
}

/** An organisation with the rings it belongs to (on the day in question) and their sharing setting. */
export interface OrganisationInRings {
  id: number
  rings: readonly { id: number; sharing: RingSharing }[]
}

/** The role → permission table. Resource checks (which organisation, which ring) come on top. */
export const PERMISSIONS = {
  /** See figures and details of the organisations in view (own, ring peers, moderated rings). */
  viewData: ['admin', 'moderator', 'member_lead', 'member_analyst', 'viewer'],
  /** Upload observation files (analysts: only for their own organisation). */
  uploadData: ['admin', 'member_analyst'],
  /** Read the import history (members: their organisation's uploads). */
  viewImports: ['admin', 'moderator', 'member_lead', 'member_analyst'],
  /** List, change and disable accounts (moderators: member accounts of their rings). */
  manageUsers: ['admin', 'moderator'],
  /** Create invitation links (moderators: member roles for organisations of their rings). */
  inviteUsers: ['admin', 'moderator'],
  /** Read the audit log of every write. */
  viewAuditLog: ['admin'],
  /** Change rings, their members and their sharing setting; form peer groups that become rings. */
  manageRings: ['admin', 'moderator'],
  /** Change the network itself: organisations, indicators, district boundaries, settings. */
  manageNetwork: ['admin'],
  /** Define own key figures in the formula language (analysts: for their organisation). */
  defineFigures: ['admin', 'moderator', 'member_analyst'],
  /** Start a computation of the key figures. */
  computeFigures: ['admin', 'moderator'],
  /** Plan meetings and yearly schedules, build agendas, write and approve minutes (in their rings). */
  planMeetings: ['admin', 'moderator'],
  /** Register their organisation for a meeting (or decline). */
  registerForMeetings: ['member_lead', 'member_analyst'],
  /** Propose and vote for topics, comment on draft minutes. */
  proposeTopics: ['admin', 'moderator', 'member_lead', 'member_analyst'],
  /** Write practice cards and record adoptions (members: for their own organisation). */
  writePractices: ['admin', 'moderator', 'member_lead', 'member_analyst'],
  /** Open self-assessment cycles and change their template and answer period (close, reopen). */
  manageSelfAssessment: ['admin', 'moderator'],
  /** Answer the self-assessment (members: for their own organisation). */
  answerSelfAssessment: ['admin', 'member_lead', 'member_analyst'],
  /** Define data collections, remind, reopen submissions and close them (in their rings). */
  manageCollections: ['admin', 'moderator'],
  /** Fill and submit a data collection's form (members: for their own organisation). */
  fillCollections: ['admin', 'member_lead', 'member_analyst'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function hasPermission(viewer: Viewer | null, permission: Permission): boolean {
  return viewer !== null && (PERMISSIONS[permission] as readonly Role[]).includes(viewer.role)
}

export function isMemberRole(role: Role): boolean {
  return MEMBER_ROLES.includes(role)
}

/** Roles that work for one job centre and cannot exist without it (viewers may have none). */
export function roleNeedsOrganisation(role: Role): boolean {
  return role === 'member_lead' || role === 'member_analyst'
}

/** Refuses an account (or invitation) of such a role without an organisation. */
export function requireOrganisationForRole(role: Role, organisationId: number | null): void {
  if (roleNeedsOrganisation(role) && organisationId === null)
    throw invalidInput(message('permissions.roleNeedsOrganisation', { role }), [
      detail(message('permissions.required'), { field: 'organisationId' }),
    ])
}

export function canModerateRing(viewer: Viewer, ringId: number): boolean {
  if (viewer.role === 'admin') return true
  if (viewer.role !== 'moderator') return false
  return viewer.moderatedRingIds === 'all' || viewer.moderatedRingIds.includes(ringId)
}

/**
 * How much of an organisation the viewer sees one by one:
 * - `full`: everything by name (own organisation, moderated rings, administrators);
 * - `named`: figures by name (a peer in a ring with sharing 'named');
 * - `pseudonymised`: figures under a pseudonym only (a peer in a ring with sharing 'pseudonymised');
 * - `none`: not one by one; only in aggregates of at least MIN_AGGREGATE_SIZE organisations.
 */
export type Visibility = 'full' | 'named' | 'pseudonymised' | 'none'

export function organisationVisibility(viewer: Viewer, org: OrganisationInRings): Visibility {
  if (viewer.role === 'admin') return 'full'
  if (viewer.role === 'moderator') {
    // An organisation outside every ring is still part of the network the consultancy serves.
    if (viewer.moderatedRingIds === 'all') return 'full'
    return org.rings.some((r) => canModerateRing(viewer, r.id)) ? 'full' : 'none'
  }
  if (viewer.organisationId !== null && org.id === viewer.organisationId) return 'full'
  const shared = org.rings.filter((r) => viewer.ringIds.includes(r.id))
  if (shared.length === 0) return 'none'
  return shared.some((r) => r.sharing === 'named') ? 'named' : 'pseudonymised'
}

/** May the viewer see this organisation at all (by name or by pseudonym)? */
export function canViewOrganisation(viewer: Viewer, org: OrganisationInRings): boolean {
  return organisationVisibility(viewer, org) !== 'none'
}

/** May the viewer see this organisation's figures next to its name? */
export function canSeeNamedFigures(viewer: Viewer, org: OrganisationInRings): boolean {
  const visibility = organisationVisibility(viewer, org)
  return visibility === 'full' || visibility === 'named'
}

/** May the viewer upload observations for this organisation? */
export function canUploadFor(viewer: Viewer, organisationId: number): boolean {
  if (viewer.role === 'admin') return true
  return viewer.role === 'member_analyst' && viewer.organisationId === organisationId
}

/** May figures pooled over `count` organisations be shown to someone who may not see them one by one? */
export function canShowAggregate(count: number): boolean {
  return count >= MIN_AGGREGATE_SIZE
}

/** An account as the user-management rules see it. */
export interface AccountInRings {
  role: Role
  organisation: OrganisationInRings | null
}

/**
 * May the viewer create, change or disable this account (or invite someone into it)?
 * Administrators: any. Moderators: member accounts of organisations in the rings they moderate.
 */
export function canManageAccount(viewer: Viewer, account: AccountInRings): boolean {
  if (viewer.role === 'admin') return true
  if (viewer.role !== 'moderator' || !isMemberRole(account.role) || !account.organisation) return false
  if (viewer.moderatedRingIds === 'all') return true
  return account.organisation.rings.some((r) => canModerateRing(viewer, r.id))
}

export function canManageUsers(viewer: Viewer | null): boolean {
  return hasPermission(viewer, 'manageUsers')
}

export function canViewAuditLog(viewer: Viewer | null): boolean {
  return hasPermission(viewer, 'viewAuditLog')
}

/** The session's global abilities: flags the UI tests to decide what to show. */
export function abilitiesFor(viewer: Viewer | null): Record<string, boolean> {
  return {
    isSignedIn: viewer !== null,
    canViewData: hasPermission(viewer, 'viewData'),
    canUploadData: hasPermission(viewer, 'uploadData'),
    canViewImports: hasPermission(viewer, 'viewImports'),
    canManageUsers: hasPermission(viewer, 'manageUsers'),
    canInviteUsers: hasPermission(viewer, 'inviteUsers'),
    canViewAuditLog: hasPermission(viewer, 'viewAuditLog'),
    canManageRings: hasPermission(viewer, 'manageRings'),
    canManageNetwork: hasPermission(viewer, 'manageNetwork'),
    canPlanMeetings: hasPermission(viewer, 'planMeetings'),
    canProposeTopics: hasPermission(viewer, 'proposeTopics'),
    canWritePractices: hasPermission(viewer, 'writePractices'),
    // Cycles span the network: a moderator limited to some rings does not open or change them.
    canManageSelfAssessment: hasPermission(viewer, 'manageSelfAssessment') && canManageNetworkWide(viewer),
    canManageCollections: hasPermission(viewer, 'manageCollections'),
    canFillCollections: hasPermission(viewer, 'fillCollections'),
    canChangePassword: viewer !== null,
  }
}
