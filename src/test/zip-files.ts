/**
 * Hostile zip archives for the tests of the input limits: a zip bomb, an archive of many entries,
 * one that declares smaller sizes than it unpacks to. Written by hand (local headers, central
 * directory, end record) because no honest zip library writes the lying ones.
 */
import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntryInput {
  name: string
  content: Uint8Array
  /** Override the unpacked size written in the headers (to lie about it). */
  declaredSize?: number
  /** Store instead of deflate (fast for thousands of tiny entries). */
  isStored?: boolean
}

export function writeZip(entries: readonly ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const packed = entry.isStored ? Buffer.from(entry.content) : deflateRawSync(entry.content)
    const method = entry.isStored ? 0 : 8
    const size = entry.declaredSize ?? entry.content.byteLength
    const crc = crc32(entry.content)
    // The local header and the central directory entry hold the same run of fields (method, time,
    // date, CRC, sizes, name length), at 8 and at 10.
    const writeFields = (header: Buffer, at: number) => {
      header.writeUInt16LE(method, at)
      header.writeUInt32LE(crc, at + 6)
      header.writeUInt32LE(packed.byteLength, at + 10)
      header.writeUInt32LE(size, at + 14)
      header.writeUInt16LE(name.byteLength, at + 18)
      return header
    }
    const local = writeFields(Buffer.alloc(30), 8)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    const central = writeFields(Buffer.alloc(46), 10)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    directory.push(central, name)
    offset += local.byteLength + name.byteLength + packed.byteLength
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10)
  end.writeUInt32LE(directoryBytes.byteLength, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]))
}

/** One worksheet-like entry of `unpackedMb` megabytes of repeated XML: packs about 1000:1. */
export function zipBomb(unpackedMb: number): Uint8Array {
  const row = Buffer.from('<row><c t="s"><v>0</v></c></row>')
  const content = Buffer.alloc(unpackedMb * 1024 * 1024)
  for (let at = 0; at < content.byteLength; at += row.byteLength) row.copy(content, at)
  return writeZip([
    { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', content },
  ])
}

/** An archive of `count` tiny entries (the 2 MB, 20,000-entry workbook of issue 10). */
export function zipOfManyEntries(count: number): Uint8Array {
  const entries: ZipEntryInput[] = []
  for (let k = 0; k < count; k++)
    entries.push({ name: `xl/media/image${k}.xml`, content: Buffer.from(`<x>${k}</x>`), isStored: true })
  return writeZip(entries)
}
