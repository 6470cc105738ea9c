/**
 * A server text as key and raw parameters, with the types that check each key's parameters. No
 * catalogue text is imported here (only its type): modules that only make messages, such as the
 * formula parser or the peer-group checks the web runs too, do not bring both languages of every
 * server text into the web's bundle. Rendering is in text.ts.
 */
import type { SERVER_MESSAGES } from './catalogue'
import type { ParamValue } from './render'

export type { ParamValue } from './render'

export type ServerMessageKey = keyof typeof SERVER_MESSAGES

/** The placeholder names of a template, `{name}` and `{name:format}`. */
type PlaceholderNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}:${string}` ? N : P extends `${infer N}|${string}` ? N : P) | PlaceholderNames<Rest>
  : never

/** `{why:inLanguage}` also takes `whyDe`, the German version of a text a person wrote. */
type GermanVersionNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}:inLanguage` ? `${N}De` : never) | GermanVersionNames<Rest>
  : never

/** The parameters a key's texts name (taken from the German text; the catalogue test checks English). */
export type ParamsOf<K extends ServerMessageKey> = Record<
  PlaceholderNames<(typeof SERVER_MESSAGES)[K]['de']>,
  ParamValue
> &
  Partial<Record<GermanVersionNames<(typeof SERVER_MESSAGES)[K]['de']>, ParamValue>>

/** A text as key and raw parameters: what errors, notices, reasons and spotlights carry. */
export interface Message<K extends ServerMessageKey = ServerMessageKey> {
  key: K
  params: Record<string, ParamValue>
}

/** The keys whose texts take no parameters. */
export type ParameterlessKey = {
  [K in ServerMessageKey]: [PlaceholderNames<(typeof SERVER_MESSAGES)[K]['de']>] extends [never] ? K : never
}[ServerMessageKey]

/** The parameters `message(key, …)` takes for a key: none, or exactly the ones its texts name. */
export type ArgsOf<K extends ServerMessageKey> = [
  PlaceholderNames<(typeof SERVER_MESSAGES)[K]['de']>,
] extends [never]
  ? [params?: Record<string, never>]
  : [params: ParamsOf<K>]

/** A message with typed parameters: `message('import.unknownIndicator', { code })`. */
export function message<K extends ServerMessageKey>(key: K, ...[params]: ArgsOf<K>): Message<K> {
  return { key, params: { ...(params ?? {}) } }
}
