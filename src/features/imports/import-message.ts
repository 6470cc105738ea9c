/**
 * An import error or notice as it is sent and stored: the English text (for logs and old readers)
 * with the catalogue key and raw parameters, which the web and the CLI render in the reader's language.
 */
import { render, type Message } from '../../core/messages/text'

export function importMessage(text: Message): {
  message: string
  messageKey: string
  params: Message['params']
} {
  return { message: render('en', text), messageKey: text.key, params: text.params }
}
