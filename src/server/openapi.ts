/**
 * Generates the OpenAPI 3.1 document from the route declarations and their zod schemas. Schemas
 * with a `meta({ id })` become shared components.
 */
import { z } from 'zod'
import { errorResponseSchema } from '../contracts/common'
import { isPublicRoute, type AnyRoute } from './route'

type JsonObject = { [key: string]: unknown }

interface Converter {
  components: Record<string, unknown>
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonObject
}

function createConverter(): Converter {
  const components: Record<string, unknown> = {}
  const rewriteRefs = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewriteRefs)
    if (node && typeof node === 'object') {
      const out: JsonObject = {}
      for (const [key, value] of Object.entries(node)) {
        out[key] =
          key === '$ref' && typeof value === 'string'
            ? value.replace('#/$defs/', '#/components/schemas/')
            : rewriteRefs(value)
      }
      return out
    }
    return node
  }
  return {
    components,
    convert(schema, io) {
      const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject
      const { $schema: _schema, $defs, ...rest } = json
      for (const [name, def] of Object.entries(($defs as JsonObject | undefined) ?? {})) {
        components[name] = rewriteRefs(def)
      }
      return rewriteRefs(rest) as JsonObject
    },
  }
}

function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}

function parametersOf(converter: Converter, schema: z.ZodType | undefined, location: 'query' | 'path') {
  if (!schema) return []
  const json = converter.convert(schema, 'input')
  const properties = (json.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((json.required as string[] | undefined) ?? [])
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    }
  })
}

export function buildOpenApiDocument(routes: AnyRoute[], version: string): JsonObject {
  const converter = createConverter()
  const errorSchema = converter.convert(errorResponseSchema, 'output')
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    const path = toOpenApiPath(route.url)
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parametersOf(converter, route.params, 'path'),
        ...parametersOf(converter, route.query, 'query'),
      ],
      responses: {
        '200': {
          description: 'OK',
          content: {
            [route.produces ?? 'application/json']: { schema: converter.convert(route.response, 'output') },
          },
        },
        default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      },
    }
    if (isPublicRoute(route)) operation['x-public'] = true
    else {
      operation.security = [{ session: [] }]
      if ('roles' in route.access && route.access.roles !== 'any') operation['x-roles'] = route.access.roles
    }
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: converter.convert(route.body, 'input') } },
      }
    }
    if (route.isUpload) {
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary' } },
              required: ['file'],
            },
          },
        },
      }
    }
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'benchlearn API',
      version,
      description:
        'Key figures, peer groups and benchlearning for public organisations. All schemas are generated from the zod contracts in src/contracts.',
    },
    paths,
    components: {
      schemas: converter.components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'bl_session',
          description:
            'Session cookie set by POST /api/v1/session. Writes also need the header x-csrf-token from the session.',
        },
      },
    },
  }
}
