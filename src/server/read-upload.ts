/**
 * The one way a route reads an uploaded file (multipart/form-data, field "file"), under the limits
 * of core/limits: the declared Content-Length is checked before a byte of the body is read, the
 * multipart parser is limited to one file and a few small fields, and the file stops being read at
 * the size limit. Every refusal says the limit.
 */
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { detail, invalidInput, tooLarge } from '../core/errors/app-error'
import { message, type Message } from '../core/messages/text'
import { formatBytes, UPLOAD_LIMITS } from '../core/limits/input-limits'

export interface UploadedFile {
  fileName: string
  mimeType: string
  bytes: Buffer
}

export interface ReadUploadOptions {
  /** The most bytes the file may have. */
  maxBytes: number
  /** How the limit can be changed, said in the refusal (e.g. the environment variable). */
  limitHint?: string
  /**
   * A second, optional part the route accepts beside "file" (a file or a text field), e.g. an
   * import's own mapping document; read up to its own limit and never beyond.
   */
  optionalPart?: { name: string; maxBytes: number }
}

export interface UploadWithPart {
  file: UploadedFile
  /** The optional part, when it was sent. */
  part?: { fileName: string; bytes: Buffer }
}

/** A multipart limit: the refusal ("upload: …") and its detail. */
const MULTIPART_LIMIT_MESSAGES: Record<string, { text: Message; detail: Message }> = {
  FST_FILES_LIMIT: {
    text: message('upload.maxFiles', { max: UPLOAD_LIMITS.maxFiles }),
    detail: message('upload.maxFilesDetail', { max: UPLOAD_LIMITS.maxFiles }),
  },
  FST_PARTS_LIMIT: {
    text: message('upload.maxParts', { max: UPLOAD_LIMITS.maxParts }),
    detail: message('upload.maxPartsDetail', { max: UPLOAD_LIMITS.maxParts }),
  },
  FST_FIELDS_LIMIT: {
    text: message('upload.maxFields', { max: UPLOAD_LIMITS.maxFields }),
    detail: message('upload.maxFieldsDetail', { max: UPLOAD_LIMITS.maxFields }),
  },
}

/** The parameters of "at most {limit} per file{hint}": the limit and how to change it, if said. */
function limitParams(options: ReadUploadOptions): { limit: string; hint: string } {
  return { limit: formatBytes(options.maxBytes), hint: options.limitHint ? ` (${options.limitHint})` : '' }
}

function multipartLimitError(error: unknown): Error {
  const code = (error as { code?: unknown }).code
  const limit = typeof code === 'string' ? MULTIPART_LIMIT_MESSAGES[code] : undefined
  if (limit === undefined) return error as Error
  return tooLarge(limit.text, [detail(limit.detail, { field: 'file' })])
}

function checkDeclaredLength(request: FastifyRequest, options: ReadUploadOptions): void {
  const declared = Number(request.headers['content-length'])
  const allowed =
    options.maxBytes + (options.optionalPart?.maxBytes ?? 0) + UPLOAD_LIMITS.multipartOverheadBytes
  if (Number.isFinite(declared) && declared > allowed) {
    const params = { size: formatBytes(declared), ...limitParams(options) }
    throw tooLarge(message('upload.declaredTooLarge', params), [
      detail(message('upload.declaredTooLargeDetail', params), { field: 'file' }),
    ])
  }
}

function multipartLimits(options: ReadUploadOptions, extraFiles = 0) {
  return {
    fileSize: Math.max(options.maxBytes, options.optionalPart?.maxBytes ?? 0),
    files: UPLOAD_LIMITS.maxFiles + extraFiles,
    fields: UPLOAD_LIMITS.maxFields,
    parts: UPLOAD_LIMITS.maxParts,
    fieldSize: Math.max(UPLOAD_LIMITS.maxFieldBytes, options.optionalPart?.maxBytes ?? 0),
    fieldNameSize: UPLOAD_LIMITS.maxFieldNameBytes,
    headerPairs: UPLOAD_LIMITS.maxHeaderPairs,
  }
}

export async function readUpload(request: FastifyRequest, options: ReadUploadOptions): Promise<UploadedFile> {
  checkDeclaredLength(request, options)
  const part = await request.file({ limits: multipartLimits(options) }).catch((error: unknown) => {
    throw multipartLimitError(error)
  })
  if (!part)
    throw invalidInput(message('upload.noFile'), [detail(message('upload.missing'), { field: 'file' })])
  return readFilePart(part, options)
}

/**
 * Reads "file" and the route's optional second part (options.optionalPart), each under its own
 * limit; any other part is refused by name.
 */
export async function readUploadWithPart(
  request: FastifyRequest,
  options: ReadUploadOptions & { optionalPart: { name: string; maxBytes: number } },
): Promise<UploadWithPart> {
  checkDeclaredLength(request, options)
  const { name, maxBytes } = options.optionalPart
  const partTooLarge = () => {
    const limit = formatBytes(maxBytes)
    return tooLarge(message('upload.partTooLarge', { name, limit }), [
      detail(message('upload.partTooLargeDetail', { limit }), { field: name }),
    ])
  }
  let file: UploadedFile | undefined
  let extra: UploadWithPart['part']
  try {
    for await (const part of request.parts({ limits: multipartLimits(options, 1) })) {
      if (part.fieldname === 'file' && part.type === 'file' && !file) {
        file = await readFilePart(part, options)
      } else if (part.fieldname === name && !extra) {
        if (part.type === 'file') {
          const chunks: Buffer[] = []
          let size = 0
          // Stops as soon as the part passes its limit: a large part is never held.
          for await (const chunk of part.file as AsyncIterable<Buffer>) {
            size += chunk.byteLength
            if (size > maxBytes) throw partTooLarge()
            chunks.push(chunk)
          }
          extra = { fileName: part.filename || `${name}.json`, bytes: Buffer.concat(chunks) }
        } else {
          const bytes = Buffer.from(String(part.value), 'utf8')
          if (bytes.byteLength > maxBytes) throw partTooLarge()
          extra = { fileName: `${name}.json`, bytes }
        }
      } else {
        const field = part.fieldname.slice(0, 64)
        throw invalidInput(message('upload.unexpectedPart', { field, name }), [
          detail(message('upload.expectedFileOrPart', { name }), { field }),
        ])
      }
    }
  } catch (error) {
    throw multipartLimitError(error)
  }
  if (!file)
    throw invalidInput(message('upload.noFile'), [detail(message('upload.missing'), { field: 'file' })])
  return { file, part: extra }
}

async function readFilePart(part: MultipartFile, options: ReadUploadOptions): Promise<UploadedFile> {
  const fileTooLarge = () => {
    const params = limitParams(options)
    return tooLarge(message('upload.fileTooLarge', { file: part.filename, ...params }), [
      detail(message('upload.fileTooLargeDetail', params), { file: part.filename, field: 'file' }),
    ])
  }
  const bytes = await part.toBuffer().catch((error: unknown) => {
    throw (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE'
      ? fileTooLarge()
      : multipartLimitError(error)
  })
  // The parser reports the limit only on a later chunk: a file cut exactly at the limit ends quietly.
  if (part.file.truncated || bytes.byteLength > options.maxBytes) throw fileTooLarge()
  return { fileName: part.filename, mimeType: part.mimetype, bytes }
}
