/**
 * The one way a route reads an uploaded file (multipart/form-data, field "file"), under the limits
 * of core/limits: the declared Content-Length is checked before a byte of the body is read, the
 * multipart parser is limited to one file and a few small fields, and the file stops being read at
 * the size limit. Every refusal says the limit.
 */
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

export async function readUpload(request: FastifyRequest, options: ReadUploadOptions): Promise<UploadedFile> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > options.maxBytes + UPLOAD_LIMITS.multipartOverheadBytes) {
    const message = `the upload is ${formatBytes(declared)}; ${limitText(options)}`
    throw tooLarge(`upload: ${message}`, [{ field: 'file', message }])
  }
  const part = await request
    .file({
      limits: {
        fileSize: options.maxBytes,
        files: UPLOAD_LIMITS.maxFiles,
        fields: UPLOAD_LIMITS.maxFields,
        parts: UPLOAD_LIMITS.maxParts,
        fieldSize: UPLOAD_LIMITS.maxFieldBytes,
        fieldNameSize: UPLOAD_LIMITS.maxFieldNameBytes,
        headerPairs: UPLOAD_LIMITS.maxHeaderPairs,
      },
    })
    .catch((error: unknown) => {
      throw multipartLimitError(error)
    })
  if (!part)
    throw invalidInput('expected a multipart upload with a field "file"', [
      { field: 'file', message: 'missing' },
    ])
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
  if (part.file.truncated) throw fileTooLarge()
  return { fileName: part.filename, mimeType: part.mimetype, bytes }
}
