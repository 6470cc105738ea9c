/**
 * Request and response schemas shared by the server (validation + OpenAPI), the web UI (typed
 * hooks) and the CLI (--json output). This folder imports nothing but zod and constants of the
 * pure core.
 */
import { z } from 'zod'
import { REQUEST_LIMITS } from '../core/limits/input-limits'
import { message, render, type Message, type ParameterlessKey } from '../core/messages/text'
import { CONFIDENTIALITY_CLASSES } from '../core/permissions/confidentiality'

/** Lengths of request values (core/limits): every string and list a request carries is bounded. */
export const MAX_KEY = REQUEST_LIMITS.maxNameChars
export const MAX_SHORT_TEXT = REQUEST_LIMITS.maxShortTextChars
export const MAX_LONG_TEXT = REQUEST_LIMITS.maxLongTextChars
export const MAX_LIST_ITEMS = REQUEST_LIMITS.maxListItems
export const MAX_LIST_CHARS = REQUEST_LIMITS.maxListChars
/** Rows a page may skip (a PostgreSQL bigint would overflow long before a JS integer does). */
export const MAX_OFFSET = REQUEST_LIMITS.maxOffset
/** A key, code, id or short name in a request. */
export const keyText = () => z.string().max(MAX_KEY)

/**
 * A server text as a key of the server catalogue (src/core/messages) with raw parameters, next to
 * `message` (already in the caller's language); clients render the key in their UI language.
 */
export function serverMessageFields() {
  return {
    key: z.string().optional().describe('the message as a key of the server catalogue (src/core/messages)'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }
}

/** A text the server produced in both languages (a sentence built from parts); clients pick theirs. */
export const localizedTextSchema = z.object({ de: z.string(), en: z.string() })

/** A text the server produced, sent in English with its catalogue key for the reader's language. */
export const serverTextSchema = z.object({ message: z.string(), ...serverMessageFields() })

export const errorDetailSchema = z.object({
  file: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
  ...serverMessageFields(),
})

/** The one error shape of every API error. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum([
        'invalid_input',
        'not_found',
        'conflict',
        'unauthenticated',
        'forbidden',
        'rate_limited',
        'infeasible',
        'too_large',
        'unavailable',
        'internal',
      ]),
      message: z.string(),
      ...serverMessageFields(),
      details: z.array(errorDetailSchema).default([]),
    }),
  })
  .meta({ id: 'Error' })
export type ErrorResponse = z.infer<typeof errorResponseSchema>

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, refusedAs('pattern.date'))
export const periodText = z.string().regex(/^\d{4}(-\d{2})?$/, refusedAs('pattern.period'))

/** A database id written in a query string: a positive whole number (PostgreSQL integer). */
export const idText = z
  .string()
  .regex(/^\d{1,10}$/, refusedAs('pattern.id'))
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647))

/**
 * A custom schema issue whose text is a catalogue message: its English rendering as the issue's text,
 * and the key with parameters in `params.message`, which the server's error mapping renders in the
 * caller's language.
 */
export function customIssue(text: Message): {
  code: 'custom'
  message: string
  params: { message: Message }
} {
  return { code: 'custom', message: render('en', text), params: { message: text } }
}

/**
 * The refusal of a `.regex` check as a catalogue message without parameters: the issue carries the
 * key as its text, and `issueMessage` (contracts/issue-message.ts) renders it per language.
 */
export function refusedAs(key: ParameterlessKey): { error: string } {
  return { error: key }
}

/** The options of a `.refine` whose refusal is a catalogue message (rendered like `customIssue`). */
export function refinement(text: Message): { message: string; params: { message: Message } } {
  return { message: render('en', text), params: { message: text } }
}

/**
 * A comma-separated list (`K1,K2`, `elb,lzb` or ids `12,15`) → its distinct items in the order
 * given. Every item must be a valid `item`: one that is not refuses the request (422, naming the
 * field) instead of being dropped; and there may be at most `max` of them.
 */
export function listText<T>(options: {
  item: z.ZodType<T, string>
  max: number
  noun: string
  plural: string
}) {
  return z
    .string()
    .max(MAX_LIST_CHARS)
    .transform((text, ctx) => {
      const items: T[] = []
      for (const part of text.split(',')) {
        const parsed = options.item.safeParse(part.trim())
        if (!parsed.success) {
          ctx.addIssue(customIssue(message('request.notAnItem', { noun: options.noun, value: part.trim() })))
          return z.NEVER
        }
        items.push(parsed.data)
      }
      const distinct = [...new Set(items)]
      if (distinct.length > options.max) {
        ctx.addIssue(
          customIssue(message('request.tooManyItems', { max: options.max, plural: options.plural })),
        )
        return z.NEVER
      }
      return distinct
    })
}

const checkStatusSchema = z.enum(['ok', 'degraded'])

export const healthSchema = z.object({
  /** `degraded`: the server answers, but a check needs an operator's look. */
  status: checkStatusSchema,
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  isDemo: z.boolean(),
  checks: z.array(z.object({ name: z.string(), status: checkStatusSchema, detail: z.string() })),
  /** Background workers of the answering process; their errors are in its log. */
  workers: z.array(z.object({ name: z.string(), lastRunAt: z.string().nullable(), isFailing: z.boolean() })),
})

/** What every page's footer shows: the version and whether the data are the demo's. */
export const aboutSchema = z.object({ version: z.string(), isDemo: z.boolean() })

/** Calls a batch may hold: a page's first load asks for its data in one request (GET /api/v1/batch). */
export const MAX_BATCH_CALLS = 12

export const batchQuerySchema = z.object({
  /** Each a path with its query, as the call would be made on its own: `/api/v1/indicators`. */
  call: z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(z.string().min(1).max(2000)).min(1).max(MAX_BATCH_CALLS),
  ),
})

/** The answers in the order of the calls: status and body as each call alone would have had them. */
export const batchAnswerSchema = z.object({
  answers: z.array(z.object({ status: z.number().int(), body: z.unknown() })),
})

/** public: published by an office, shown by name to every signed-in user; network: delivered by members. */
export const confidentialitySchema = z
  .enum(CONFIDENTIALITY_CLASSES)
  .describe('public (published by an office) or network (delivered by members: ring and aggregates only)')
