/**
 * PGlite's in-memory file system (Emscripten's MEMFS, used by `memory://` databases) grows a file
 * on ftruncate to exactly the new size, copying the whole file into a new array; and Emscripten
 * implements fallocate, which PostgreSQL uses to extend a table or index by up to 64 pages at a
 * time, as ftruncate. A bulk load thus copied each table file once per extension, which made it
 * quadratic: 70 % of a 1,000,000-row import was these copies. Growing the capacity geometrically
 * makes it linear; and growing by doubling (MEMFS grows by 1/8 above 1 MB, so each new 16 MB WAL
 * segment was copied ~25 times) cut what is still copied from ~3 to ~0.5 times the data written.
 * Shrinking keeps the original exact resize. Files in a folder (Node's file system) are not affected.
 */
import type { PGlite } from '@electric-sql/pglite'

/** The two MEMFS functions this touches, as Emscripten defines them. */
interface MemoryFileSystem {
  expandFileStorage(node: MemoryFile, capacity: number): void
  resizeFileStorage(node: MemoryFile, size: number): void
}

interface MemoryFile {
  contents: Uint8Array | null
  usedBytes: number
}

const PATCHED = Symbol('geometric ftruncate')
/** Files up to this size double when they grow (MEMFS: up to 1 MB, then by 1/8), larger ones by 1/4. */
const DOUBLING_UP_TO = 256 * 1024 * 1024

export function growMemoryFilesGeometrically(pglite: PGlite): void {
  const memfs = (pglite.Module as unknown as { MEMFS?: Partial<MemoryFileSystem> & { [PATCHED]?: true } })
    .MEMFS
  if (
    !memfs ||
    memfs[PATCHED] ||
    typeof memfs.expandFileStorage !== 'function' ||
    typeof memfs.resizeFileStorage !== 'function'
  )
    return
  const fs = memfs as MemoryFileSystem
  const exact = fs.resizeFileStorage.bind(fs)
  const expand = fs.expandFileStorage.bind(fs)
  fs.expandFileStorage = (node, capacity) => {
    const held = node.contents?.length ?? 0
    if (held >= capacity) return
    expand(node, Math.max(capacity, held < DOUBLING_UP_TO ? held * 2 : Math.ceil(held * 1.25)))
  }
  fs.resizeFileStorage = (node, size) => {
    if (size <= node.usedBytes || !(node.contents instanceof Uint8Array)) {
      exact(node, size)
      return
    }
    fs.expandFileStorage(node, size)
    // The grown part reads as zeros, as after an exact resize.
    node.contents!.fill(0, node.usedBytes, size)
    node.usedBytes = size
  }
  memfs[PATCHED] = true
}
