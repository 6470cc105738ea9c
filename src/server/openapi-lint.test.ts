/**
 * An independent linter (Redocly CLI, recommended rules: redocly.yaml) accepts the generated OpenAPI
 * document. It runs offline: no telemetry, no update check.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from './openapi'
import { allRoutes } from './routes'

const ROOT = join(import.meta.dirname, '../..')
const DOCUMENT = join(ROOT, 'test-results/openapi.json')
const REDOCLY = join(ROOT, 'node_modules/.bin/redocly')

describe('OpenAPI document', () => {
  it('passes redocly lint with the recommended rules, without errors or warnings', async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    writeFileSync(DOCUMENT, JSON.stringify(buildOpenApiDocument(allRoutes, '0.0.0-test'), null, 2))
    const run = await promisify(execFile)(
      REDOCLY,
      ['lint', DOCUMENT, '--config', join(ROOT, 'redocly.yaml'), '--format', 'stylish'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          NO_COLOR: '1',
        },
      },
    ).catch((error: { stdout: string; stderr: string }) => ({
      stdout: error.stdout,
      stderr: error.stderr,
      failed: true,
    }))
    const output = `${run.stdout}\n${run.stderr}`
    expect('failed' in run, output).toBe(false)
    expect(output).toMatch(/Your API description is valid/)
    expect(output, output).not.toMatch(/\d+ warnings?\b/)
  }, 120_000)

  it('marks public operations, requires the CSRF header on every other write and declares the 4xx answers', () => {
    const document = buildOpenApiDocument(allRoutes, '0.0.0-test') as {
      servers: unknown[]
      paths: Record<string, Record<string, { security: object[]; responses: Record<string, unknown> }>>
      components: { securitySchemes: Record<string, { type: string; in: string; name: string }> }
    }
    expect(document.servers.length).toBeGreaterThan(0)
    expect(document.components.securitySchemes.csrf).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'x-csrf-token',
    })
    for (const route of allRoutes) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
      const operation = document.paths[path]![route.method.toLowerCase()]!
      const isPublic = 'isPublic' in route.access
      if (isPublic) expect(operation.security, route.operationId).toEqual([])
      else if (route.method === 'GET')
        expect(operation.security, route.operationId).toEqual([{ session: [] }])
      else expect(operation.security, route.operationId).toEqual([{ session: [], csrf: [] }])
      if (!isPublic) expect(Object.keys(operation.responses), route.operationId).toContain('401')
      if (route.body || route.query || route.params) expect(Object.keys(operation.responses)).toContain('422')
    }
  })
})
