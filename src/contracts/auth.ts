/**
 * Accounts, sessions and abilities as the server, the web UI and the CLI see them. The server
 * decides every permission; the UI only reads `abilities` to decide what to show.
 */
import { z } from 'zod'

export const roleSchema = z.enum(['admin', 'moderator', 'member_lead', 'member_analyst', 'viewer'])
export type Role = z.infer<typeof roleSchema>

export const ROLE_LABELS: Record<Role, { de: string; en: string }> = {
  admin: { de: 'Netzwerk-Administration', en: 'Network administrator' },
  moderator: { de: 'Moderation (Beratung)', en: 'Moderator (consultancy)' },
  member_lead: { de: 'Leitung Jobcenter', en: 'Member lead' },
  member_analyst: { de: 'Controlling Jobcenter', en: 'Member analyst' },
  viewer: { de: 'Lesezugriff', en: 'Viewer' },
}

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
  })
  .meta({ id: 'Session' })
export type SessionDto = z.infer<typeof sessionSchema>

export const signInRequestSchema = z.object({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(200),
})

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(12, 'at least 12 characters').max(200),
})
