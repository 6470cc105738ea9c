import { describe, expect, it } from 'vitest'
import { AppError } from '../core/errors/app-error'
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
    expect(toErrorResponse(error)).toEqual({
      status: 503,
      body: {
        error: {
          code: 'unavailable',
          message: 'Datenbank nicht erreichbar',
          key: 'request.databaseUnavailable',
          params: {},
          details: [],
        },
      },
    })
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
    expect(toErrorResponse(new AppError('unavailable', 'database unavailable')).status).toBe(503)
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
