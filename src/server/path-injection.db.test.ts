/**
 * No request value becomes a file path (docs/security.md, "Files and paths"). Every route that takes
 * a string (path parameter, query, JSON body, multipart part or file name) is called with hostile
 * paths as an analyst and as an administrator, in pairs of an existing and a missing file: the two
 * answers must be the same (but for the value itself), carry no file content and come back in time.
 * The static files of the UI are tried with traversals as well.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre, createUser, seedReferenceData } from '../test/factories'
import { signIn, type SignedIn } from '../test/sign-in'
import { useTestDatabase } from '../test/use-test-database'
import { buildApp } from './app'
import type { AnyRoute } from './route'
import { allRoutes } from './routes'
import { multipartBody } from '../test/multipart'

const t = useTestDatabase()
let app: FastifyInstance
let webRoot: string
const sessions: Record<'analyst' | 'admin', SignedIn> = {} as Record<'analyst' | 'admin', SignedIn>

/**
 * Pairs of a path that exists on every Linux machine (or in the repository) and one of the same
 * length that does not (so that length rules answer alike).
 */
const HOSTILE_PAIRS: [string, string][] = [
  ['/etc/passwd', '/etc/pxsswd'],
  ['../../package.json', '../../pxckage.json'],
  ['/proc/self/environ', '/proc/self/envirxn'],
  ['/dev/zero', '/dev/zerx'],
  ['%2Fetc%2Fpasswd', '%2Fetc%2Fpxsswd'],
  ['..%2F..%2Fpackage.json', '..%2F..%2Fpxckage.json'],
  ['file:///etc/passwd', 'file:///etc/pxsswd'],
]

/** What would show that a file was read into an answer. */
const FILE_CONTENT_MARKERS = [
  'root:x:0:0',
  'root:*:',
  '"devDependencies"',
  '"prettier --check',
  'PATH=/',
  '\\u0000',
]

// Generous: scrypt routes on a loaded CI machine take seconds; reading /dev/zero would never end.
const TIMEOUT_MS = 20_000

/** The keys of an object schema, through zod's wrappers (pipes, optional, unions). */
function objectKeys(schema: unknown): string[] {
  const s = schema as {
    shape?: Record<string, unknown>
    def?: { in?: unknown; innerType?: unknown; options?: unknown[] }
  }
  if (!s) return []
  if (s.shape) return Object.keys(s.shape)
  if (s.def?.in) return objectKeys(s.def.in)
  if (s.def?.innerType) return objectKeys(s.def.innerType)
  if (s.def?.options) return [...new Set(s.def.options.flatMap(objectKeys))]
  return []
}

const LONG_CSV = 'ags;indicator;period;value\r\n06435;elb;2023-01;5\r\n'

/** The requests that put `value` into every string a route takes, one slot at a time and all at once. */
function hostileRequests(route: AnyRoute, value: string, isEachKey: boolean): InjectOptions[] {
  const paramKeys = objectKeys(route.params)
  const queryKeys = objectKeys(route.query)
  const bodyKeys = objectKeys(route.body)
  if (paramKeys.length + queryKeys.length + bodyKeys.length === 0 && !route.isUpload) return []
  const url = route.url.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(value))
  const withQuery = (keys: string[]) =>
    keys.length === 0 ? url : `${url}?${keys.map((k) => `${k}=${encodeURIComponent(value)}`).join('&')}`
  const payload = bodyKeys.length > 0 ? Object.fromEntries(bodyKeys.map((k) => [k, value])) : undefined
  const requests: InjectOptions[] = [{ method: route.method, url: withQuery(queryKeys), payload }]
  if (isEachKey)
    for (const key of queryKeys) requests.push({ method: route.method, url: withQuery([key]), payload })
  if (route.isUpload) {
    // The file name, the mapping by name and a mapping document that is only a path.
    requests.push({
      method: route.method,
      url: `${url}?dryRun=true`,
      ...multipartBody([{ name: 'file', fileName: value, content: LONG_CSV }]),
    })
    requests.push({
      method: route.method,
      url: `${url}?mapping=${encodeURIComponent(value)}&dryRun=true`,
      ...multipartBody([{ name: 'file', fileName: 'values.csv', content: LONG_CSV }]),
    })
    requests.push({
      method: route.method,
      url: `${url}?dryRun=true`,
      ...multipartBody([
        { name: 'file', fileName: 'values.csv', content: LONG_CSV },
        { name: 'mapping', fileName: value, content: value },
      ]),
    })
  }
  return requests
}

async function injectInTime(session: SignedIn, request: InjectOptions, remoteAddress: string) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${request.method} ${request.url} took longer than ${TIMEOUT_MS} ms`)),
      TIMEOUT_MS,
    )
  })
  try {
    return await Promise.race([session.inject({ ...request, remoteAddress }), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The answer with the hostile value (in each spelling it may be echoed in) and all digits blanked. */
function normalise(response: LightMyRequestResponse, values: string[]): string {
  let body = response.body
  for (const value of values)
    for (const spelling of [
      value,
      JSON.stringify(value).slice(1, -1),
      encodeURIComponent(value),
      value.split('/').pop()!,
    ])
      body = body.split(spelling).join('<value>')
  return `${response.statusCode} ${body.replace(/\d+/g, '#')}`
}

function expectNoFileContent(response: LightMyRequestResponse, what: string) {
  for (const marker of FILE_CONTENT_MARKERS)
    expect(response.body.includes(marker), `${what} answered with file content (${marker})`).toBe(false)
  expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500)
}

let addressCounter = 0
/** A fresh client address per request, so that failed-password limits do not change answers. */
const nextAddress = () => {
  addressCounter++
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`
}

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  const orgId = await createJobcentre(t.database.db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis' })
  await createUser(t.database.db, { email: 'admin@paths.test', role: 'admin' })
  await createUser(t.database.db, {
    email: 'analyst@paths.test',
    role: 'member_analyst',
    organisationId: orgId,
  })
  // A web root with a secret next to it: a traversal out of the root would find it.
  const base = mkdtempSync(join(tmpdir(), 'benchlearn-paths-'))
  webRoot = join(base, 'web')
  mkdirSync(join(webRoot, 'assets'), { recursive: true })
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>benchlearn</title>')
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'root:x:0:0 secret outside the web root')
  app = await buildApp({ database: t.database, webRoot, now: () => new Date('2024-03-01T12:00:00Z') })
  sessions.analyst = await signIn(app, 'analyst@paths.test')
  sessions.admin = await signIn(app, 'admin@paths.test')
})
afterAll(async () => {
  await app?.close()
  if (webRoot) rmSync(join(webRoot, '..'), { recursive: true, force: true })
})

describe('request values never name a file', () => {
  const routesWithStrings = allRoutes.filter(
    (r) =>
      r.isUpload || objectKeys(r.params).length + objectKeys(r.query).length + objectKeys(r.body).length > 0,
  )

  it('covers the routes that take strings, the import upload among them', () => {
    expect(routesWithStrings.length).toBeGreaterThan(30)
    expect(routesWithStrings.map((r) => r.operationId)).toContain('uploadImport')
  })

  for (const role of ['analyst', 'admin'] as const) {
    it(`answers the same for existing and missing files, without their content (${role})`, async () => {
      const session = sessions[role]
      let requests = 0
      for (const route of routesWithStrings) {
        // Routes that check a password run scrypt (~0.1 s) on every call: two pairs are enough there.
        const pairs = objectKeys(route.body).some((k) => /password/i.test(k))
          ? HOSTILE_PAIRS.slice(0, 2)
          : HOSTILE_PAIRS
        for (const [pair, [existing, missing]] of pairs.entries()) {
          // Every spelling with all strings at once; the first three one query key at a time.
          const withExisting = hostileRequests(route, existing, pair < 3)
          const withMissing = hostileRequests(route, missing, pair < 3)
          for (let i = 0; i < withExisting.length; i++) {
            const a = await injectInTime(session, withExisting[i]!, nextAddress())
            const b = await injectInTime(session, withMissing[i]!, nextAddress())
            const what = `${role} ${withExisting[i]!.method} ${withExisting[i]!.url}`
            expectNoFileContent(a, what)
            expectNoFileContent(b, what)
            expect(normalise(a, [missing, existing]), what).toBe(normalise(b, [missing, existing]))
            requests += 2
          }
        }
      }
      expect(requests).toBeGreaterThan(500)
    }, 120_000)
  }

  it('refuses a mapping that is not a shipped name with the list of known names, reading no file', async () => {
    const file = multipartBody([{ name: 'file', fileName: 'values.csv', content: LONG_CSV }])
    for (const value of ['/etc/shadow', '/proc/self/environ', '/dev/zero', '../../package.json']) {
      const response = await sessions.analyst.inject({
        method: 'POST',
        url: `/api/v1/imports?dryRun=true&mapping=${encodeURIComponent(value)}`,
        ...file,
      })
      expect(response.statusCode).toBe(422)
      expect(response.json().error.details).toEqual([
        expect.objectContaining({
          field: 'mapping',
          key: 'pattern.mappingName',
          message: expect.stringMatching(/mitgelieferten Zuordnung/),
        }),
      ])
    }
    // A well-formed name that is not shipped: one error listing the shipped names.
    const unknown = await sessions.analyst.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true&mapping=shadow',
      ...file,
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().error).toMatchObject({
      key: 'mapping.notShipped',
      message: expect.stringMatching(
        /^Die Zuordnung ‚shadow‘ wird nicht mitgeliefert; bekannt sind: .*inkar-wirtschaft.*long-csv/,
      ),
    })
  })

  it('takes an uploaded mapping document, with errors naming its part and JSON path', async () => {
    const mapping = {
      name: 'own long file',
      format: 'long',
      key: { column: 'Kennziffer', type: 'ags' },
      period: { column: 'Monat' },
      long: { indicator: 'Kennzahl', value: 'Wert' },
    }
    const csv = 'Kennziffer;Kennzahl;Monat;Wert\r\n06435;elb;2023-02;5\r\n'
    const ok = await sessions.analyst.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipartBody([
        { name: 'file', fileName: 'values.csv', content: csv },
        { name: 'mapping', fileName: 'own.json', content: JSON.stringify(mapping) },
      ]),
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ isDryRun: true, newValues: 1, errors: [] })

    const broken = await sessions.analyst.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipartBody([
        { name: 'file', fileName: 'values.csv', content: csv },
        {
          name: 'mapping',
          fileName: 'own.json',
          content: JSON.stringify({ ...mapping, format: 'sideways' }),
        },
      ]),
    })
    expect(broken.statusCode).toBe(422)
    expect(broken.json().error.message).toMatch(/^Zuordnung own\.json: format: /)

    const tooBig = await sessions.analyst.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipartBody([
        { name: 'file', fileName: 'values.csv', content: csv },
        { name: 'mapping', fileName: 'own.json', content: ' '.repeat(300 * 1024) },
      ]),
    })
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().error.message).toMatch(/^mapping: höchstens 256 kB/)

    const both = await sessions.analyst.inject({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true&mapping=long-csv',
      ...multipartBody([
        { name: 'file', fileName: 'values.csv', content: csv },
        { name: 'mapping', fileName: 'own.json', content: JSON.stringify(mapping) },
      ]),
    })
    expect(both.statusCode).toBe(422)
    expect(both.json().error.message).toMatch(/entweder/)
  })

  it('serves no file from outside the web root', async () => {
    const secrets = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/assets/../../../../../../etc/passwd',
    ]
    for (const url of secrets) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.body, url).not.toMatch(/root:x:0:0|secret outside/)
      expect(response.statusCode, url).toBeLessThan(500)
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' })
    expect(asset.body).toBe('console.log(1)')
  })
})
