import { z } from 'zod'
import { AppError, detail } from '../../../core/errors/app-error'
import { issueMessage } from '../../../contracts/issue-message'
import { bothLanguages, message, type Message } from '../../../core/messages/text'
import { parsePeriod } from '../../../core/periods/period'

/**
 * Column-mapping files: how to read one kind of download (INKAR, BBSR, BA …) without code
 * changes. The fields are documented for users in mappings/README.md; keep both in step.
 */

/** What a statistical symbol (Zeichenerklärung) in a value cell means. */
export const symbolMeaningSchema = z.enum(['not_delivered', 'suppressed', 'not_applicable', 'zero'])
export type SymbolMeaning = z.infer<typeof symbolMeaningSchema>

/**
 * The mapping's own rules name their reason in the issue's params (said by describeIssue in the
 * reader's language), not in an English message.
 */
type CustomReason =
  { reason: 'period' } | { reason: 'requiredForFormat'; format: string } | { reason: 'yearsOrder' }

const periodText = z.string().refine((t) => parsePeriod(t) !== undefined, {
  params: { reason: 'period' } satisfies CustomReason,
})

const indicatorCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected an indicator code (letters, digits, underscore)')

export const indicatorDefinitionSchema = z.strictObject({
  code: indicatorCode,
  nameDe: z.string().min(1),
  nameEn: z.string().min(1),
  unit: z.string(),
  frequency: z.enum(['monthly', 'yearly']),
  breakdowns: z.array(z.string().min(1)).min(1),
  kind: z.enum(['raw', 'context']),
  source: z.string(),
  licence: z.string(),
  definitionDe: z.string(),
  definitionEn: z.string(),
})

const valueColumnSchema = z.strictObject({
  column: z.string().min(1),
  indicator: indicatorCode,
  breakdown: z.string().min(1).optional(),
  /** Multiplied into every value, e.g. 1000 to turn "1000 EUR" into EUR. */
  scale: z.number().positive().optional(),
  /** Why cells of this column are empty, repeated in the notice that counts them. */
  emptyNote: z.string().optional(),
  /** The same in German, shown on German pages (`emptyNote` is English). */
  emptyNoteDe: z.string().optional(),
})

export const columnMappingSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    /** The description in German, shown on German pages (`description` is English). */
    descriptionDe: z.string().optional(),
    format: z.enum(['long', 'wide-periods', 'wide-indicators']),
    sheet: z.string().min(1).optional(),
    headerRow: z.number().int().min(1).optional(),
    encoding: z.enum(['utf-8', 'windows-1252', 'latin1']).optional(),
    delimiter: z.enum([';', ',', '\t', '|']).optional(),
    decimal: z.enum([',', '.']).optional(),
    key: z.strictObject({
      column: z.string().min(1),
      type: z.enum(['ags', 'nuts3', 'id', 'auto']),
    }),
    period: z
      .union([z.strictObject({ column: z.string().min(1) }), z.strictObject({ fixed: periodText })])
      .optional(),
    years: z.strictObject({ from: z.number().int().optional(), to: z.number().int().optional() }).optional(),
    /** long: the header names of the remaining columns (aliases are tried when omitted). */
    long: z
      .strictObject({
        indicator: z.string().min(1).optional(),
        value: z.string().min(1).optional(),
        breakdown: z.string().min(1).optional(),
        status: z.string().min(1).optional(),
        missing: z.string().min(1).optional(),
        /** Indicator names as written in the file → indicator codes. */
        indicatorCodes: z.record(z.string(), indicatorCode).optional(),
      })
      .optional(),
    /** wide-periods: the indicator every period column holds. */
    indicator: indicatorCode.optional(),
    breakdown: z.string().min(1).optional(),
    scale: z.number().positive().optional(),
    /** wide-indicators: value column → indicator. */
    columns: z.array(valueColumnSchema).min(1).optional(),
    empty: z.enum(['missing', 'skip']).optional(),
    emptyNote: z.string().optional(),
    emptyNoteDe: z.string().optional(),
    symbols: z.record(z.string().min(1), symbolMeaningSchema).optional(),
    unmatchedKeys: z.enum(['error', 'report']).optional(),
    /**
     * Keys of districts that were merged whole into one successor (core/keys/territorial-changes.ts):
     * 'report' (default) names them with their successor; 'attribute' sums their counts into the
     * successor for the months before the merger (rates are not attributed: the file has no weights).
     */
    territorialChanges: z.enum(['report', 'attribute']).optional(),
    indicators: z.array(indicatorDefinitionSchema).optional(),
    source: z.string().optional(),
    licence: z.string().optional(),
  })
  .superRefine((m, ctx) => {
    const requiredFor = (format: string): CustomReason => ({ reason: 'requiredForFormat', format })
    if (m.format === 'wide-indicators' && !m.columns)
      ctx.addIssue({ code: 'custom', path: ['columns'], params: requiredFor('wide-indicators') })
    if (m.format === 'wide-indicators' && !m.period)
      ctx.addIssue({ code: 'custom', path: ['period'], params: requiredFor('wide-indicators') })
    if (m.format === 'wide-periods' && !m.indicator)
      ctx.addIssue({ code: 'custom', path: ['indicator'], params: requiredFor('wide-periods') })
    if (m.years?.from !== undefined && m.years.to !== undefined && m.years.from > m.years.to)
      ctx.addIssue({
        code: 'custom',
        path: ['years'],
        params: { reason: 'yearsOrder' } satisfies CustomReason,
      })
  })

export type ColumnMapping = z.infer<typeof columnMappingSchema>

type Issue = z.core.$ZodIssue

function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out === '' ? '(root)' : out
}

const ARTICLE_AN = new Set(['object', 'array', 'integer'])

/** What is wrong at one JSON path of a mapping file, naming the file and the path. */
function describeIssue(issue: Issue, file: string, path: string): Message {
  const at = { file, path }
  switch (issue.code) {
    case 'invalid_type': {
      const an = ARTICLE_AN.has(issue.expected)
      const type = { ...at, type: issue.expected }
      if (issue.input === undefined) return message(an ? 'mapping.requiredAn' : 'mapping.requiredA', type)
      return message(an ? 'mapping.expectedAn' : 'mapping.expectedA', type)
    }
    case 'invalid_value':
      return message('mapping.fieldOneOf', {
        ...at,
        values: issue.values.map((v) => JSON.stringify(v)).join(', '),
      })
    case 'unrecognized_keys':
      return message('mapping.unknownFields', {
        ...at,
        n: issue.keys.length,
        keys: issue.keys.map((k) => `"${k}"`).join(', '),
      })
    case 'invalid_union':
      return message('mapping.columnOrFixed', {
        ...at,
        column: '{ "column": "…" }',
        fixed: '{ "fixed": "2020" }',
      })
    case 'custom': {
      const custom = issue.params as CustomReason | undefined
      if (custom?.reason === 'period') return message('mapping.expectedPeriod', at)
      if (custom?.reason === 'requiredForFormat')
        return message('mapping.requiredForFormat', { ...at, format: custom.format })
      if (custom?.reason === 'yearsOrder') return message('mapping.yearsOrder', at)
      return message('mapping.issue', { file, field: path, ...bothLanguages(issueMessage(issue)) })
    }
    default:
      return message('mapping.issue', { file, field: path, ...bothLanguages(issueMessage(issue)) })
  }
}

/** Validates a parsed JSON value; throws AppError('invalid_input') naming file and JSON path. */
export function validateMapping(value: unknown, fileName: string): ColumnMapping {
  // reportInput tells a missing field (input undefined) from a wrong type
  const result = columnMappingSchema.safeParse(value, { reportInput: true })
  if (result.success) return result.data
  const issues = result.error.issues.map((issue) => {
    const path = formatPath(issue.path)
    return { path, text: describeIssue(issue, fileName, path) }
  })
  const details = issues.map((i) => detail(i.text, { file: fileName, field: i.path }))
  // One problem is the message; several are counted, each named in the details.
  const text =
    issues.length === 1
      ? issues[0]!.text
      : message('mapping.problems', { file: fileName, count: issues.length })
  throw new AppError('invalid_input', text, details)
}

/** Parses the text of a mapping file (JSON) and validates it. */
export function parseMappingJson(text: string, fileName: string): ColumnMapping {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('invalid_input', message('mapping.notJsonReason', { file: fileName, reason }), [
      detail(message('import.reason', { reason }), { file: fileName }),
    ])
  }
  return validateMapping(value, fileName)
}
