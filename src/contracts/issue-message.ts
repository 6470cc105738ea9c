/**
 * What a schema refused, as a catalogue message, for every reader of zod issues (the HTTP error
 * mapping, mapping files, settings): never zod's own English.
 */
import { isServerMessageKey, message, type Message } from '../core/messages/text'

type SchemaIssue = {
  code?: string
  message: string
  params?: unknown
  expected?: string
  input?: unknown
  origin?: string
  minimum?: number | bigint | Date
  maximum?: number | bigint | Date
  inclusive?: boolean
  format?: string
  values?: unknown[]
  keys?: string[]
  divisor?: number
}

const TEXT_ORIGINS = new Set(['string'])
const LIST_ORIGINS = new Set(['array', 'set', 'file'])
const KNOWN_TYPES = new Set([
  'string',
  'number',
  'int',
  'bigint',
  'boolean',
  'array',
  'object',
  'date',
  'null',
  'record',
  'map',
  'file',
])

function bound(value: number | bigint | Date | undefined): string | number {
  if (value instanceof Date) return value.toISOString()
  return typeof value === 'bigint' ? Number(value) : (value ?? 0)
}

/**
 * What a schema refused, as a catalogue message: the message a custom issue carries
 * (contracts/common.ts customIssue), else one per kind of zod check, so no check answers in
 * zod's own English.
 */
export function issueMessage(schemaIssue: { code?: string; message: string }): Message {
  const issue = schemaIssue as SchemaIssue
  switch (issue.code) {
    case 'custom': {
      const text = (issue.params as { message?: Partial<Message> } | undefined)?.message
      return isServerMessageKey(text?.key) && typeof text.params === 'object' && text.params !== null
        ? { key: text.key, params: text.params }
        : message('issue.invalid')
    }
    case 'invalid_type':
      if (issue.input === undefined) return message('issue.required')
      return message('issue.wrongType', {
        expected: KNOWN_TYPES.has(issue.expected ?? '') ? issue.expected! : 'other',
      })
    case 'too_small': {
      const minimum = bound(issue.minimum)
      if (TEXT_ORIGINS.has(issue.origin ?? '')) return message('issue.tooShort', { minimum })
      if (LIST_ORIGINS.has(issue.origin ?? '')) return message('issue.tooFewItems', { minimum })
      return message(issue.inclusive === false ? 'issue.above' : 'issue.atLeast', { minimum })
    }
    case 'too_big': {
      const maximum = bound(issue.maximum)
      if (TEXT_ORIGINS.has(issue.origin ?? '')) return message('issue.tooLong', { maximum })
      if (LIST_ORIGINS.has(issue.origin ?? '')) return message('issue.tooManyItems', { maximum })
      return message(issue.inclusive === false ? 'issue.below' : 'issue.atMost', { maximum })
    }
    case 'invalid_format':
      // A pattern's own refusal, given as a catalogue key (`matching` in contracts/common.ts).
      if (isServerMessageKey(issue.message)) return { key: issue.message, params: {} }
      if (issue.format === 'email') return message('issue.notEmail')
      if (issue.format === 'url') return message('issue.notUrl')
      if (issue.format === 'date') return message('issue.notDate')
      if (issue.format === 'datetime') return message('issue.notInstant')
      return message('issue.badFormat')
    case 'invalid_value':
      return message('issue.notOneOf', { values: (issue.values ?? []).map(String).join(', ') })
    case 'unrecognized_keys':
      return message('issue.unknownFields', { fields: (issue.keys ?? []).join(', ') })
    case 'not_multiple_of':
      return message('issue.notMultipleOf', { divisor: issue.divisor ?? 1 })
    case 'invalid_union':
      return message('issue.noVariantFits')
    case 'invalid_key':
      return message('issue.badKey')
    case 'invalid_element':
      return message('issue.badEntry')
    default:
      return message('issue.invalid')
  }
}
