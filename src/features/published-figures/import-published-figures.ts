/**
 * Imports published figure values (the official § 48a figures with numerators and denominators)
 * as the official publication: parse (imports/parsing), resolve organisation keys and figure codes,
 * then in ONE transaction stage the rows, diff them against the current revisions, write new values
 * as revision 1 and changed ones (a provisional month becoming final included) as the next revision,
 * and reconcile every value with the platform's own computation where one exists. A file with any
 * rejected row writes nothing; a dry run reports everything, the reconciliation included.
 */
import { listFigureBreakdowns } from '../../core/kpi'
import { firstOfMonth, isoDate, systemNow } from '../../core/periods/dates'
import type { Database, TransactionContext } from '../../db/connect'
import type { ImportErrorRow, ImportNotice } from '../../db/schema'
import { parsePublishedFigures, type PublishedParseResult } from '../imports/parsing/parse-published-figures'
import type { PublishedFigureMapping } from '../imports/parsing/published-figure-mapping'
import {
  fileChecksum,
  finishFileImport,
  type FileImportSummary,
  writeInOneTransaction,
} from '../imports/import-transaction'
import { KeyResolver } from '../imports/resolve-keys'
import { importMessage } from '../imports/import-message'
import { message, type Message } from '../../core/messages/text'
import { listFigureDefinitions } from '../kpi/kpi-definition.repository'
import { loadKeyIndexRows } from '../organisations/organisation.repository'
import {
  applyPublishedDiff,
  diffPublishedValues,
  insertReconciliation,
  stagePublishedValues,
  type StagedPublishedValue,
} from './published-figure.repository'
import { reconcileStaged, type ReconciliationReport } from './reconcile-staged'

export interface ImportPublishedFiguresOptions {
  fileName: string
  bytes: Uint8Array
  mapping: PublishedFigureMapping
  mappingName?: string
  isDryRun?: boolean
  createdBy?: string
  uploadedByUserId?: number | null
  now?: Date
  /** How the file is parsed: in this thread by default; the server passes its worker pool. */
  parse?: typeof parsePublishedFigures
  onCommitted?: (tx: TransactionContext, summary: PublishedFiguresSummary) => Promise<void>
}

export interface PublishedFiguresSummary extends FileImportSummary {
  format: 'published-figures'
  reconciliation: ReconciliationReport
}

const MAX_ERRORS = 1000

export async function importPublishedFigures(
  database: Database,
  options: ImportPublishedFiguresOptions,
): Promise<PublishedFiguresSummary> {
  const checksum = fileChecksum(options.bytes)
  const parse = options.parse ?? parsePublishedFigures
  const parsed = await parse(options.bytes, { fileName: options.fileName, mapping: options.mapping })
  return writeInOneTransaction(database, (tx) => writeParsed(tx, parsed, checksum, options))
}

async function writeParsed(
  tx: TransactionContext,
  parsed: PublishedParseResult,
  checksum: string,
  options: ImportPublishedFiguresOptions,
): Promise<PublishedFiguresSummary> {
  const isDryRun = options.isDryRun ?? false
  const now = options.now ?? systemNow()
  const currentMonth = firstOfMonth(isoDate(now))
  const definitions = new Map<string, string[]>()
  for (const d of await listFigureDefinitions(tx.db)) definitions.set(d.code, listFigureBreakdowns(d))
  const knownCodes = [...definitions.keys()].sort().join(', ')
  const keyRows = await loadKeyIndexRows(tx.db)
  const resolver = new KeyResolver(keyRows)
  const names = new Map(keyRows.organisations.map((o) => [o.id, o.name]))
  const errors: ImportErrorRow[] = [...parsed.errors]
  let rejected = parsed.errorCount
  const isReportingUnmatched = parsed.mapping.unmatchedKeys === 'report'
  const unmatched = new Set<string>()
  let unmatchedRows = 0
  const accepted: StagedPublishedValue[] = []
  const firstRow = new Map<string, number>()

  for (const r of parsed.records) {
    const problem = (column: string, value: string, text: Message) => {
      rejected++
      if (errors.length < MAX_ERRORS) errors.push({ row: r.row, column, value, ...importMessage(text) })
    }
    const breakdowns = definitions.get(r.figure)
    if (!breakdowns) {
      problem(
        r.figureColumn,
        r.figure,
        message('published.unknownFigure', { figure: r.figure, codes: knownCodes }),
      )
      continue
    }
    if (!breakdowns.includes(r.breakdown)) {
      problem(
        parsed.mapping.columns.breakdown ?? 'breakdown',
        r.breakdown,
        message('published.unknownBreakdown', { figure: r.figure, breakdowns: breakdowns.join(', ') }),
      )
      continue
    }
    const day = `${r.period}-01`
    if (day > currentMonth) {
      problem(
        parsed.mapping.columns.period,
        r.period,
        message('published.futureMonth', { current: currentMonth.slice(0, 7) }),
      )
      continue
    }
    const resolution = resolver.resolve(r.orgKey, r.keyType, day)
    if (resolution.kind === 'invalid') {
      problem(r.keyColumn, r.orgKey, resolution.message)
      continue
    }
    if (resolution.kind !== 'organisation') {
      const reason =
        resolution.kind === 'territorial_change'
          ? resolution.reason
          : message('published.notRegistered', { label: resolution.label })
      if (!isReportingUnmatched) {
        problem(r.keyColumn, r.orgKey, reason)
        continue
      }
      rejected++
      unmatchedRows++
      unmatched.add(resolution.label)
      continue
    }
    const identity = `${resolution.organisationId}|${r.figure}|${day}|${r.breakdown}`
    const earlier = firstRow.get(identity)
    if (earlier !== undefined) {
      problem(
        r.keyColumn,
        r.orgKey,
        message('published.duplicateRow', {
          earlier,
          figure: r.figure,
          period: r.period,
          breakdown: r.breakdown,
          organisation: names.get(resolution.organisationId) ?? String(resolution.organisationId),
        }),
      )
      continue
    }
    firstRow.set(identity, r.row)
    accepted.push({
      organisationId: resolution.organisationId,
      figure: r.figure,
      period: day,
      breakdown: r.breakdown,
      value: r.value?.value ?? null,
      valueDecimals: r.value?.decimals ?? 0,
      numerator: r.numerator?.value ?? null,
      numeratorDecimals: r.numerator?.decimals ?? 0,
      denominator: r.denominator?.value ?? null,
      denominatorDecimals: r.denominator?.decimals ?? 0,
      missingReason: r.missingReason,
      status: r.status,
      comparisonType: r.comparisonType,
      row: r.row,
    })
  }

  const notices: ImportNotice[] = [...parsed.notices]
  if (unmatchedRows > 0)
    notices.push({
      kind: 'no_organisation',
      ...importMessage(message('published.unregistered')),
      count: unmatchedRows,
      keys: [...unmatched].sort(),
    })
  const base = {
    fileName: parsed.fileName,
    checksum,
    format: 'published-figures' as const,
    rowsRead: parsed.rowsRead,
    rowsRejected: rejected,
    errors,
    notices,
    isDryRun,
  }
  const summary: PublishedFiguresSummary = await finishFileImport(tx, {
    base,
    batch: { parsed, options, now },
    hasRawValues: false,
    refused: { reconciliation: { compared: 0, differing: 0, findings: [] } },
    async compare() {
      await stagePublishedValues(tx, accepted)
      const counts = await diffPublishedValues(tx)
      const reconciliation = await reconcileStaged(tx.db, accepted, names)
      return {
        counts,
        added: {
          reconciliation: {
            compared: reconciliation.compared,
            differing: reconciliation.findings.length,
            findings: reconciliation.findings,
          },
        },
        async write(id) {
          await applyPublishedDiff(tx, id, now)
          await insertReconciliation(tx.db, id, reconciliation.compared, reconciliation.stored)
        },
      }
    },
  })
  await options.onCommitted?.(tx, summary)
  return summary
}
