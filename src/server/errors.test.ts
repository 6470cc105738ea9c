import { describe, expect, it } from 'vitest'
import { AppError } from '../core/errors/app-error'
import { message } from '../core/messages/text'
import { DATABASE_UNAVAILABLE_ANSWER } from '../test/expected-answers'
import { isDatabaseUnavailable, toErrorResponse } from './errors'

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code })

describe('toErrorResponse', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    [
      'a refused connection on every address',
      Object.assign(new AggregateError([]), { code: 'ECONNREFUSED' }),
    ],
    ['a connection failure (SQLSTATE 08006)', withCode('08006')],
    ['an administrator shutdown (57P01)', withCode('57P01')],
    ['a database starting up (57P03)', withCode('57P03')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
  ])('answers 503 unavailable for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
    expect(toErrorResponse(error)).toEqual({ status: 503, body: DATABASE_UNAVAILABLE_ANSWER })
  })

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a plain bug', new TypeError('x is undefined')],
  ])('keeps %s a 500', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
    expect(toErrorResponse(error).status).toBe(500)
  })

  it('maps the unavailable code of the domain to 503', () => {
    expect(toErrorResponse(new AppError('unavailable', message('request.databaseUnavailable'))).status).toBe(
      503,
    )
  })
})

describe('the texts of the mapping itself', () => {
  it('answers in the caller’s language with the key, also for request lists', async () => {
    const { z } = await import('zod')
    const { listText } = await import('../contracts/common')
    const schema = z.object({
      ids: listText({ item: z.string().regex(/^\d+$/), max: 2, noun: 'an id', plural: 'ids' }),
    })
    const invalid = schema.safeParse({ ids: '1,x' }).error
    expect(toErrorResponse(invalid, 'listThings', 'en').body.error).toMatchObject({
      message: 'invalid request to listThings',
      key: 'request.invalidRequest',
      details: [{ field: 'ids', message: 'not an id: x', key: 'request.notAnItem' }],
    })
    expect(toErrorResponse(invalid, undefined, 'de').body.error.message).toBe('ungültige Eingabe')
    expect(toErrorResponse(new TypeError('x'), undefined, 'en').body.error).toMatchObject({
      code: 'internal',
      message: 'internal error',
    })
  })
})

describe('what a schema refused', () => {
  it('is said in the caller’s language for every kind of check, never in zod’s own English', async () => {
    const { z } = await import('zod')
    const schema = z.strictObject({
      name: z.string().min(3),
      note: z.string().max(2),
      count: z.number().int().min(1),
      share: z.number().lt(1),
      mail: z.email(),
      day: z.iso.date(),
      at: z.iso.datetime(),
      role: z.enum(['lead', 'member']),
      ids: z.array(z.number()).min(1).max(2),
      step: z.number().multipleOf(5),
      either: z.union([z.string(), z.number()]),
      required: z.string(),
    })
    const invalid = schema.safeParse(
      {
        name: 'ab',
        note: 'abc',
        count: 0.5,
        share: 1,
        mail: 'x',
        day: '2026-13-01',
        at: 'morgen',
        role: 'boss',
        ids: [1, 2, 3],
        step: 7,
        either: true,
        extra: 1,
      },
      { reportInput: true },
    ).error
    const details = (locale: 'de' | 'en') =>
      Object.fromEntries(
        toErrorResponse(invalid, 'saveThing', locale).body.error.details.map((d) => [
          d.field ?? '',
          d.message,
        ]),
      )
    expect(details('de')).toEqual({
      name: 'zu kurz: mindestens 3 Zeichen',
      note: 'zu lang: höchstens 2 Zeichen',
      count: 'erwartet: eine ganze Zahl',
      share: 'zu groß: kleiner als 1 erwartet',
      mail: 'keine gültige E-Mail-Adresse',
      day: 'erwartet: ein Datum JJJJ-MM-TT',
      at: 'erwartet: ein Zeitpunkt wie 2026-12-04T09:30:00Z',
      role: 'erwartet: einer von lead, member',
      ids: 'zu viele: höchstens 2 Einträge',
      step: 'erwartet: ein Vielfaches von 5',
      either: 'passt zu keiner der erlaubten Formen',
      required: 'fehlt (erforderlich)',
      '': 'unbekannte Felder: extra',
    })
    expect(details('en')).toMatchObject({
      name: 'too short: at least 3 characters',
      required: 'missing (required)',
    })
  })

  it('answers Fastify’s own refusals in the caller’s language', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    })
    expect(toErrorResponse(tooLarge, undefined, 'de')).toMatchObject({
      status: 413,
      body: { error: { code: 'too_large', key: 'request.bodyTooLarge' } },
    })
    const badJson = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
      statusCode: 400,
    })
    expect(toErrorResponse(badJson, undefined, 'de').body.error).toMatchObject({
      code: 'invalid_input',
      message: 'Der Inhalt der Anfrage ist nicht lesbar (erwartet: gültiges JSON).',
    })
    const mediaType = Object.assign(new Error('Unsupported Media Type: text/xml'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    })
    expect(toErrorResponse(mediaType, undefined, 'en').body.error.message).toBe(
      'this content type is not accepted: text/xml',
    )
  })
})
