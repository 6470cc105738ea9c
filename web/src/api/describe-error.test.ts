import { afterEach, describe, expect, it } from 'vitest'
import { loadServerTexts } from '../i18n/server-texts'
import { AppError } from '../../../src/core/errors/app-error'
import { message } from '../../../src/core/messages/message'
import { ApiError, setUiLanguage } from './client'
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

describe('server texts sent as catalogue keys', () => {
  const keyed = new ApiError({
    status: 422,
    code: 'invalid_input',
    message: 'bad.csv: 2 value(s) rejected; nothing was imported',
    key: 'import.rejected',
    params: { file: 'bad.csv', count: 2 },
    details: [
      {
        row: 3,
        message: "unknown indicator 'x1'",
        key: 'import.unknownIndicator',
        params: { code: 'x1' },
      },
      { field: 'code', message: 'as sent', key: 'no.such.key' },
    ],
  })
  afterEach(() => setUiLanguage('de'))

  it('shows the text as sent until the server texts are fetched, then renders it', async () => {
    setUiLanguage('de')
    expect(describeError(t, keyed).message).toBe('bad.csv: 2 value(s) rejected; nothing was imported')
    await loadServerTexts('de')
    await loadServerTexts('en')
    expect(describeError(t, keyed).message).toBe('bad.csv: 2 Wert(e) abgelehnt; nichts wurde eingelesen')
  })

  it('renders message and details in the UI language, others as sent', () => {
    setUiLanguage('de')
    const german = describeError(t, keyed)
    expect(german.message).toBe('bad.csv: 2 Wert(e) abgelehnt; nichts wurde eingelesen')
    expect(german.lines[0]).toBe('error.row{"row":3}: unbekannte Kennzahl ‚x1‘')
    expect(fieldMessages(keyed, ['code'])).toEqual({ code: 'as sent' })
    setUiLanguage('en')
    expect(describeError(t, keyed).message).toBe('bad.csv: 2 value(s) rejected; nothing was imported')
    expect(describeError(t, keyed).lines[0]).toBe('error.row{"row":3}: unknown indicator \'x1\'')
  })

  it('renders an error of core code run in the browser by its key, in the UI language', async () => {
    await loadServerTexts('de')
    await loadServerTexts('en')
    const thrown = new AppError('invalid_input', message('import.unknownIndicator', { code: 'x1' }))
    setUiLanguage('de')
    expect(describeError(t, thrown).message).toBe('unbekannte Kennzahl ‚x1‘')
    setUiLanguage('en')
    expect(describeError(t, thrown).message).toBe("unknown indicator 'x1'")
    expect(describeError(t, new Error('plain')).message).toBe('plain')
  })
})
