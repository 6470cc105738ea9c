/**
 * Request and response schemas shared by the server (validation + OpenAPI), the web UI (typed
 * hooks) and the CLI (--json output). This folder imports nothing but zod.
 */
import { z } from 'zod'

export const errorDetailSchema = z.object({
  file: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
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
        'unavailable',
        'internal',
      ]),
      message: z.string(),
      details: z.array(errorDetailSchema).default([]),
    }),
  })
  .meta({ id: 'Error' })
export type ErrorResponse = z.infer<typeof errorResponseSchema>

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
export const periodText = z.string().regex(/^\d{4}(-\d{2})?$/, 'expected a period as YYYY-MM or YYYY')

/**
 * Comma-separated codes (`K1,K2` or `elb,lzb`) → the distinct codes in the order given; each must
 * match `code`, and there may be at most `max` of them.
 */
export function codeListText(options: { code: z.ZodString; max: number; noun: string; plural: string }) {
  return z.string().transform((text, ctx) => {
    const codes = [...new Set(text.split(',').map((c) => c.trim()))]
    for (const code of codes)
      if (!options.code.safeParse(code).success) {
        ctx.addIssue({ code: 'custom', message: `not ${options.noun}: ${code}` })
        return z.NEVER
      }
    if (codes.length > options.max) {
      ctx.addIssue({ code: 'custom', message: `at most ${options.max} ${options.plural} per request` })
      return z.NEVER
    }
    return codes
  })
}

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  isDemo: z.boolean(),
})
