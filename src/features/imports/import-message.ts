/**
 * An import error or notice as it is sent and stored: the English text (for logs and old readers)
 * with the catalogue key and raw parameters, which the web and the CLI render in the reader's language.
 */
import { invalidInput, type AppError, type ErrorDetail } from '../../core/errors/app-error'
import { render, type Message } from '../../core/messages/text'

export function importMessage(text: Message): {
  message: string
  messageKey: string
  params: Message['params']
} {
  return { message: render('en', text), messageKey: text.key, params: text.params }
}

/** An import error or notice as `importMessage` makes it, where in the file it stands. */
type ImportMessageRow = Omit<ErrorDetail, 'key' | 'params'> & {
  messageKey?: string
  params?: Message['params']
}

/**
 * The error of a file that wrote nothing: `text` with a detail per error row, each naming the file.
 * Details carry the catalogue key as `key`, so every reader renders them in its language.
 */
export function rejectedFile(
  summary: { fileName: string; errors: readonly ImportMessageRow[] },
  text: Message,
): AppError {
  return invalidInput(
    text,
    summary.errors.map(({ messageKey, params, ...e }) => ({
      file: summary.fileName,
      ...e,
      ...(messageKey ? { key: messageKey, params } : {}),
    })),
  )
}
