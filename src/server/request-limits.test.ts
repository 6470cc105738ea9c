import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { allRoutes } from './routes'

type JsonSchema = Record<string, unknown>

/** A regex that pins the whole value to a bounded shape (`^\d{4}-\d{2}$`) bounds its length too. */
function isBoundedPattern(pattern: unknown): boolean {
  return typeof pattern === 'string' && /^\^[^*+]*\$$/.test(pattern) && !/\{\d+,\}/.test(pattern)
}

/** Paths of strings and lists in a request schema that accept any length. */
function unboundedValues(schema: unknown, path: string, found: string[]): string[] {
  if (!schema || typeof schema !== 'object') return found
  const node = schema as JsonSchema
  const isFixed = node.enum !== undefined || node.const !== undefined || node.format !== undefined
  if (node.type === 'string' && node.maxLength === undefined && !isFixed && !isBoundedPattern(node.pattern))
    found.push(`${path} (string)`)
  if (node.type === 'array' && node.maxItems === undefined && node.prefixItems === undefined)
    found.push(`${path} (list)`)
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties')
      for (const [name, property] of Object.entries(value as JsonSchema))
        unboundedValues(property, `${path}.${name}`, found)
    else if (typeof value === 'object') unboundedValues(value, path, found)
  }
  return found
}

describe('request limits', () => {
  it('bounds every string and list of every route input (query, path, body)', () => {
    const found: string[] = []
    for (const route of allRoutes)
      for (const part of ['query', 'params', 'body'] as const) {
        const schema = route[part]
        if (schema)
          unboundedValues(
            z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
            `${route.operationId}.${part}`,
            found,
          )
      }
    expect(found).toEqual([])
  })
})
