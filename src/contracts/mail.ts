/** E-mail: what a person may choose per kind of message, password reset, the administrators' outbox. */
import { z } from 'zod'
import { newPasswordSchema } from './auth'
import { MAX_OFFSET } from './common'

/** Kinds of message a person chooses the delivery of (account invitations and resets always go out). */
export const MAIL_PREFERENCE_KINDS = [
  'meeting_invitation',
  'minutes_to_approve',
  'action_due',
  'new_practice',
  'upcoming_meeting',
  'collection_reminder',
] as const
export type MailPreferenceKind = (typeof MAIL_PREFERENCE_KINDS)[number]

/** Every kind of message in the outbox. */
export const MAIL_KINDS = [
  'account_invitation',
  'password_reset',
  ...MAIL_PREFERENCE_KINDS,
  'meeting_update',
  'meeting_cancel',
  'digest',
] as const
export type MailKind = (typeof MAIL_KINDS)[number]

export const MAIL_DELIVERIES = ['immediately', 'digest', 'app'] as const
export const mailDeliverySchema = z.enum(MAIL_DELIVERIES)
export type MailDeliveryChoice = z.infer<typeof mailDeliverySchema>

export const mailPreferencesSchema = z
  .object({
    preferences: z.array(z.object({ kind: z.enum(MAIL_PREFERENCE_KINDS), delivery: mailDeliverySchema })),
  })
  .meta({ id: 'MailPreferences' })
export type MailPreferencesDto = z.infer<typeof mailPreferencesSchema>

export const updateMailPreferencesRequestSchema = z
  .object({
    preferences: z
      .array(z.object({ kind: z.enum(MAIL_PREFERENCE_KINDS), delivery: mailDeliverySchema }).strict())
      .min(1)
      .max(MAIL_PREFERENCE_KINDS.length),
  })
  .strict()

export const requestPasswordResetSchema = z.object({ email: z.string().trim().min(3).max(254) }).strict()
/** The same answer whether or not an account has the address. */
export const passwordResetRequestedSchema = z.object({ isRequested: z.literal(true) })

export const confirmPasswordResetSchema = z
  .object({ token: z.string().min(10).max(200), password: newPasswordSchema })
  .strict()
export const passwordResetDoneSchema = z.object({ isReset: z.literal(true) })

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held', 'digested'] as const

export const outboxQuerySchema = z.object({
  status: z.enum(MAIL_STATUSES).optional(),
  offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0),
})

export const outboxSchema = z
  .object({
    /** Whether a mail server is configured; without one the messages wait here. */
    isSmtpConfigured: z.boolean(),
    // Every status named (not a record over the enum): the OpenAPI document then defines each count.
    counts: z.object(
      Object.fromEntries(MAIL_STATUSES.map((status) => [status, z.number().int()])) as Record<
        (typeof MAIL_STATUSES)[number],
        z.ZodNumber
      >,
    ),
    messages: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(MAIL_KINDS),
        recipient: z.string(),
        status: z.enum(MAIL_STATUSES),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
        nextAttemptAt: z.string().nullable(),
      }),
    ),
    /** Newest first, 100 a page. */
    hasMore: z.boolean(),
  })
  .meta({ id: 'MailOutbox' })
export type OutboxDto = z.infer<typeof outboxSchema>
