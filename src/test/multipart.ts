/** Multipart bodies for app.inject, as a browser sends a form with files. */

export interface MultipartPart {
  /** The form field; default `file`. */
  name?: string
  /** Set for a file part. */
  fileName?: string
  content: string | Uint8Array
  /** Default application/octet-stream. */
  contentType?: string
}

export const MULTIPART_BOUNDARY = '----benchlearn-test-boundary'

/**
 * The body and its content-type header for the given parts. The body is text when every part is,
 * so that a test can look for what it sent in it (the access test does).
 */
export function multipartBody(parts: readonly MultipartPart[]): {
  payload: string | Buffer
  headers: { 'content-type': string }
} {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const name = part.name ?? 'file'
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${name}"`
        : `form-data; name="${name}"; filename="${part.fileName}"`
    const contentType = part.contentType ?? 'application/octet-stream'
    chunks.push(
      Buffer.from(
        `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      Buffer.from(part.content),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`))
  const payload = Buffer.concat(chunks)
  return {
    payload: parts.every((p) => typeof p.content === 'string') ? payload.toString('utf8') : payload,
    headers: { 'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` },
  }
}

/** A form with one file in the field `file`. */
export function multipartFile(fileName: string, content: string | Uint8Array, contentType?: string) {
  return multipartBody([{ fileName, content, contentType }])
}
