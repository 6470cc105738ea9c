import { describe, expect, it, vi } from 'vitest'
import { ApiError, apiBatch, apiRequest, batchUrl, toApiError } from './client'

const answer = (status: number, body: string) => async () =>
  new Response(status === 204 ? null : body, { status, headers: { 'content-type': 'application/json' } })

describe('apiRequest', () => {
  it('returns the JSON answer typed by the contract', async () => {
    const result = await apiRequest<{ count: number }>('/api/v1/x', {
      fetchImpl: answer(200, '{"count":3}'),
    })
    expect(result.count).toBe(3)
  })

  it('turns the server error shape into an ApiError with code, message and details', async () => {
    const body = JSON.stringify({
      error: { code: 'invalid_input', message: 'bad row', details: [{ row: 4, column: 'Wert' }] },
    })
    const error = await apiRequest('/api/v1/x', { fetchImpl: answer(400, body) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', message: 'bad row' })
    expect((error as ApiError).details).toEqual([{ row: 4, column: 'Wert' }])
  })

  it('reports an answer that is not a JSON object as invalid_response', async () => {
    const error = await apiRequest('/api/v1/x', { fetchImpl: answer(200, '<html>proxy page</html>') }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'invalid_response', message: 'unexpected answer from /api/v1/x' })
  })

  it('accepts an empty 204 answer', async () => {
    await expect(
      apiRequest('/api/v1/x', { method: 'DELETE', fetchImpl: answer(204, '') }),
    ).resolves.toBeUndefined()
  })
})

describe('toApiError', () => {
  it('falls back to the HTTP status when the body is not the error shape', () => {
    expect(toApiError(404, 'gone')).toMatchObject({ code: 'not_found', message: 'gone' })
    expect(toApiError(502, { error: 'bad gateway' })).toMatchObject({ code: 'internal', message: 'HTTP 502' })
  })
})

describe('apiBatch', () => {
  it('asks for all calls in one request and gives each its answer or its error', async () => {
    const requested: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(url)
      return new Response(
        JSON.stringify({
          answers: [
            { status: 200, body: { indicators: [] } },
            {
              status: 401,
              body: { error: { code: 'unauthenticated', message: 'sign in first', details: [] } },
            },
          ],
        }),
        { status: 200 },
      )
    })
    try {
      const calls = ['/api/v1/indicators', '/api/v1/actions?scope=mine&status=open']
      const [indicators, actions] = await apiBatch(calls)
      expect(requested).toEqual([batchUrl(calls)])
      expect(new URLSearchParams(requested[0]!.split('?')[1]).getAll('call')).toEqual(calls)
      expect(indicators).toEqual({ data: { indicators: [] } })
      expect(actions).toMatchObject({ error: { status: 401, code: 'unauthenticated' } })
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
