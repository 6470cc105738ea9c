import { describe, expect, it } from 'vitest'
import { ApiError } from './client'
import { describeError, fieldMessages } from './describe-error'

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`
const refusal = new ApiError({
  status: 422,
  code: 'invalid_input',
  message: 'invalid body',
  details: [
    { field: 'code', message: 'Too small: expected string to have >=1 characters' },
    { field: 'endsOn', message: 'Invalid ISO date' },
    { field: 'endsOn', message: 'before the start 2026-03-01' },
    { field: 'scale.max', message: 'min is 1' },
  ],
})

describe('fieldMessages', () => {
  it('gives each asked field its messages, joined, and nothing for other errors', () => {
    expect(fieldMessages(refusal, ['code', 'name', 'endsOn'])).toEqual({
      code: 'Too small: expected string to have >=1 characters',
      endsOn: 'Invalid ISO date; before the start 2026-03-01',
    })
    expect(fieldMessages(new Error('offline'), ['code'])).toEqual({})
  })
})

describe('describeError', () => {
  it('leaves out the details a form shows by its fields', () => {
    expect(describeError(t, refusal, ['code', 'endsOn']).lines).toEqual([
      'error.field{"field":"scale.max"}: min is 1',
    ])
    expect(describeError(t, refusal).lines).toHaveLength(4)
  })
})
