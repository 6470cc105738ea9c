/**
 * Limits of an .xlsx file (a zip archive), checked before the workbook is read: the central
 * directory is read first (entries, declared sizes, compression ratios), then every entry is
 * inflated with a cap of its declared size, because a declared size can lie. Only then does the
 * spreadsheet library unpack it, and it unpacks exactly the bytes checked here.
 */
import { inflateRawSync } from 'node:zlib'
import { AppError } from '../../../core/errors/app-error'
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

function refuse(fileName: string, message: string, field?: string): AppError {
  return new AppError('invalid_input', `${fileName}: ${message}`, [
    { file: fileName, ...(field === undefined ? {} : { field }), message },
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
  if (end < 0)
    throw refuse(fileName, 'not a readable .xlsx workbook: the zip archive has no central directory')
  const declaredEntries = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (declaredEntries === 0xffff || directoryOffset === ZIP64_MARK)
    throw refuse(
      fileName,
      `the workbook is a ZIP64 archive; an .xlsx of up to ${formatBytes(limits.maxTotalBytes)} unpacked does not need one (save it again with Excel or LibreOffice)`,
    )
  if (declaredEntries > limits.maxEntries)
    throw refuse(
      fileName,
      `the workbook's archive has ${declaredEntries.toLocaleString('en-GB')} entries; at most ${limits.maxEntries.toLocaleString('en-GB')} are accepted`,
      'entries',
    )
  const entries: ZipEntry[] = []
  let total = 0
  let at = directoryOffset
  const decoder = new TextDecoder()
  for (let k = 0; k < declaredEntries; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw refuse(fileName, 'not a readable .xlsx workbook: the zip directory is damaged')
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
      throw refuse(fileName, `entry "${entry.name}" uses ZIP64 sizes; save the workbook again`)
    if (entry.method !== 0 && entry.method !== 8)
      throw refuse(
        fileName,
        `entry "${entry.name}" uses zip compression method ${entry.method}; .xlsx files use deflate (8) or none (0)`,
      )
    if (entry.unpackedBytes > limits.maxEntryBytes)
      throw refuse(
        fileName,
        `entry "${entry.name}" unpacks to ${formatBytes(entry.unpackedBytes)}; at most ${formatBytes(limits.maxEntryBytes)} per entry are accepted (split the workbook or save it as CSV)`,
        'unpackedSize',
      )
    total += entry.unpackedBytes
    if (total > limits.maxTotalBytes)
      throw refuse(
        fileName,
        `the workbook unpacks to more than ${formatBytes(limits.maxTotalBytes)}, the limit (split it or save it as CSV)`,
        'unpackedSize',
      )
    const ratio = entry.unpackedBytes / Math.max(1, entry.packedBytes)
    if (entry.unpackedBytes >= limits.ratioCheckedFromBytes && ratio > limits.maxCompressionRatio)
      throw refuse(
        fileName,
        `entry "${entry.name}" is packed ${Math.round(ratio).toLocaleString('en-GB')}:1; more than ${limits.maxCompressionRatio}:1 is refused as a zip bomb`,
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
      throw refuse(fileName, `not a readable .xlsx workbook: entry "${entry.name}" is damaged`)
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    if (dataStart + entry.packedBytes > bytes.byteLength)
      throw refuse(fileName, `not a readable .xlsx workbook: entry "${entry.name}" is cut off`)
    const packed = bytes.subarray(dataStart, dataStart + entry.packedBytes)
    if (entry.method === 0) {
      if (entry.packedBytes !== entry.unpackedBytes)
        throw refuse(fileName, `entry "${entry.name}" is stored unpacked but declares two different sizes`)
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
          `entry "${entry.name}" unpacks to more than the ${formatBytes(entry.unpackedBytes)} it declares; refused as a zip bomb`,
          'unpackedSize',
        )
      throw refuse(
        fileName,
        `not a readable .xlsx workbook: entry "${entry.name}" cannot be unpacked (${(error as Error).message})`,
      )
    }
    if (unpacked !== entry.unpackedBytes)
      throw refuse(
        fileName,
        `entry "${entry.name}" unpacks to ${unpacked} bytes but declares ${entry.unpackedBytes}; the archive is damaged`,
      )
  }
}
