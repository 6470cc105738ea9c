/**
 * The in-memory file system of PGlite after growMemoryFilesGeometrically: ftruncate grows a file
 * with zeros and keeps its bytes, shrinking cuts it, and a bulk load that extends a table and its
 * index many times reads back exactly what was written.
 */
import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, type Database } from './connect'
import { growMemoryFilesGeometrically } from './pglite-memory-files'

let database: Database
let pglite: PGlite

beforeAll(async () => {
  // openDatabase applies it to an in-memory PGlite; a second call changes nothing.
  database = await openDatabase({})
  pglite = database.pglite!
  growMemoryFilesGeometrically(pglite)
}, 60_000)

afterAll(async () => {
  await database.close()
})

describe('files of an in-memory PGlite grow geometrically', () => {
  test('truncate grows with zeros, keeps the bytes before, and shrinks exactly', () => {
    const fs = pglite.Module.FS
    fs.writeFile('/tmp/grow-test', new Uint8Array([1, 2, 3]))
    fs.truncate('/tmp/grow-test', 10)
    expect([...fs.readFile('/tmp/grow-test')]).toEqual([1, 2, 3, 0, 0, 0, 0, 0, 0, 0])
    const stream = fs.open('/tmp/grow-test', 'r+')
    fs.write(stream, new Uint8Array([9]), 0, 1, 9)
    fs.close(stream)
    fs.truncate('/tmp/grow-test', 2)
    expect([...fs.readFile('/tmp/grow-test')]).toEqual([1, 2])
    // Bytes cut off do not come back when the file grows again.
    fs.truncate('/tmp/grow-test', 4)
    expect([...fs.readFile('/tmp/grow-test')]).toEqual([1, 2, 0, 0])
    fs.unlink('/tmp/grow-test')
  })

  test('growing by truncate reserves room: the next extensions copy nothing', () => {
    const fs = pglite.Module.FS
    fs.writeFile('/tmp/grow-room', new Uint8Array(1000).fill(7))
    fs.truncate('/tmp/grow-room', 1100)
    const node = fs.lookupPath('/tmp/grow-room').node as unknown as {
      contents: Uint8Array
      usedBytes: number
    }
    expect(node.usedBytes).toBe(1100)
    expect(node.contents.length).toBe(2000) // doubled (an exact resize would hold 1,100)
    const held = node.contents
    fs.truncate('/tmp/grow-room', 1900)
    expect(node.contents).toBe(held)
    const bytes: Uint8Array = fs.readFile('/tmp/grow-room')
    expect(bytes.length).toBe(1900)
    expect(bytes[999]).toBe(7)
    expect(bytes.subarray(1000).every((b) => b === 0)).toBe(true)
    fs.unlink('/tmp/grow-room')
  })

  test('a COPY that extends a table and its index many times reads back what was written', async () => {
    await pglite.exec('create table grown (id integer primary key, label text not null)')
    const lines: string[] = []
    for (let i = 1; i <= 50_000; i++) lines.push(`${i},row ${i}\n`)
    await pglite.query("COPY grown (id, label) FROM '/dev/blob' WITH (FORMAT csv)", [], {
      blob: new Blob(lines),
    })
    const { rows } = await pglite.query<{ n: number; total: number; last: string }>(
      'select count(*)::int as n, sum(id)::float8 as total, max(label) filter (where id = 50000) as last from grown',
    )
    // 1 + 2 + … + 50,000 = 50,000 × 50,001 / 2
    expect(rows[0]).toEqual({ n: 50_000, total: 1_250_025_000, last: 'row 50000' })
    const { rows: indexed } = await pglite.query<{ label: string }>(
      'select label from grown where id = 31337',
    )
    expect(indexed).toEqual([{ label: 'row 31337' }])
  })
})
