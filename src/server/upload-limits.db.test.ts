import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre, createUser, seedReferenceData } from '../test/factories'
import { postSession, signIn, type SignedIn } from '../test/sign-in'
import { useTestDatabase } from '../test/use-test-database'
import { zipBomb, zipOfManyEntries } from '../test/zip-files'
import { RAW_INDICATORS } from '../features/indicators/catalogue'
import { createParsePool, type ParsePool } from '../features/imports/parsing/parse-pool'
import { buildApp } from './app'
import { multipartFile } from '../test/multipart'

const t = useTestDatabase()
const MB = 1024 * 1024
const BOUNDARY = '----benchlearn-limits-boundary'
let app: FastifyInstance
let admin: SignedIn
let parsePool: ParsePool

/** A multipart body whose file part is `fileBytes` long, produced only as far as it is read. */
function lazyUpload(fileName: string, fileBytes: number): { stream: Readable; pulled: () => number } {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  const chunk = Buffer.alloc(64 * 1024, 'x')
  let sent = 0
  let pulled = 0
  const stream = new Readable({
    read() {
      if (sent === 0) {
        pulled += head.byteLength
        this.push(head)
      }
      if (sent >= fileBytes) {
        this.push(tail)
        this.push(null)
        return
      }
      const piece = chunk.subarray(0, Math.min(chunk.byteLength, fileBytes - sent))
      sent += piece.byteLength
      pulled += piece.byteLength
      this.push(piece)
    },
  })
  return { stream, pulled: () => pulled }
}

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  await createJobcentre(t.database.db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis', nuts3: 'DE719' })
  await createUser(t.database.db, { email: 'admin@example.org', role: 'admin' })
  parsePool = createParsePool({ workers: 1 })
  app = await buildApp({ database: t.database, maxUploadBytes: 12 * MB, parsePool })
  admin = await signIn(app, 'admin@example.org')
})
afterAll(async () => app?.close())

const UPLOAD_ROUTES = [
  { url: '/api/v1/imports', limit: '12 MB' },
  { url: '/api/v1/peers/types?name=Typen&networkId=1', limit: '16 MB' },
  { url: '/api/v1/areas/boundaries', limit: '32 MB' },
  { url: '/api/v1/practices/1/attachments', limit: '5 MB' },
]

describe('upload limits', () => {
  it.each(UPLOAD_ROUTES)(
    '$url refuses an upload whose Content-Length is over $limit before reading it',
    async ({ url, limit }) => {
      const upload = lazyUpload('big.csv', 40 * MB)
      const response = await admin.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': String(40 * MB + 300),
        },
        payload: upload.stream,
      })
      expect(response.statusCode).toBe(413)
      const error = response.json().error
      expect(error.code).toBe('too_large')
      expect(error.key).toBe('upload.declaredTooLarge')
      expect(error.message).toMatch(
        new RegExp(`^Hochladen: Der Upload ist 40 MB groß; höchstens ${limit} je Datei`),
      )
      expect(error.details).toEqual([
        expect.objectContaining({
          field: 'file',
          key: 'upload.declaredTooLargeDetail',
          message: expect.stringContaining(limit),
        }),
      ])
      // Not read into memory: at most what the transport buffers ahead (a few chunks), not 40 MB.
      expect(upload.pulled()).toBeLessThan(1 * MB)
    },
  )

  it('stops reading a streamed upload without Content-Length at the limit, naming the file', async () => {
    const upload = lazyUpload('gross.csv', 13 * MB)
    const response = await admin.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: upload.stream,
    })
    expect(response.statusCode).toBe(413)
    expect(response.json().error).toMatchObject({
      code: 'too_large',
      key: 'upload.fileTooLarge',
      message: 'gross.csv: größer als erlaubt: höchstens 12 MB je Datei (BENCHLEARN_MAX_UPLOAD_MB)',
      details: [{ file: 'gross.csv', field: 'file' }],
    })
  })

  it('refuses a JSON body over the limit with 413 naming the limit', async () => {
    const response = await postSession(app, 'x@example.org', 'p'.repeat(2 * MB))
    expect(response.statusCode).toBe(413)
    expect(response.json().error).toMatchObject({
      code: 'too_large',
      key: 'request.bodyTooLarge',
      message: 'Die Anfrage ist größer als 1 MB, die Grenze einer Anfrage.',
    })
  })

  it('refuses a zip bomb and a 20,000-entry workbook with the same error in a dry run', async () => {
    for (const [fileName, bytes, expected] of [
      [
        'bomb.xlsx',
        zipBomb(20),
        /^bomb\.xlsx: Eintrag „xl\/worksheets\/sheet1\.xml“ ist [\d.]+:1 gepackt; mehr als 200:1 wird als ZIP-Bombe abgelehnt$/,
      ],
      [
        'many.xlsx',
        zipOfManyEntries(20_000),
        /^many\.xlsx: Das Archiv der Arbeitsmappe hat 20\.000 Einträge; angenommen werden höchstens 1\.000$/,
      ],
    ] as const) {
      const messages: string[] = []
      for (const dryRun of ['true', 'false']) {
        const rssBefore = process.memoryUsage().rss
        const started = performance.now()
        const response = await admin.inject({
          method: 'POST',
          url: `/api/v1/imports?dryRun=${dryRun}`,
          ...multipartFile(fileName, bytes),
        })
        const ms = performance.now() - started
        expect(response.statusCode).toBe(422)
        messages.push(response.json().error.message)
        console.log(
          `${fileName} (${bytes.byteLength} bytes, dryRun=${dryRun}) refused in ${ms.toFixed(0)} ms, rss ${((process.memoryUsage().rss - rssBefore) / MB).toFixed(1)} MB more`,
        )
      }
      expect(messages[0]).toMatch(expected)
      expect(messages[1]).toBe(messages[0])
    }
  })

  it('keeps answering health and other reads while a large upload is parsed in a worker', async () => {
    const lines = ['org;indicator;period;value']
    for (let k = 0; k < 250_000; k++) {
      const month = Math.floor(k / 400) % 300
      const period = `${1995 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
      const indicator = RAW_INDICATORS[Math.floor(k / 120_000)]!.code
      lines.push(`${String(6400 + (k % 400)).padStart(5, '0')};${indicator};${period};${k},5`)
    }
    const file = multipartFile('gross.csv', `${lines.join('\n')}\n`)
    const started = performance.now()
    const upload = admin.inject({ method: 'POST', url: '/api/v1/imports?dryRun=true', ...file })
    while (parsePool.load().running === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const latencies: Record<string, number> = {}
    for (const url of ['/api/health', '/api/v1/indicators', '/api/health']) {
      const asked = performance.now()
      const response = await admin.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(200)
      latencies[url] = Math.round(performance.now() - asked)
    }
    // Answered while the file was still being parsed: the reads did not wait for the parse (how
    // quickly is logged, not asserted: a busy machine must not fail this test).
    expect(parsePool.load().running).toBe(1)
    const summary = (await upload).json()
    expect(summary).toMatchObject({ isDryRun: true, rowsRead: 250_000 })
    console.log(
      `${(Buffer.byteLength(file.payload) / MB).toFixed(1)} MB CSV: parsed and checked in ${Math.round(performance.now() - started)} ms; meanwhile ${JSON.stringify(latencies)} ms`,
    )
  }, 120_000)
})

describe('request value limits', () => {
  it.each([
    ['/api/v1/observations?indicator=elb&org=', 'org', 'x'.repeat(201)],
    ['/api/v1/kpi/summary?figure=K2&group=set&org=06435&orgs=', 'orgs', '06435,'.repeat(2000)],
    ['/api/v1/imports?mapping=', 'mapping', 'm'.repeat(201)],
  ])('%s… over its length is refused naming the field %s', async (url, field, value) => {
    const method = url.startsWith('/api/v1/imports') ? 'POST' : 'GET'
    const response = await admin.inject({ method, url: `${url}${value}` })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.details).toContainEqual(
      expect.objectContaining({
        field,
        key: 'issue.tooLong',
        message: expect.stringMatching(/^zu lang: höchstens [\d.]+ Zeichen$/),
      }),
    )
  })
})
