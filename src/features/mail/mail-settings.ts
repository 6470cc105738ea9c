/**
 * The mail settings from the environment (docs/mail.md), read and checked once at start. Every
 * variable is optional: without BENCHLEARN_SMTP_HOST no mail leaves, the messages stay in the outbox
 * and an administrator sees them there.
 */
import { z } from 'zod'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message, type Message } from '../../core/messages/text'

export interface SmtpSettings {
  host: string
  port: number
  /** Implicit TLS from the first byte (port 465); otherwise STARTTLS whenever the server offers it. */
  isSecure: boolean
  user: string | null
  password: string | null
}

export interface MailSettings {
  /** null: no mail server; the outbox keeps the messages. */
  smtp: SmtpSettings | null
  from: string
  /** Base of the links in messages, without a trailing slash. */
  publicUrl: string
}

/**
 * What a setting should look like, as the schema's issue names it: the error's head (with the
 * variable's name) and its detail, both catalogue messages.
 */
type Expectation = 'boolean' | 'port' | 'portRange' | 'email' | 'url' | 'length'
const EXPECTATIONS: Record<Expectation, { head: (name: string) => Message; detail: Message }> = {
  boolean: {
    head: (name) => message('mail.expectedBooleanFor', { name }),
    detail: message('mail.expectedBoolean'),
  },
  port: { head: (name) => message('mail.expectedPortFor', { name }), detail: message('mail.expectedPort') },
  portRange: {
    head: (name) => message('mail.expectedPortRangeFor', { name }),
    detail: message('mail.expectedPortRange'),
  },
  email: {
    head: (name) => message('mail.expectedEmailFor', { name }),
    detail: message('mail.expectedEmail'),
  },
  url: { head: (name) => message('mail.expectedUrlFor', { name }), detail: message('mail.expectedUrl') },
  length: {
    head: (name) => message('mail.wrongLengthFor', { name }),
    detail: message('mail.wrongLength'),
  },
}

const booleanText = z.enum(['true', 'false'], { error: 'boolean' satisfies Expectation })

const envSchema = z.object({
  BENCHLEARN_SMTP_HOST: z
    .string()
    .trim()
    .min(1, 'length' satisfies Expectation)
    .max(253, 'length' satisfies Expectation)
    .optional(),
  BENCHLEARN_SMTP_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'port' satisfies Expectation)
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, 'portRange' satisfies Expectation)
    .optional(),
  BENCHLEARN_SMTP_SECURE: booleanText.optional(),
  BENCHLEARN_SMTP_USER: z
    .string()
    .min(1, 'length' satisfies Expectation)
    .max(254, 'length' satisfies Expectation)
    .optional(),
  BENCHLEARN_SMTP_PASSWORD: z
    .string()
    .min(1, 'length' satisfies Expectation)
    .max(1000, 'length' satisfies Expectation)
    .optional(),
  BENCHLEARN_MAIL_FROM: z.email('email' satisfies Expectation).optional(),
  BENCHLEARN_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'url' satisfies Expectation }).optional(),
})

/**
 * Reads the settings from `env`; `defaultPublicUrl` is where the server listens (used when
 * BENCHLEARN_PUBLIC_URL is not set). A wrong value throws invalid_input naming the variable.
 */
export function readMailSettings(
  env: Record<string, string | undefined>,
  defaultPublicUrl = 'http://localhost:3000',
): MailSettings {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => [name, env[name] === '' ? undefined : env[name]]),
  )
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0])
    // Every check of the schema names its expectation; anything else (not a string) is of the wrong length.
    const expected = EXPECTATIONS[issue.message as Expectation] ?? EXPECTATIONS.length
    throw invalidInput(expected.head(name), [detail(expected.detail, { field: name })])
  }
  const values = parsed.data
  if (!values.BENCHLEARN_SMTP_HOST) {
    for (const name of ['BENCHLEARN_SMTP_PORT', 'BENCHLEARN_SMTP_USER', 'BENCHLEARN_SMTP_PASSWORD'] as const)
      if (values[name] !== undefined)
        throw invalidInput(message('mail.needsHostFor', { name }), [
          detail(message('mail.needsHost'), { field: name }),
        ])
  }
  if ((values.BENCHLEARN_SMTP_USER === undefined) !== (values.BENCHLEARN_SMTP_PASSWORD === undefined))
    throw invalidInput(message('mail.userAndPassword'), [
      detail(message('mail.bothOrNeither'), { field: 'BENCHLEARN_SMTP_PASSWORD' }),
    ])
  const isSecure = values.BENCHLEARN_SMTP_SECURE === 'true'
  const publicUrl = (values.BENCHLEARN_PUBLIC_URL ?? defaultPublicUrl).replace(/\/+$/, '')
  return {
    smtp: values.BENCHLEARN_SMTP_HOST
      ? {
          host: values.BENCHLEARN_SMTP_HOST,
          port: values.BENCHLEARN_SMTP_PORT ?? (isSecure ? 465 : 587),
          isSecure,
          user: values.BENCHLEARN_SMTP_USER ?? null,
          password: values.BENCHLEARN_SMTP_PASSWORD ?? null,
        }
      : null,
    from: values.BENCHLEARN_MAIL_FROM ?? `benchlearn@${new URL(publicUrl).hostname}`,
    publicUrl,
  }
}
