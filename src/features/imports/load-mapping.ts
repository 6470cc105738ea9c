import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { invalidInput } from '../../core/errors/app-error'
import { parseMappingJson } from './parsing/mapping-schema'
import type { ColumnMapping } from './parsing/types'

/** The folder of mapping files shipped with benchlearn (one JSON file per official format). */
export const SHIPPED_MAPPINGS_DIR = join(import.meta.dirname, '../../../mappings')

export function listShippedMappings(): { name: string; description: string }[] {
  return readdirSync(SHIPPED_MAPPINGS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const mapping = parseMappingJson(readFileSync(join(SHIPPED_MAPPINGS_DIR, f), 'utf8'), f)
      return { name: basename(f, '.json'), description: mapping.description ?? mapping.name }
    })
}

/**
 * Loads a mapping by shipped name ("inkar-wirtschaft") or by path to a JSON file. Throws
 * invalid_input naming the file and the JSON path of anything wrong.
 */
export function loadMapping(nameOrPath: string): { name: string; mapping: ColumnMapping } {
  const isName = /^[a-z0-9][a-z0-9-]*$/.test(nameOrPath)
  const path = isName ? join(SHIPPED_MAPPINGS_DIR, `${nameOrPath}.json`) : nameOrPath
  if (!existsSync(path)) {
    const known = listShippedMappings()
      .map((m) => m.name)
      .join(', ')
    throw invalidInput(
      `mapping '${nameOrPath}' not found (shipped mappings: ${known}; or give a path to a .json file)`,
    )
  }
  const name = basename(path)
  return { name: basename(path, '.json'), mapping: parseMappingJson(readFileSync(path, 'utf8'), name) }
}
