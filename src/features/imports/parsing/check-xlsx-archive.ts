/**
 * Limits of an .xlsx file (a zip archive), checked before the workbook is read: the central
 * directory is read first (entries, declared sizes, compression ratios), then every entry is
 * inflated with a cap of its declared size, because a declared size can lie. Only then does the
 * spreadsheet library unpack it, and it unpacks exactly the bytes checked here.
 */
import { inflateRawSync } from 'node:zlib'
import { AppError, detail } from '../../../core/errors/app-error'
import { message, type Message } from '../../../core/messages/text'
import { formatBytes, XLSX_LIMITS, type XlsxLimits } from '../../../core/limits/input-limits'

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const END_RECORD_BYTES = 22
const MAX_COMMENT_BYTES = 0xffff
const ZIP64_MARK = 0xffffffff

export interface ZipEntry {
  name: string
  method: number
  packedBytes: number
  unpackedBytes: number
  localHeaderOffset: number
}

/** `why` names the file first ("{file}: …"): the refusal and its one detail say the same. */
function refuse(fileName: string, why: Message, field?: string): AppError {
  return new AppError('invalid_input', why, [
    detail(why, { file: fileName, ...(field === undefined ? {} : { field }) }),
  ])
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - END_RECORD_BYTES
  const first = Math.max(0, last - MAX_COMMENT_BYTES)
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === END_OF_DIRECTORY) return at
  return -1
}

/**
 * Reads the zip's central directory and refuses, before anything is unpacked, an archive with too
 * many entries, a declared unpacked size over the limits, or a compression ratio typical of zip
 * bombs. Returns the entries for verifyXlsxEntries.
 */
export function checkXlsxDirectory(
  bytes: Uint8Array,
  fileName: string,
  limits: XlsxLimits = XLSX_LIMITS,
): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.byteLength >= END_RECORD_BYTES ? findEndOfDirectory(view) : -1
  if (end < 0) throw refuse(fileName, message('xlsx.noDirectory', { file: fileName }))
  const declaredEntries = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (declaredEntries === 0xffff || directoryOffset === ZIP64_MARK)
    throw refuse(
      fileName,
      message('xlsx.zip64Archive', { file: fileName, limit: formatBytes(limits.maxTotalBytes) }),
    )
  if (declaredEntries > limits.maxEntries)
    throw refuse(
      fileName,
      message('xlsx.tooManyEntries', { file: fileName, entries: declaredEntries, max: limits.maxEntries }),
      'entries',
    )
  const entries: ZipEntry[] = []
  let total = 0
  let at = directoryOffset
  const decoder = new TextDecoder()
  for (let k = 0; k < declaredEntries; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw refuse(fileName, message('xlsx.directoryDamaged', { file: fileName }))
    const nameLength = view.getUint16(at + 28, true)
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      packedBytes: view.getUint32(at + 20, true),
      unpackedBytes: view.getUint32(at + 24, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localHeaderOffset: view.getUint32(at + 42, true),
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    if (entry.packedBytes === ZIP64_MARK || entry.unpackedBytes === ZIP64_MARK)
      throw refuse(fileName, message('xlsx.zip64Entry', { file: fileName, entry: entry.name }))
    if (entry.method !== 0 && entry.method !== 8)
      throw refuse(
        fileName,
        message('xlsx.method', { file: fileName, entry: entry.name, method: entry.method }),
      )
    if (entry.unpackedBytes > limits.maxEntryBytes)
      throw refuse(
        fileName,
        message('xlsx.entryTooLarge', {
          file: fileName,
          entry: entry.name,
          size: formatBytes(entry.unpackedBytes),
          limit: formatBytes(limits.maxEntryBytes),
        }),
        'unpackedSize',
      )
    total += entry.unpackedBytes
    if (total > limits.maxTotalBytes)
      throw refuse(
        fileName,
        message('xlsx.totalTooLarge', { file: fileName, limit: formatBytes(limits.maxTotalBytes) }),
        'unpackedSize',
      )
    const ratio = entry.unpackedBytes / Math.max(1, entry.packedBytes)
    if (entry.unpackedBytes >= limits.ratioCheckedFromBytes && ratio > limits.maxCompressionRatio)
      throw refuse(
        fileName,
        message('xlsx.ratio', {
          file: fileName,
          entry: entry.name,
          ratio: Math.round(ratio),
          max: limits.maxCompressionRatio,
        }),
        'compressionRatio',
      )
    entries.push(entry)
  }
  return entries
}

/**
 * Unpacks every entry with a cap of its declared size (and the per-entry limit), so an entry that
 * lies about its size is refused after at most that many bytes. The output is dropped at once.
 */
export function verifyXlsxEntries(
  bytes: Uint8Array,
  entries: ZipEntry[],
  fileName: string,
  limits: XlsxLimits = XLSX_LIMITS,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const entry of entries) {
    const local = entry.localHeaderOffset
    if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== LOCAL_HEADER)
      throw refuse(fileName, message('xlsx.entryDamaged', { file: fileName, entry: entry.name }))
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    if (dataStart + entry.packedBytes > bytes.byteLength)
      throw refuse(fileName, message('xlsx.entryCutOff', { file: fileName, entry: entry.name }))
    const packed = bytes.subarray(dataStart, dataStart + entry.packedBytes)
    if (entry.method === 0) {
      if (entry.packedBytes !== entry.unpackedBytes)
        throw refuse(fileName, message('xlsx.storedSizes', { file: fileName, entry: entry.name }))
      continue
    }
    const cap = Math.min(entry.unpackedBytes, limits.maxEntryBytes)
    let unpacked: number
    try {
      unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(1, cap) }).byteLength
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'ERR_BUFFER_TOO_LARGE')
        throw refuse(
          fileName,
          message('xlsx.moreThanDeclared', {
            file: fileName,
            entry: entry.name,
            size: formatBytes(entry.unpackedBytes),
          }),
          'unpackedSize',
        )
      throw refuse(
        fileName,
        message('xlsx.cannotUnpack', { file: fileName, entry: entry.name, reason: (error as Error).message }),
      )
    }
    if (unpacked !== entry.unpackedBytes)
      throw refuse(
        fileName,
        message('xlsx.sizeMismatch', {
          file: fileName,
          entry: entry.name,
          unpacked,
          declared: entry.unpackedBytes,
        }),
      )
  }
}
