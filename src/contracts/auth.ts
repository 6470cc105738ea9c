/**
 * Accounts, sessions and abilities as the server, the web UI and the CLI see them. The server
 * decides every permission; the UI only reads `abilities` to decide what to show.
 */
import { z } from 'zod'
import { batchAnswerSchema, keyText, MAX_LIST_ITEMS, MAX_SHORT_TEXT } from './common'
import { ROLES } from '../core/permissions/permissions'

export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

/**
 * What the caller may do, as flags the UI can test. Global abilities live in the session; responses
 * about one resource may carry resource abilities of the same shape (e.g. `canUploadData`).
 */
export const abilitiesSchema = z.record(z.string(), z.boolean()).meta({ id: 'Abilities' })
export type Abilities = z.infer<typeof abilitiesSchema>

export const sessionUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  locale: z.enum(['de', 'en']),
})

export const sessionSchema = z
  .object({
    user: sessionUserSchema,
    /** Send back as header `x-csrf-token` on every write (POST/PUT/PATCH/DELETE). */
    csrfToken: z.string(),
    abilities: abilitiesSchema,
    /** When the user was last here before this session (for "what is new since your last visit"). */
    previousVisitAt: z.string().nullable(),
    /**
     * The first day of the newest month with computed key figures (YYYY-MM-DD; null: none yet): the
     * month the start page shows, so that it can ask for all its data at once.
     */
    latestComputedMonth: z.string().nullable(),
    /**
     * Whether values were recorded after `previousVisitAt` (false on a first visit): only then can
     * the figures as known at the last visit differ from today's, and pages ask for them.
     */
    hasValuesSinceLastVisit: z.boolean(),
    /** Set once, when this sign-in confirmed a new second factor: the recovery codes to keep. */
    recoveryCodes: z.array(z.string()).optional(),
  })
  .meta({ id: 'Session' })
export type SessionDto = z.infer<typeof sessionSchema>

export const firstLoadQuerySchema = z.object({
  /** The path of the page being opened (`/`, `/figures/K2` …), without its query. */
  path: z
    .string()
    .max(200)
    .regex(/^\/(?!\/)[^?#]*$/, 'a path of this site, starting with one /'),
})

/**
 * A page's first load in one answer: the session (without its CSRF token, which comes in the
 * header `x-csrf-token`, so that the answer can be remembered per person) and the answers of the
 * calls the page's first load makes (core/first-load), each as it would be alone.
 */
export const firstLoadAnswerSchema = z
  .object({
    /** Null when nobody is signed in. */
    session: sessionSchema.omit({ csrfToken: true, recoveryCodes: true }).nullable(),
    /** The calls answered, in order: each a path with its query, as the page's components ask for it. */
    calls: z.array(z.string()),
    answers: batchAnswerSchema.shape.answers,
  })
  .meta({ id: 'FirstLoad' })
export type FirstLoadDto = z.infer<typeof firstLoadAnswerSchema>

export const signInRequestSchema = z.object({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(200),
  /** The second factor: a TOTP code of the authenticator app or a recovery code (when the account has one). */
  code: z.string().min(6).max(20).optional(),
})

/** A new password: the web UI, the API and the CLI (`users create`) apply the same rule. */
export const newPasswordSchema = z.string().min(12, 'at least 12 characters').max(200)

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(MAX_SHORT_TEXT),
  newPassword: newPasswordSchema,
})

// ---- Additions by the server (issue 5): account administration, invitations, audit log. ----

export const signOutResponseSchema = z.object({ isSignedOut: z.literal(true) })
export const changePasswordResponseSchema = z.object({ isChanged: z.literal(true) })

export const userSchema = sessionUserSchema
  .extend({
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
    isDisabled: z.boolean(),
    /** For moderators: rings they are limited to; empty = all rings of the network. */
    moderatedRingIds: z.array(z.number().int()),
    /** What the caller may do with this account. */
    abilities: abilitiesSchema,
  })
  .meta({ id: 'User' })
export type UserDto = z.infer<typeof userSchema>
export const userListSchema = z.object({ users: z.array(userSchema) })

export const userIdParamsSchema = z.object({ id: z.coerce.number().int().positive() })

export const updateUserRequestSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    role: roleSchema.optional(),
    organisationId: z.number().int().nullable().optional(),
    locale: z.enum(['de', 'en']).optional(),
    isDisabled: z.boolean().optional(),
    moderatedRingIds: z.array(z.number().int()).max(MAX_LIST_ITEMS).optional(),
  })
  .strict()

export const createInvitationRequestSchema = z
  .object({
    role: roleSchema,
    organisationId: z.number().int().nullable().default(null),
    email: z.string().min(3).max(254).optional(),
    /** Hours until the link expires (default 7 days). */
    validHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24 * 7),
  })
  .strict()

export const invitationSchema = z
  .object({
    id: z.number().int(),
    role: roleSchema,
    organisationId: z.number().int().nullable(),
    email: z.string().nullable(),
    expiresAt: z.string(),
    /** The secret link; shown once, only to its creator. */
    token: z.string(),
    path: z.string(),
  })
  .meta({ id: 'Invitation' })

export const acceptInvitationRequestSchema = z
  .object({
    token: z.string().min(10).max(200),
    name: z.string().min(1).max(200),
    email: z.string().min(3).max(254).optional(),
    password: newPasswordSchema,
  })
  .strict()

/** Opening an invitation link: whose invitation it is, before the person sets name and password. */
export const invitationTokenRequestSchema = z.object({ token: z.string().min(10).max(200) }).strict()

export const invitationPreviewSchema = z
  .object({
    role: roleSchema,
    organisationId: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    /** The address the invitation was sent to; null when the person gives one. */
    email: z.string().nullable(),
    expiresAt: z.string(),
  })
  .meta({ id: 'InvitationPreview' })

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    actorUserId: z.number().int().nullable(),
    actor: z.string(),
    at: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' })
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  beforeId: z.coerce.number().int().optional().describe('page: entries older than this id'),
  entity: keyText().optional(),
})
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) })
