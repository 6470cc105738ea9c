/**
 * Turns an ApiError into sentences for people: a title by error code, the server's message, and one
 * line per detail that names the row, column and value (import errors are fixed in the file). The
 * server texts must be there: the views call `useServerTexts()`, actions await `loadServerTexts` first.
 */
import type { MessageKey } from '../i18n/messages'
import type { MessageParams } from '../i18n/translate'
import { renderSent } from '../i18n/server-texts'
import { ApiError, currentUiLanguage, type ErrorDetail } from './client'

export interface ReadableError {
  title: string
  message: string
  lines: string[]
}

type T = (key: MessageKey, params?: MessageParams) => string

export function describeDetail(t: T, detail: ErrorDetail): string {
  const where: string[] = []
  if (detail.file) where.push(t('error.file', { file: detail.file }))
  if (detail.row !== undefined) where.push(t('error.row', { row: detail.row }))
  if (detail.column) where.push(t('error.column', { column: detail.column }))
  if (detail.field && !detail.column) where.push(t('error.field', { field: detail.field }))
  const value = detail.value !== undefined ? ` (${t('error.value', { value: detail.value })})` : ''
  const message = renderSent(currentUiLanguage(), detail)
  return where.length > 0 ? `${where.join(', ')}: ${message}${value}` : `${message}${value}`
}

/** `shownByField`: fields whose details a form shows next to the field itself, left out of the lines. */
export function describeError(t: T, error: unknown, shownByField: readonly string[] = []): ReadableError {
  if (error instanceof ApiError) {
    return {
      title: t(`error.code.${error.code}`),
      // Server texts sent as catalogue keys are rendered in the UI language; others as sent.
      message: renderSent(currentUiLanguage(), {
        message: error.message,
        key: error.key,
        params: error.params,
      }),
      lines: error.details
        .filter((detail) => !shownByField.includes(detail.field ?? ''))
        .map((detail) => describeDetail(t, detail)),
    }
  }
  // An error of shared core code run in the browser (core/errors/app-error) carries its text as a
  // catalogue key: its `message` is only the key there, since the web bundle leaves the English out.
  const sent = error as { message?: unknown; key?: unknown; params?: Record<string, string | number> }
  const message =
    typeof sent?.key === 'string'
      ? renderSent(currentUiLanguage(), { message: String(sent.message), key: sent.key, params: sent.params })
      : String(sent?.message ?? error)
  return { title: t('error.code.internal'), message, lines: [] }
}

/** The server's messages about these fields of a form (a field's details joined), for next to the field. */
export function fieldMessages<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const messages: Partial<Record<F, string>> = {}
  if (!(error instanceof ApiError)) return messages
  for (const field of fields) {
    const found = error.details
      .filter((d) => d.field === field)
      .map((d) => renderSent(currentUiLanguage(), d))
    if (found.length > 0) messages[field] = found.join('; ')
  }
  return messages
}
