import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { invalidInput } from '../../core/errors/app-error'
import {
  organisationListMappingSchema,
  type OrganisationListMapping,
} from '../organisations/organisation-list-mapping'
import { parseMappingJson } from './parsing/mapping-schema'
import type { ColumnMapping } from './parsing/types'

/** The folder of mapping files shipped with benchlearn (one JSON file per official format). */
export const SHIPPED_MAPPINGS_DIR = join(import.meta.dirname, '../../../mappings')

/** A mapping file: values (observations) or a list of organisations. */
export type LoadedMapping =
  | { name: string; kind: 'observations'; mapping: ColumnMapping }
  | { name: string; kind: 'organisation-list'; mapping: OrganisationListMapping }

function parseAnyMapping(text: string, fileName: string, name: string): LoadedMapping {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw invalidInput(`mapping ${fileName}: not valid JSON (${(error as Error).message})`)
  }
  if (json && typeof json === 'object' && (json as { kind?: unknown }).kind === 'organisation-list') {
    const result = organisationListMappingSchema.safeParse(json)
    if (!result.success) {
      const issue = result.error.issues[0]!
      throw invalidInput(`mapping ${fileName}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    }
    return { name, kind: 'organisation-list', mapping: result.data }
  }
  return { name, kind: 'observations', mapping: parseMappingJson(text, fileName) }
}

export function listShippedMappings(): { name: string; kind: LoadedMapping['kind']; description: string }[] {
  return readdirSync(SHIPPED_MAPPINGS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const loaded = parseAnyMapping(
        readFileSync(join(SHIPPED_MAPPINGS_DIR, f), 'utf8'),
        f,
        basename(f, '.json'),
      )
      return {
        name: loaded.name,
        kind: loaded.kind,
        description: loaded.mapping.description ?? loaded.mapping.name,
      }
    })
}

/**
 * Loads a mapping by shipped name ("inkar-wirtschaft") or by path to a JSON file. Throws
 * invalid_input naming the file and the JSON path of anything wrong.
 */
export function loadMapping(nameOrPath: string): LoadedMapping {
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
  return parseAnyMapping(readFileSync(path, 'utf8'), basename(path), basename(path, '.json'))
}
