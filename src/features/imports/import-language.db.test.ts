/**
 * An upload with bad rows answers in the reader's language: German for an account set to German,
 * English for one set to English, German for nobody's setting (Accept-Language decides then), with
 * the catalogue key and raw parameters beside every text for clients that render it themselves.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser, seedReferenceData } from '../../test/factories'
import { multipartFile } from '../../test/multipart'
import { signIn, type SignedIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { createParsePool, type ParsePool } from './parsing/parse-pool'

const t = useTestDatabase()
let app: FastifyInstance
let parsePool: ParsePool
const signedIn: Partial<Record<'de' | 'en', SignedIn>> = {}

const BAD_FILE = [
  'ags;indicator;period;breakdown;value',
  '06435;elb;2024-13;total;12',
  '06435;no_such_indicator;2024-05;total;12',
  '99999;elb;2024-05;total;12',
].join('\n')

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  await createJobcentre(t.database.db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis', nuts3: 'DE719' })
  for (const locale of ['de', 'en'] as const) {
    const email = `admin-${locale}@example.org`
    const id = await createUser(t.database.db, { email, role: 'admin' })
    await t.database.db.updateTable('app_user').set({ locale }).where('id', '=', id).execute()
  }
  parsePool = createParsePool({ workers: 1 })
  app = await buildApp({ database: t.database, parsePool })
  signedIn.de = await signIn(app, 'admin-de@example.org')
  signedIn.en = await signIn(app, 'admin-en@example.org')
})
afterAll(async () => {
  await app?.close()
  await parsePool?.close()
})

async function upload(locale: 'de' | 'en', acceptLanguage: string) {
  const body = multipartFile('bad.csv', BAD_FILE)
  const response = await signedIn[locale]!.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload: body.payload,
    headers: { ...body.headers, 'accept-language': acceptLanguage },
  })
  expect(response.statusCode).toBe(422)
  return response.json().error as {
    message: string
    key?: string
    params?: Record<string, unknown>
    details: { row?: number; message: string; key?: string; params?: Record<string, unknown> }[]
  }
}

describe('import errors in the reader’s language', () => {
  it('answers a German account in German, with keys and raw parameters', async () => {
    const error = await upload('de', 'en-GB')
    expect(error.message).toBe('bad.csv: 3 Wert(e) abgelehnt; nichts wurde eingelesen')
    expect(error).toMatchObject({ key: 'import.rejected', params: { file: 'bad.csv', count: 3 } })
    const byRow = new Map(error.details.map((d) => [d.row, d]))
    expect(byRow.get(2)).toMatchObject({ key: 'import.notAPeriod', params: { raw: '2024-13' } })
    expect(byRow.get(2)!.message).toContain('ist kein Zeitraum')
    expect(byRow.get(3)!.message).toBe('unbekannte Kennzahl ‚no_such_indicator‘')
    expect(byRow.get(4)!.message).toMatch(/^„99999“ ist kein Kreisschlüssel \(AGS\) mit 5 Ziffern/)
    for (const d of error.details) expect(d.message).not.toMatch(/\b(the|is|not|expected|unknown)\b/)
  })

  it('answers an English account in English', async () => {
    const error = await upload('en', 'de-DE')
    expect(error.message).toBe('bad.csv: 3 value(s) rejected; nothing was imported')
    const byRow = new Map(error.details.map((d) => [d.row, d]))
    expect(byRow.get(2)!.message).toContain('is not a period')
    expect(byRow.get(3)!.message).toBe("unknown indicator 'no_such_indicator'")
    expect(byRow.get(4)!.message).toMatch(/^"99999" is not a Kreis key \(AGS\) of 5 digits/)
    for (const d of error.details) expect(d.message).not.toMatch(/\b(ist|nicht|keine?|unbekannte)\b/)
  })
})
