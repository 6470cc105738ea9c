/**
 * Generates the OpenAPI 3.1 document from the route declarations and their zod schemas. Schemas
 * with a `meta({ id })` become shared components.
 */
import { z } from 'zod'
import { errorResponseSchema } from '../contracts/common'
import { isPublicRoute, rolesOf, type AnyRoute } from './route'

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

const ERROR_DESCRIPTIONS: Record<number, string> = {
  401: 'Not signed in (unauthenticated)',
  403: 'Signed in, but not allowed (role, scope, or a missing or wrong x-csrf-token on a write)',
  404: 'Not found, or not visible to the caller (the same answer for both)',
  409: 'Conflicts with existing data (duplicate, overlapping validity …)',
  413: 'The request body or upload is larger than the server accepts',
  422: 'Invalid input: the details name each field, row or column and what was expected',
  429: 'Too many failed password checks: the message says how long to wait',
  503: 'The database cannot be reached (unavailable); try again shortly',
}

/** The error statuses a route can answer, from what it declares (access, inputs, method). */
function errorStatusesOf(route: AnyRoute): number[] {
  const isWrite = route.method !== 'GET'
  const statuses = new Set<number>([503])
  if (!isPublicRoute(route)) {
    statuses.add(401)
    if (isWrite || rolesOf(route)) statuses.add(403)
  }
  if (route.params || isWrite) statuses.add(404)
  if (isWrite) statuses.add(409)
  if (route.body || route.isUpload) statuses.add(413)
  if (route.query || route.params || route.body || route.isUpload) statuses.add(422)
  if (route.isRateLimited) statuses.add(429)
  return [...statuses].sort((a, b) => a - b)
}

/**
 * Who may call an operation, as OpenAPI security requirements: nothing for public ones; the session
 * cookie for reads; the session cookie and the CSRF header together for every other write.
 */
function securityOf(route: AnyRoute): Array<Record<string, string[]>> {
  if (isPublicRoute(route)) return []
  return route.method === 'GET' ? [{ session: [] }] : [{ session: [], csrf: [] }]
}

export function buildOpenApiDocument(routes: AnyRoute[], version: string): JsonObject {
  const converter = createConverter()
  const errorSchema = converter.convert(errorResponseSchema, 'output')
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: errorSchema } },
  })
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
        ...Object.fromEntries(
          errorStatusesOf(route).map((status) => [
            String(status),
            errorResponse(ERROR_DESCRIPTIONS[status]!),
          ]),
        ),
        default: errorResponse('Any other error (internal)'),
      },
      security: securityOf(route),
    }
    const roles = rolesOf(route)
    if (isPublicRoute(route)) operation['x-public'] = true
    else if (roles) operation['x-roles'] = roles
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
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative: the document describes the server that serves it, wherever that runs.
    servers: [{ url: '/', description: 'this benchlearn server' }],
    paths,
    components: {
      schemas: converter.components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'bl_session',
          description: 'Session cookie set by POST /api/v1/session (sign-in) and by accepting an invitation.',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description:
            'The csrfToken of the session (GET /api/v1/session); every write that is not public needs it with the cookie.',
        },
      },
    },
  }
}
