/**
 * Official comparison types (e.g. the IAB Vergleichstypen) from a CSV mapping organisation keys
 * (AGS, NUTS-3 or id) to a type code and optional name, saved as a peer model of kind
 * 'official_types'. Same discipline as the value importer: every bad row is reported with row,
 * column and value, nothing is written while any row is bad, and keys of districts that no
 * organisation serves are listed, never dropped silently.
 */
import { createHash } from 'node:crypto'
import { detail, invalidInput, isAppError } from '../../core/errors/app-error'
import { isServerMessageKey, message } from '../../core/messages/text'
import type { ImportPeerTypesSummaryDto, PeerTextDto } from '../../contracts/peers'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { normaliseHeader } from '../imports/parsing/cell-values'
import { KeyResolver } from '../imports/resolve-keys'
import { importMessage } from '../imports/import-message'
import { loadKeyIndexRows } from '../organisations/organisation.repository'
import { describeBasis } from './describe-quality'
import { loadContextProfile } from './load-context-profile'
import { insertPeerModel, type StoredProfile } from './peer-model.repository'
import { listPeerOrganisations, resolvePeerNetwork } from './peer-organisation.repository'
import { readCsvTable } from './read-csv-table'
import { assessStoredPartition } from './read-peer-model'
import { isoDate } from '../../core/periods/dates'

const KEY_HEADERS = [
  'org',
  'organisation',
  'key',
  'schluessel',
  'ags',
  'ags5',
  'ags8',
  'kennziffer',
  'krs',
  'nuts3',
  'nuts',
  'id',
]
const TYPE_HEADERS = [
  'type',
  'typ',
  'vergleichstyp',
  'typecode',
  'typcode',
  'code',
  'group',
  'gruppe',
  'cluster',
]
const NAME_HEADERS = ['typename', 'typname', 'typbezeichnung', 'bezeichnung', 'typelabel', 'label']

export interface ImportPeerTypesOptions {
  fileName: string
  bytes: Uint8Array
  name: string
  networkId?: number
  isDryRun?: boolean
  actor: AuditActor
  now: Date
}

function findColumn(header: string[], names: string[]): number {
  const normalised = header.map(normaliseHeader)
  for (const name of names) {
    const index = normalised.indexOf(name)
    if (index >= 0) return index
  }
  return -1
}

/** Imports a type mapping as a peer model; with errors or as a dry run, writes nothing. */
export async function importPeerTypes(
  database: Database,
  options: ImportPeerTypesOptions,
): Promise<ImportPeerTypesSummaryDto> {
  const { fileName } = options
  const { header, rows } = readCsvTable(options.bytes, fileName)
  const keyColumn = findColumn(header, KEY_HEADERS)
  const typeColumn = findColumn(header, TYPE_HEADERS)
  const nameColumn = findColumn(header, NAME_HEADERS)
  if (keyColumn < 0 || typeColumn < 0)
    throw invalidInput(message('peers.typesColumnsMissing', { file: fileName }), [
      ...(keyColumn < 0
        ? [
            detail(message('peers.typesNoKeyColumn', { names: KEY_HEADERS.join(', ') }), {
              file: fileName,
              row: 1,
            }),
          ]
        : []),
      ...(typeColumn < 0
        ? [
            detail(message('peers.typesNoTypeColumn', { names: TYPE_HEADERS.join(', ') }), {
              file: fileName,
              row: 1,
            }),
          ]
        : []),
    ])
  const keyName = header[keyColumn]!
  const typeName = header[typeColumn]!
  const day = isoDate(options.now)

  return database.transaction(async (tx) => {
    const db = tx.db
    const networkId = await resolvePeerNetwork(db, options.networkId)
    const resolver = new KeyResolver(await loadKeyIndexRows(db))
    const errors: ImportPeerTypesSummaryDto['errors'] = []
    const unmatched: ImportPeerTypesSummaryDto['unmatched'] = []
    const typeOf = new Map<number, { code: string; row: number }>()
    const names = new Map<string, { name: string; row: number }>()
    for (const { row, fields } of rows) {
      const key = (fields[keyColumn] ?? '').trim()
      const code = (fields[typeColumn] ?? '').trim()
      const label = nameColumn >= 0 ? (fields[nameColumn] ?? '').trim() : ''
      if (key === '') {
        errors.push({
          row,
          column: keyName,
          value: '',
          ...importMessage(message('peers.typesExpectedKey')),
        })
        continue
      }
      if (code === '') {
        errors.push({
          row,
          column: typeName,
          value: '',
          ...importMessage(message('peers.typesExpectedCode')),
        })
        continue
      }
      const resolution = resolver.resolve(key, 'auto', day)
      if (resolution.kind === 'invalid') {
        errors.push({ row, column: keyName, value: key, ...importMessage(resolution.message) })
        continue
      }
      if (resolution.kind !== 'organisation') {
        unmatched.push({
          row,
          value: key,
          ...(resolution.kind === 'territorial_change'
            ? importMessage(resolution.reason)
            : importMessage(message('peers.typesNoOrganisation', { label: resolution.label }))),
        })
        continue
      }
      const previous = typeOf.get(resolution.organisationId)
      if (previous && previous.code !== code) {
        errors.push({
          row,
          column: typeName,
          value: code,
          ...importMessage(message('peers.typesOtherType', { code: previous.code, earlier: previous.row })),
        })
        continue
      }
      typeOf.set(resolution.organisationId, { code, row })
      if (label !== '') {
        const known = names.get(code)
        if (known && known.name !== label)
          errors.push({
            row,
            column: header[nameColumn]!,
            value: label,
            ...importMessage(message('peers.typesOtherName', { code, name: known.name, earlier: known.row })),
          })
        else names.set(code, { name: label, row })
      }
    }
    const codes = [...new Set([...typeOf.values()].map((t) => t.code))].sort((a, b) =>
      a.localeCompare(b, 'de', { numeric: true }),
    )
    const groups = codes.map((code) => ({
      code,
      name: names.get(code)?.name ?? `Typ ${code}`,
      organisationIds: [...typeOf.entries()].filter(([, t]) => t.code === code).map(([id]) => id),
    }))
    const members = await listPeerOrganisations(db, { networkId })
    const withoutType = members
      .filter((m) => !typeOf.has(m.id))
      .map((m) => ({ organisationId: m.id, name: m.name, ags5: m.ags5, landCode: m.landCode }))
    if (typeOf.size === 0 && errors.length === 0) errors.push(importMessage(message('peers.typesNothing')))
    const summary: ImportPeerTypesSummaryDto = {
      fileName,
      isDryRun: options.isDryRun ?? false,
      isCommitted: false,
      modelId: null,
      rowsRead: rows.length,
      assigned: typeOf.size,
      groups: groups.map((g) => ({ code: g.code, name: g.name, size: g.organisationIds.length })),
      errors,
      unmatched,
      withoutType,
    }
    if (errors.length > 0 || options.isDryRun) return summary

    // Quality of the types on the standard context profile, when there is context data.
    let profile: StoredProfile | null = null
    const notes: PeerTextDto[] = []
    try {
      const loaded = await loadContextProfile(db, { networkId: networkId ?? undefined })
      profile = {
        organisationIds: loaded.organisations.map((o) => o.id),
        columns: loaded.indicators.map((i) => i.code),
        raw: loaded.raw,
        matrix: loaded.matrix,
        basis: describeBasis(loaded.referenceYear, loaded.indicators),
      }
    } catch (error) {
      // Why, as the refusal's own catalogue message (or, for an unexpected failure, its text).
      notes.push(importMessage(message('peers.noteNoQuality')))
      notes.push(
        isAppError(error) && isServerMessageKey(error.key)
          ? { message: error.message, messageKey: error.key, params: error.params ?? {} }
          : { message: error instanceof Error ? error.message : String(error) },
      )
    }
    const assignment = new Map([...typeOf.entries()].map(([id, t]) => [id, t.code]))
    const quality = profile ? assessStoredPartition({ profile, assignment, codes }) : null
    if (unmatched.length > 0)
      notes.push(
        importMessage(
          message('peers.noteUnmatchedKeys', {
            count: unmatched.length,
            keys: `${unmatched
              .slice(0, 10)
              .map((u) => u.value)
              .join(', ')}${unmatched.length > 10 ? ' …' : ''}`,
          }),
        ),
      )
    if (withoutType.length > 0)
      notes.push(
        importMessage(
          message('peers.noteWithoutType', {
            count: withoutType.length,
            names: withoutType.map((w) => w.name).join(', '),
          }),
        ),
      )
    const checksum = createHash('sha256').update(options.bytes).digest('hex')
    const modelId = await insertPeerModel(db, {
      networkId,
      name: options.name,
      kind: 'official_types',
      method: 'imported',
      parameters: { fileName, checksum, k: codes.length },
      inputs: { indicators: [], referenceYear: null, weighting: 'none' },
      vintage: {
        referenceYear: null,
        latestBatchId: null,
        latestBatchAt: options.now.toISOString(),
        source: fileName,
      },
      result: { profile, dendrogram: null, excluded: [], notes, moves: [] },
      quality,
      createdBy: options.actor.label,
      createdByUserId: options.actor.userId,
      at: options.now,
      groups,
    })
    await recordAudit(db, {
      actor: options.actor,
      action: 'peer_model.import_types',
      entity: 'peer_model',
      entityId: modelId,
      after: {
        name: options.name,
        fileName,
        checksum,
        groups: groups.map((g) => ({ code: g.code, organisationIds: g.organisationIds })),
      },
      at: options.now,
    })
    return { ...summary, isCommitted: true, modelId }
  })
}
