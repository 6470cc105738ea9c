import { AppError, detail } from '../../../core/errors/app-error'
import { message } from '../../../core/messages/text'

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'latin1'

export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'windows-1252'
  hasBom: boolean
}

// Typical sequences produced when UTF-8 text is read as Windows-1252 (ä → Ã¤, ß → ÃŸ, € → â‚¬).
const MOJIBAKE =
  /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]|â‚¬/

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true
  return false
}

/** Where the first byte sequence that is not UTF-8 sits, as 1-based line and byte offset. */
function locateInvalidUtf8(bytes: Uint8Array): { line: number; offset: number; byte: number } {
  let line = 1
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b === 0x0a) line++
    let extra = 0
    if (b < 0x80) extra = 0
    else if (b >= 0xc2 && b <= 0xdf) extra = 1
    else if (b >= 0xe0 && b <= 0xef) extra = 2
    else if (b >= 0xf0 && b <= 0xf4) extra = 3
    else return { line, offset: i, byte: b }
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, offset: i, byte: b }
    }
    i += extra + 1
  }
  return { line, offset: bytes.length, byte: 0 }
}

/**
 * Decodes the file once. Without an override, invalid UTF-8 means the file was saved by a German
 * Windows program, so it is read as Windows-1252 (a superset of Latin-1 for printable text).
 * Forcing an encoding that contradicts the bytes is an error, because the result would be mojibake
 * stored in the database.
 */
export function decodeText(bytes: Uint8Array, fileName: string, forced?: TextEncodingName): DecodedText {
  const hasBom = hasUtf8Bom(bytes)
  if (forced === 'windows-1252' || forced === 'latin1') {
    if (hasBom || (hasHighBytes(bytes) && isValidUtf8(bytes))) {
      const text = new TextDecoder('utf-8').decode(bytes)
      const sample = firstNonAscii(text)
      throw new AppError(
        'invalid_input',
        message('import.encodingIsUtf8', { file: fileName, forced, sample }),
        [detail(message('import.fileIsUtf8'), { file: fileName, field: 'encoding', value: forced })],
      )
    }
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', hasBom: false }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    if (forced === 'utf-8') {
      const m = MOJIBAKE.exec(text)
      if (m) {
        const line = text.slice(0, m.index).split('\n').length
        throw new AppError(
          'invalid_input',
          message('import.mojibake', { file: fileName, line, sample: m[0] }),
          [
            detail(message('import.doubleEncoded'), {
              file: fileName,
              row: line,
              field: 'encoding',
              value: m[0],
            }),
          ],
        )
      }
    }
    return { text, encoding: 'utf-8', hasBom }
  } catch (error) {
    if (error instanceof AppError) throw error
    if (forced === 'utf-8') {
      const at = locateInvalidUtf8(bytes)
      const hex = at.byte.toString(16).toUpperCase().padStart(2, '0')
      throw new AppError(
        'invalid_input',
        message('import.notUtf8', { file: fileName, line: at.line, offset: at.offset, hex }),
        [
          detail(message('import.notUtf8Short'), {
            file: fileName,
            row: at.line,
            field: 'encoding',
            value: `0x${hex}`,
          }),
        ],
      )
    }
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', hasBom: false }
  }
}

// A byte scan rather than a trial decode, so that a large file is not decoded twice.
function isValidUtf8(bytes: Uint8Array): boolean {
  return locateInvalidUtf8(bytes).offset === bytes.length
}

function firstNonAscii(text: string): string {
  const m = /[^\u0020-\u007E\t\r\n]+/.exec(text.replace(/^\uFEFF/, ''))
  return m ? m[0].slice(0, 8) : '\uFEFF (byte-order mark)'
}
