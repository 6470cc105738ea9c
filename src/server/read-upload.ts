/**
 * The one way a route reads an uploaded file (multipart/form-data, field "file"), under the limits
 * of core/limits: the declared Content-Length is checked before a byte of the body is read, the
 * multipart parser is limited to one file and a few small fields, and the file stops being read at
 * the size limit. Every refusal says the limit.
 */
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { invalidInput, tooLarge } from '../core/errors/app-error'
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

const MULTIPART_LIMIT_MESSAGES: Record<string, string> = {
  FST_FILES_LIMIT: `at most ${UPLOAD_LIMITS.maxFiles} file per upload`,
  FST_PARTS_LIMIT: `at most ${UPLOAD_LIMITS.maxParts} parts (a file and form fields) per upload`,
  FST_FIELDS_LIMIT: `at most ${UPLOAD_LIMITS.maxFields} form fields per upload`,
}

function limitText(options: ReadUploadOptions): string {
  return `at most ${formatBytes(options.maxBytes)} per file${options.limitHint ? ` (${options.limitHint})` : ''}`
}

function multipartLimitError(error: unknown): Error {
  const code = (error as { code?: unknown }).code
  const message = typeof code === 'string' ? MULTIPART_LIMIT_MESSAGES[code] : undefined
  if (message === undefined) return error as Error
  return tooLarge(`upload: ${message}`, [{ field: 'file', message }])
}

function checkDeclaredLength(request: FastifyRequest, options: ReadUploadOptions): void {
  const declared = Number(request.headers['content-length'])
  const allowed =
    options.maxBytes + (options.optionalPart?.maxBytes ?? 0) + UPLOAD_LIMITS.multipartOverheadBytes
  if (Number.isFinite(declared) && declared > allowed) {
    const message = `the upload is ${formatBytes(declared)}; ${limitText(options)}`
    throw tooLarge(`upload: ${message}`, [{ field: 'file', message }])
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
    throw invalidInput('expected a multipart upload with a field "file"', [
      { field: 'file', message: 'missing' },
    ])
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
    const message = `at most ${formatBytes(maxBytes)}`
    return tooLarge(`${name}: ${message}`, [{ field: name, message }])
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
        throw invalidInput(
          `unexpected multipart part '${field}': send "file" and optionally "${name}", once each`,
          [{ field, message: `expected "file" or "${name}"` }],
        )
      }
    }
  } catch (error) {
    throw multipartLimitError(error)
  }
  if (!file)
    throw invalidInput('expected a multipart upload with a field "file"', [
      { field: 'file', message: 'missing' },
    ])
  return { file, part: extra }
}

async function readFilePart(part: MultipartFile, options: ReadUploadOptions): Promise<UploadedFile> {
  const fileTooLarge = () => {
    const message = `larger than the limit: ${limitText(options)}`
    return tooLarge(`${part.filename}: ${message}`, [{ file: part.filename, field: 'file', message }])
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
