/**
 * The mail settings from the environment (docs/mail.md), read and checked once at start. Every
 * variable is optional: without BENCHLEARN_SMTP_HOST no mail leaves, the messages stay in the outbox
 * and an administrator sees them there.
 */
import { z } from 'zod'
import { invalidInput } from '../../core/errors/app-error'

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

const booleanText = z.enum(['true', 'false'], { error: 'expected true or false' })

const envSchema = z.object({
  BENCHLEARN_SMTP_HOST: z.string().trim().min(1).max(253).optional(),
  BENCHLEARN_SMTP_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'expected a port number')
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, 'expected a port between 1 and 65535')
    .optional(),
  BENCHLEARN_SMTP_SECURE: booleanText.optional(),
  BENCHLEARN_SMTP_USER: z.string().min(1).max(254).optional(),
  BENCHLEARN_SMTP_PASSWORD: z.string().min(1).max(1000).optional(),
  BENCHLEARN_MAIL_FROM: z.email('expected an e-mail address such as benchlearn@example.org').optional(),
  BENCHLEARN_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://benchlearn.example.org' })
    .optional(),
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
    throw invalidInput(`${name}: ${issue.message}`, [{ field: name, message: issue.message }])
  }
  const values = parsed.data
  if (!values.BENCHLEARN_SMTP_HOST) {
    for (const name of ['BENCHLEARN_SMTP_PORT', 'BENCHLEARN_SMTP_USER', 'BENCHLEARN_SMTP_PASSWORD'] as const)
      if (values[name] !== undefined)
        throw invalidInput(`${name} is set but BENCHLEARN_SMTP_HOST is not`, [
          { field: name, message: 'needs BENCHLEARN_SMTP_HOST' },
        ])
  }
  if ((values.BENCHLEARN_SMTP_USER === undefined) !== (values.BENCHLEARN_SMTP_PASSWORD === undefined))
    throw invalidInput('BENCHLEARN_SMTP_USER and BENCHLEARN_SMTP_PASSWORD are set together or not at all', [
      { field: 'BENCHLEARN_SMTP_PASSWORD', message: 'set both or neither' },
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
