/**
 * Column mappings come from three places, and only the first two are open to requests:
 * - a shipped mapping, chosen by name from the allow-list of files in `mappings/`;
 * - a mapping document uploaded with the file (a second multipart part), parsed from its bytes;
 * - a local file named by the operator on the command line (`benchlearn import --mapping x.json`).
 * No value of a request ever becomes a file path (docs/security.md, "Files and paths").
 */
import { readFileSync, readdirSync, openSync, fstatSync, readSync, closeSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { z } from 'zod'
import { detail, invalidInput } from '../../core/errors/app-error'
import { issueMessage } from '../../contracts/issue-message'
import { bothLanguages, message } from '../../core/messages/text'
import { MAPPING_DOCUMENT_MAX_BYTES, MAPPING_NAME_PATTERN } from '../../contracts/imports'
import {
  organisationListMappingSchema,
  type OrganisationListMapping,
} from '../organisations/organisation-list-mapping'
import { parseMappingJson } from './parsing/mapping-schema'
import { publishedFigureMappingSchema, type PublishedFigureMapping } from './parsing/published-figure-mapping'
import type { ColumnMapping } from './parsing/types'

/** The folder of mapping files shipped with benchlearn (one JSON file per official format). */
export const SHIPPED_MAPPINGS_DIR = join(import.meta.dirname, '../../../mappings')

/** A mapping file: values (observations), a list of organisations or published figure values. */
export type LoadedMapping =
  | { name: string; kind: 'observations'; mapping: ColumnMapping }
  | { name: string; kind: 'organisation-list'; mapping: OrganisationListMapping }
  | { name: string; kind: 'published-figures'; mapping: PublishedFigureMapping }

/** A mapping of a kind with a schema of its own, or the error naming the JSON path of the mistake. */
function checkKind<T>(schema: z.ZodType<T>, json: unknown, fileName: string): T {
  const result = schema.safeParse(json, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const where = issue.path.join('.') || '(root)'
  const reason = issueMessage(issue)
  throw invalidInput(message('mapping.issue', { file: fileName, field: where, ...bothLanguages(reason) }), [
    detail(reason, { file: fileName, field: where }),
  ])
}

/**
 * Parses a mapping document (JSON text) of either kind. `fileName` names it in every error, with
 * the JSON path of what is wrong.
 */
export function parseMappingDocument(text: string, fileName: string, name: string): LoadedMapping {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw invalidInput(message('mapping.notJson', { file: fileName, reason: (error as Error).message }), [
      detail(message('mapping.notJsonShort'), { file: fileName }),
    ])
  }
  const kind = json && typeof json === 'object' ? (json as { kind?: unknown }).kind : undefined
  if (kind === 'organisation-list')
    return { name, kind, mapping: checkKind(organisationListMappingSchema, json, fileName) }
  if (kind === 'published-figures')
    return { name, kind, mapping: checkKind(publishedFigureMappingSchema, json, fileName) }
  return { name, kind: 'observations', mapping: parseMappingJson(text, fileName) }
}

/** The names of the shipped mappings: the allow-list a request may choose from. */
export function listShippedMappingNames(): string[] {
  return readdirSync(SHIPPED_MAPPINGS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .filter((name) => MAPPING_NAME_PATTERN.test(name))
    .sort()
}

export function listShippedMappings(): {
  name: string
  kind: LoadedMapping['kind']
  description: { de: string; en: string }
}[] {
  return listShippedMappingNames().map((name) => {
    const { mapping, ...loaded } = loadShippedMapping(name)
    const en = mapping.description ?? mapping.name
    return { name: loaded.name, kind: loaded.kind, description: { de: mapping.descriptionDe ?? en, en } }
  })
}

/**
 * A shipped mapping by name ("inkar-wirtschaft"). The name only selects among the files listed in
 * `mappings/`; anything else is refused with the list of known names, without touching the disk.
 */
export function loadShippedMapping(name: string): LoadedMapping {
  const known = listShippedMappingNames()
  if (!known.includes(name)) {
    const shown = name.length > 64 ? `${name.slice(0, 64)}…` : name
    throw invalidInput(message('mapping.notShipped', { name: shown, known: known.join(', ') }), [
      detail(message('mapping.expectedOneOf', { known: known.join(', ') }), { field: 'mapping' }),
    ])
  }
  const fileName = `${name}.json`
  return parseMappingDocument(readFileSync(join(SHIPPED_MAPPINGS_DIR, fileName), 'utf8'), fileName, name)
}

/** A mapping document uploaded with a file (at most MAPPING_DOCUMENT_MAX_BYTES, UTF-8 JSON). */
export function parseUploadedMapping(bytes: Uint8Array, fileName: string): LoadedMapping {
  const name = basename(fileName, '.json').slice(0, 100) || 'uploaded'
  return decodeMapping(bytes, fileName, `upload:${name}`)
}

function decodeMapping(bytes: Uint8Array, fileName: string, name: string): LoadedMapping {
  if (bytes.byteLength > MAPPING_DOCUMENT_MAX_BYTES)
    throw invalidInput(
      message('mapping.documentTooLarge', {
        file: fileName,
        size: bytes.byteLength,
        max: MAPPING_DOCUMENT_MAX_BYTES,
      }),
      [
        detail(message('mapping.atMostBytes', { max: MAPPING_DOCUMENT_MAX_BYTES }), {
          file: fileName,
          field: 'mapping',
        }),
      ],
    )
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw invalidInput(message('mapping.notUtf8', { file: fileName }), [
      detail(message('mapping.expectedUtf8Json'), { file: fileName, field: 'mapping' }),
    ])
  }
  return parseMappingDocument(text, fileName, name)
}

/**
 * For the CLI only (the operator on the server): a shipped mapping by name, or else a local JSON
 * file. Only regular files are read, and only up to MAPPING_DOCUMENT_MAX_BYTES.
 */
export function loadMappingForOperator(
  nameOrPath: string,
  resolvePath: (p: string) => string,
): LoadedMapping {
  if (MAPPING_NAME_PATTERN.test(nameOrPath) && !nameOrPath.endsWith('.json'))
    return loadShippedMapping(nameOrPath)
  const path = resolvePath(nameOrPath)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    throw invalidInput(
      message('mapping.noSuchFile', { name: nameOrPath, known: listShippedMappingNames().join(', ') }),
    )
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw invalidInput(message('mapping.notRegularFile', { name: nameOrPath }))
    if (stat.size > MAPPING_DOCUMENT_MAX_BYTES)
      throw invalidInput(
        message('mapping.fileTooLarge', {
          name: nameOrPath,
          size: stat.size,
          max: MAPPING_DOCUMENT_MAX_BYTES,
        }),
      )
    const buffer = Buffer.alloc(stat.size)
    const read = readSync(fd, buffer, 0, stat.size, 0)
    return decodeMapping(buffer.subarray(0, read), basename(path), basename(path, '.json'))
  } finally {
    closeSync(fd)
  }
}
