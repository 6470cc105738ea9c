/**
 * Answers of GET routes that are the same for every caller with the same view of the data, kept
 * serialised and compressed: a route opts in with `cacheKey` (route.ts), the app keys the entry by
 * the route, the data version (src/db/data-version.ts), the day and that key, and computes each
 * entry once (concurrent requests for a missing entry share one computation). A change of the data
 * makes every older entry unreachable at once; the LRU cap drops them later.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { LruCache } from '../core/memo/lru-cache'

/** Smaller answers are sent as they are (like @fastify/compress's threshold). */
const COMPRESS_THRESHOLD_BYTES = 1024

/** Quality 4, as @fastify/compress: about gzip's size at a fraction of brotli's default cost. */
const BROTLI_OPTIONS = {
  params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 4 },
}

const compressors = {
  br: (json: string) => promisify(brotliCompress)(json, BROTLI_OPTIONS),
  gzip: (json: string) => promisify(gzip)(json),
}

export type AnswerEncoding = keyof typeof compressors

export class CachedAnswer {
  readonly #encoded = new Map<AnswerEncoding, Promise<Buffer>>()

  constructor(readonly json: string) {}

  /** The answer compressed with `encoding`, computed on first use. */
  encoded(encoding: AnswerEncoding): Promise<Buffer> {
    let body = this.#encoded.get(encoding)
    if (!body) this.#encoded.set(encoding, (body = compressors[encoding](this.json)))
    return body
  }
}

/** Entries of several versions and viewer scopes; the big ones (all organisations) are few. */
const MAX_ENTRIES = 1000

export function createAnswerCache(): LruCache<Promise<CachedAnswer>> {
  return new LruCache<Promise<CachedAnswer>>(MAX_ENTRIES)
}

/**
 * The encoding to send `answer` in for an Accept-Encoding header: brotli, else gzip, else none
 * (then @fastify/compress may still deflate it). Small answers are not compressed.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  answer: CachedAnswer,
): AnswerEncoding | null {
  if (!acceptEncoding || answer.json.length < COMPRESS_THRESHOLD_BYTES) return null
  const accepted = new Set<string>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';')
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name)
  }
  if (accepted.has('br') || accepted.has('*')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return null
}
