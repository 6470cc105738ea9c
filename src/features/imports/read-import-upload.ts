import type { FastifyRequest } from 'fastify'
import { invalidInput } from '../../core/errors/app-error'
import { MAPPING_DOCUMENT_MAX_BYTES } from '../../contracts/imports'

export interface ImportUpload {
  file: { fileName: string; bytes: Buffer }
  /** A mapping document sent along as the part "mapping" (a file or a text field). */
  mappingDocument?: { fileName: string; bytes: Buffer }
}

/**
 * Reads the multipart parts of an import upload: "file" (required) and "mapping" (optional, at
 * most MAPPING_DOCUMENT_MAX_BYTES). Any other part is refused by name.
 */
export async function readImportUpload(
  request: FastifyRequest,
  options: { maxFileBytes: number },
): Promise<ImportUpload> {
  let file: ImportUpload['file'] | undefined
  let mappingDocument: ImportUpload['mappingDocument']
  const parts = request.parts({ limits: { fileSize: options.maxFileBytes, files: 2, fields: 1, parts: 2 } })
  for await (const part of parts) {
    if (part.fieldname === 'file' && part.type === 'file' && !file) {
      file = { fileName: part.filename, bytes: await part.toBuffer() }
    } else if (part.fieldname === 'mapping' && !mappingDocument) {
      if (part.type === 'file') {
        mappingDocument = { fileName: part.filename || 'mapping.json', bytes: await readLimited(part.file) }
      } else {
        const bytes = Buffer.from(String(part.value), 'utf8')
        checkMappingSize(bytes.byteLength)
        mappingDocument = { fileName: 'mapping.json', bytes }
      }
    } else {
      throw invalidInput(
        `unexpected multipart part '${part.fieldname.slice(0, 64)}': send "file" and optionally "mapping", once each`,
        [{ field: part.fieldname.slice(0, 64), message: 'expected "file" or "mapping"' }],
      )
    }
  }
  if (!file)
    throw invalidInput('expected a multipart upload with a field "file"', [
      { field: 'file', message: 'missing' },
    ])
  return { file, mappingDocument }
}

function checkMappingSize(bytes: number): void {
  if (bytes > MAPPING_DOCUMENT_MAX_BYTES)
    throw invalidInput(
      `mapping: a mapping document may have at most ${MAPPING_DOCUMENT_MAX_BYTES} bytes (${MAPPING_DOCUMENT_MAX_BYTES / 1024} kB)`,
      [{ field: 'mapping', message: `at most ${MAPPING_DOCUMENT_MAX_BYTES} bytes` }],
    )
}

/** Reads a stream, stopping as soon as it passes the mapping limit (a large part is never held). */
async function readLimited(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += chunk.byteLength
    checkMappingSize(size)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
