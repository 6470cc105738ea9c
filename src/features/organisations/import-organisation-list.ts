/**
 * Imports a list of organisations (one row per organisation, keyed by district AGS): creates the
 * organisations that are new, updates names and NUTS-3 codes of known ones, and adds them to a
 * network. One transaction: a file with any bad row changes nothing.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, TransactionContext } from '../../db/connect'
import type { DB, ImportErrorRow, ImportNotice } from '../../db/schema'
import { landOfAgs, normaliseKreisAgs, normaliseNuts3 } from '../../core/keys/ags'
import { detectDelimiter, tokenizeCsv } from '../imports/parsing/csv-tokenizer'
import { decodeText } from '../imports/parsing/decode-text'
import { normaliseHeader } from '../imports/parsing/cell-values'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message, type Message } from '../../core/messages/text'
import { importMessage } from '../imports/import-message'
import { insertNetwork, insertNetworkMemberships } from '../networks/network.repository'
import { insertOrganisation } from './organisation.repository'
import type { OrganisationListMapping } from './organisation-list-mapping'
import { isoDate } from '../../core/periods/dates'

export interface OrganisationListSummary {
  fileName: string
  checksum: string
  format: 'organisation-list'
  rowsRead: number
  rowsImported: number
  rowsUnchanged: number
  rowsRejected: number
  created: number
  updated: number
  addedToNetwork: number
  errors: ImportErrorRow[]
  notices: ImportNotice[]
  isDryRun: boolean
  isCommitted: boolean
}

interface ListRow {
  row: number
  ags5: string
  name: string
  shortName: string
  nuts3: string | null
  carrierType: 'zkT' | 'gE' | null
  comparisonType: string | null
}

/** Carrier types as files write them (case ignored). */
const CARRIER_TYPES = new Map<string, 'zkT' | 'gE'>([
  ['zkt', 'zkT'],
  ['ge', 'gE'],
])

class Rollback extends Error {
  constructor(readonly summary: OrganisationListSummary) {
    super('rolled back')
  }
}

function readRows(bytes: Uint8Array, fileName: string, mapping: OrganisationListMapping) {
  const { text } = decodeText(bytes, fileName, mapping.encoding)
  const firstLine = text.slice(0, text.search(/\r?\n/) >>> 0)
  const delimiter = mapping.delimiter ?? detectDelimiter(firstLine)
  const rows: ListRow[] = []
  const errors: ImportErrorRow[] = []
  let header: string[] | undefined
  let index:
    Record<'key' | 'name' | 'shortName' | 'nuts3' | 'carrierType' | 'comparisonType', number> | undefined
  const column = (name: string | undefined) =>
    name === undefined ? -1 : header!.map(normaliseHeader).indexOf(normaliseHeader(name))
  const result = tokenizeCsv(text, {
    fileName,
    delimiter,
    onRow: (fields, info) => {
      if (!header) {
        header = fields.slice()
        index = {
          key: column(mapping.key.column),
          name: column(mapping.columns.name),
          shortName: column(mapping.columns.shortName),
          nuts3: column(mapping.columns.nuts3),
          carrierType: column(mapping.columns.carrierType),
          comparisonType: column(mapping.columns.comparisonType),
        }
        const missing = [
          [mapping.key.column, index.key],
          [mapping.columns.name, index.name],
          ...(mapping.columns.nuts3 ? [[mapping.columns.nuts3, index.nuts3] as const] : []),
          ...(mapping.columns.carrierType ? [[mapping.columns.carrierType, index.carrierType] as const] : []),
          ...(mapping.columns.comparisonType
            ? [[mapping.columns.comparisonType, index.comparisonType] as const]
            : []),
        ].filter(([, i]) => i === -1)
        if (missing.length > 0) {
          throw invalidInput(
            message('organisationList.missingColumns', {
              file: fileName,
              columns: missing.map(([c]) => `'${c}'`).join(', '),
              found: fields.join(', '),
            }),
            [
              detail(message('organisationList.expectedMappingColumns', { mapping: mapping.name }), {
                file: fileName,
                row: 1,
              }),
            ],
          )
        }
        return
      }
      if (fields.length === 1 && fields[0] === '') return
      const cell = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '')
      // A refused row is reported with the column and the value that stopped it, and not read further.
      const refuse = (column: string | undefined, value: string, text: Message) => {
        errors.push({ row: info.row, column, value, ...importMessage(text) })
      }
      const keyText = cell(index!.key)
      const ags5 = normaliseKreisAgs(keyText)
      if (!ags5) return refuse(mapping.key.column, keyText, message('organisationList.expectedAgs'))
      const name = cell(index!.name)
      if (!name) return refuse(mapping.columns.name, '', message('organisationList.nameEmpty'))
      const nutsText = cell(index!.nuts3)
      const nuts3 = nutsText ? normaliseNuts3(nutsText) : null
      if (nutsText && !nuts3)
        return refuse(mapping.columns.nuts3, nutsText, message('organisationList.expectedNuts3'))
      const carrierText = cell(index!.carrierType)
      const carrierType = carrierText ? CARRIER_TYPES.get(carrierText.toLowerCase()) : undefined
      if (carrierText && !carrierType)
        return refuse(
          mapping.columns.carrierType,
          carrierText,
          message('organisationList.expectedCarrierType'),
        )
      const comparisonType = cell(index!.comparisonType)
      if (comparisonType.length > 40)
        return refuse(
          mapping.columns.comparisonType,
          comparisonType.slice(0, 40),
          message('organisationList.expectedComparisonType'),
        )
      const fullName = `${mapping.namePrefix ?? ''}${name}`
      rows.push({
        row: info.row,
        ags5,
        name: fullName,
        shortName: cell(index!.shortName) || name,
        nuts3: nuts3 ?? null,
        carrierType: carrierType ?? mapping.defaults.carrierType ?? null,
        comparisonType: comparisonType || null,
      })
    },
  })
  if (result.unterminatedQuote) {
    errors.push({
      row: result.unterminatedQuote.row,
      ...importMessage(message('organisationList.unterminatedQuote')),
    })
  }
  if (!header) throw invalidInput(message('organisationList.fileEmpty', { file: fileName }))
  return { rows, errors, rowsRead: Math.max(0, result.rows - 1) }
}

async function findOrganisationByArea(db: Kysely<DB>, ags5: string) {
  return db
    .selectFrom('organisation_area as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['o.id', 'o.name', 'o.short_name', 'o.nuts3', 'o.carrier_type', 'o.comparison_type'])
    .where('a.ags5', '=', ags5)
    .where('a.valid_to', 'is', null)
    .executeTakeFirst()
}

export async function importOrganisationList(
  database: Database,
  options: {
    fileName: string
    bytes: Uint8Array
    mapping: OrganisationListMapping
    isDryRun?: boolean
    today?: string
    /** Runs in the import's transaction after a committed write (e.g. the audit entry). */
    onCommitted?: (tx: TransactionContext, summary: OrganisationListSummary) => Promise<void>
  },
): Promise<OrganisationListSummary> {
  const { fileName, bytes, mapping } = options
  const checksum = createHash('sha256').update(bytes).digest('hex')
  const { rows, errors, rowsRead } = readRows(bytes, fileName, mapping)
  const validFrom = mapping.validFrom ?? options.today ?? isoDate(new Date())
  const isDryRun = options.isDryRun ?? false
  try {
    return await database.transaction(async (tx) => {
      const kreise = new Map(
        (
          await tx.db.selectFrom('kreis').select(['ags5', 'name', 'valid_to', 'successor_ags5']).execute()
        ).map((k) => [k.ags5, k]),
      )
      const seen = new Map<string, number>()
      for (const r of rows) {
        const kreis = kreise.get(r.ags5)
        if (!kreis)
          errors.push({
            row: r.row,
            column: mapping.key.column,
            value: r.ags5,
            ...importMessage(message('organisationList.unknownDistrict', { ags: r.ags5 })),
          })
        const earlier = seen.get(r.ags5)
        if (earlier !== undefined)
          errors.push({
            row: r.row,
            column: mapping.key.column,
            value: r.ags5,
            ...importMessage(message('organisationList.agsTwice', { earlier, ags: r.ags5 })),
          })
        seen.set(r.ags5, r.row)
      }
      const summary: OrganisationListSummary = {
        fileName,
        checksum,
        format: 'organisation-list',
        rowsRead,
        rowsImported: 0,
        rowsUnchanged: 0,
        rowsRejected: errors.length,
        created: 0,
        updated: 0,
        addedToNetwork: 0,
        errors,
        notices: [],
        isDryRun,
        isCommitted: false,
      }
      if (errors.length > 0) throw new Rollback(summary)

      let networkId: number | undefined
      if (mapping.network) {
        networkId = (
          await tx.db
            .selectFrom('network')
            .select('id')
            .where('name', '=', mapping.network)
            .executeTakeFirst()
        )?.id
        if (networkId === undefined) {
          networkId = await insertNetwork(tx.db, {
            name: mapping.network,
            description: mapping.description ?? null,
          })
          summary.notices.push({
            kind: 'network_created',
            ...importMessage(message('organisationList.networkCreated', { network: mapping.network })),
            count: 1,
          })
        }
      }
      // One notice per district whose territory changed, with its last day for the reader's language.
      const territorial: ImportNotice[] = []
      for (const r of rows) {
        const kreis = kreise.get(r.ags5)!
        if (kreis.valid_to)
          territorial.push({
            kind: 'territorial_change',
            ...importMessage(
              message('organisationList.territorialChange', {
                ags: r.ags5,
                name: kreis.name,
                validTo: kreis.valid_to,
                successor: kreis.successor_ags5 ?? '–',
              }),
            ),
            count: 1,
          })
        const existing = await findOrganisationByArea(tx.db, r.ags5)
        let organisationId: number
        if (!existing) {
          organisationId = await insertOrganisation(tx.db, {
            name: r.name,
            shortName: r.shortName,
            kind: mapping.defaults.kind,
            carrierType: r.carrierType,
            comparisonType: r.comparisonType,
            landCode: r.ags5.slice(0, 2),
            nuts3: r.nuts3,
            areas: [{ ags5: r.ags5, validTo: kreis.valid_to }],
          })
          summary.created++
        } else {
          organisationId = existing.id
          const carrierType = r.carrierType ?? existing.carrier_type
          const comparisonType = r.comparisonType ?? existing.comparison_type
          if (
            existing.name !== r.name ||
            (r.nuts3 && existing.nuts3 !== r.nuts3) ||
            carrierType !== existing.carrier_type ||
            comparisonType !== existing.comparison_type
          ) {
            await tx.db
              .updateTable('organisation')
              .set({
                name: r.name,
                nuts3: r.nuts3 ?? existing.nuts3,
                carrier_type: carrierType,
                comparison_type: comparisonType,
              })
              .where('id', '=', existing.id)
              .execute()
            summary.updated++
          } else summary.rowsUnchanged++
        }
        if (networkId !== undefined) {
          const isMember = await tx.db
            .selectFrom('network_membership')
            .select('id')
            .where('network_id', '=', networkId)
            .where('organisation_id', '=', organisationId)
            .where('valid_to', 'is', null)
            .executeTakeFirst()
          if (!isMember) {
            await insertNetworkMemberships(tx.db, networkId, [{ organisationId, validFrom }])
            summary.addedToNetwork++
          }
        }
      }
      summary.notices.push(...territorial)
      const lands = new Set(rows.map((r) => landOfAgs(r.ags5)))
      summary.notices.push({
        kind: 'summary',
        ...importMessage(message('organisationList.summary', { count: rows.length, lands: lands.size })),
        count: rows.length,
      })
      summary.rowsImported = summary.created + summary.updated
      summary.isCommitted = !isDryRun
      if (isDryRun) throw new Rollback(summary)
      await options.onCommitted?.(tx, summary)
      return summary
    })
  } catch (error) {
    if (error instanceof Rollback) return error.summary
    throw error
  }
}
