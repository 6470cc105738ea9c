import { readFileSync, existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { ImportSummary } from '../../features/imports/import-file'
import type { OrganisationListSummary } from '../../features/organisations/import-organisation-list'
import type { PublishedFiguresSummary } from '../../features/published-figures/import-published-figures'
import { auditImport } from '../../features/imports/audit-import'
import { runImport } from '../../features/imports/run-import'
import { loadMappingForOperator } from '../../features/imports/load-mapping'
import { type CliIo, formatTable, say, startCommand, usageError } from '../io'
import { formatNumber, formatPeriod, type Locale } from '../../core/format/format'
import { renderSent } from '../../core/messages/text'

/** An import error's or notice's text in the CLI's language (its English text where the key is the web's). */
function sayFinding(
  locale: Locale,
  m: { message: string; messageKey?: string; params?: Record<string, string | number> },
) {
  return renderSent(locale, { ...m, key: m.messageKey })
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase, print } = startCommand(io, args, {
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    decimal: { type: 'string' },
    user: { type: 'string' },
  })
  const file = positionals[0]
  if (!file) throw usageError(locale, 'cli.import.whichFile')
  const path = resolve(io.cwd, file)
  if (!existsSync(path)) throw usageError(locale, 'cli.import.noSuchFile', { file })
  const encoding = values.encoding as 'utf-8' | 'windows-1252' | 'latin1' | undefined
  if (encoding && !['utf-8', 'windows-1252', 'latin1'].includes(encoding)) {
    throw usageError(locale, 'cli.import.encoding', { value: encoding })
  }
  const decimal = values.decimal as ',' | '.' | undefined
  if (decimal && decimal !== ',' && decimal !== '.')
    throw usageError(locale, 'cli.import.decimal', { value: decimal })
  // The operator on the server may name a local mapping file; requests never can (load-mapping.ts).
  const loaded = values.mapping
    ? loadMappingForOperator(values.mapping, (p) => resolve(io.cwd, p))
    : undefined
  const summary = await onDatabase((database) =>
    runImport(database, {
      fileName: basename(path),
      bytes: readFileSync(path),
      loaded,
      isDryRun: values['dry-run'] ?? false,
      createdBy: values.user ?? io.env.USER ?? 'cli',
      encoding,
      delimiter: values.delimiter,
      decimal,
      onProgress: (phase, done, total) =>
        io.progress(
          say(locale, phase === 'parse' ? 'cli.import.phaseParse' : 'cli.import.phaseWrite'),
          done,
          total,
        ),
      // Local imports are writes too: audited like uploads, with the CLI as the actor.
      onCommitted: (tx, summary) =>
        auditImport(tx, summary, {
          actor: { userId: null, label: `cli:${values.user ?? io.env.USER ?? 'cli'}` },
          action: 'import.cli',
          at: new Date(),
        }),
    }),
  )
  print(summary, () =>
    'created' in summary
      ? describeOrganisationList(summary, locale)
      : 'reconciliation' in summary
        ? describePublishedFigures(summary, locale)
        : describeImport(summary, locale),
  )
  return summary.errors.length > 0 ? 2 : 0
}

/** Whether the import wrote anything. */
function describeVerdict(s: { errors: readonly unknown[]; isDryRun: boolean }, locale: Locale): string {
  if (s.errors.length > 0) return say(locale, 'cli.import.rejected')
  return say(locale, s.isDryRun ? 'cli.import.dryRun' : 'cli.import.imported')
}

/** A notice with its count and, where it names them, the first keys. */
function describeNotice(
  locale: Locale,
  n: ImportSummary['notices'][number],
  shown = Number.POSITIVE_INFINITY,
): string {
  const keys = n.keys ?? []
  const listed = keys.length
    ? `: ${keys.slice(0, shown).join('; ')}${keys.length > shown ? ` … +${keys.length - shown}` : ''}`
    : ''
  return `  ${say(locale, 'cli.common.note', { text: sayFinding(locale, n) })} (${formatNumber(locale, n.count, 0)})${listed}`
}

/** The table of rejected rows: row, column, value, problem. */
function errorTable(locale: Locale, errors: ImportSummary['errors']): string {
  return formatTable(
    [
      say(locale, 'cli.common.colRow'),
      say(locale, 'cli.common.colColumn'),
      say(locale, 'cli.common.colValue'),
      say(locale, 'cli.common.colProblem'),
    ],
    errors.map((e) => [e.row ?? null, e.column ?? null, e.value ?? null, sayFinding(locale, e)]),
  )
}

/** Counts, batch, notices and rejected rows of an import of values (observed or published). */
function describeValueImport(
  s: Omit<ImportSummary, 'valuesRead' | 'changes'> & { valuesRead?: number },
  lines: string[],
  locale: Locale,
): void {
  lines.push(`${s.fileName} (${s.format}): ${describeVerdict(s, locale)}`)
  const counts = { n: s.rowsImported, new: s.newValues, revised: s.revisedValues }
  lines.push(
    `  ${[
      say(locale, 'cli.import.rowsRead', { n: s.rowsRead }),
      ...(s.valuesRead === undefined ? [] : [say(locale, 'cli.import.valuesRead', { n: s.valuesRead })]),
      say(locale, s.isDryRun ? 'cli.import.wouldImport' : 'cli.import.importedCount', counts),
      say(locale, 'cli.import.unchanged', { n: s.rowsUnchanged }),
      say(locale, 'cli.import.rejectedCount', { n: s.rowsRejected }),
    ].join(' · ')}`,
  )
  if (s.batchId !== null) lines.push(`  ${say(locale, 'cli.import.batch', { batchId: s.batchId })}`)
  if (s.keyFigureValuesWritten !== undefined)
    lines.push(`  ${say(locale, 'cli.import.figuresUpdated', { n: s.keyFigureValuesWritten })}`)
  for (const n of s.notices) lines.push(describeNotice(locale, n, 12))
  if (s.errors.length > 0) {
    lines.push('', errorTable(locale, s.errors.slice(0, 50)))
    if (s.errors.length > 50) lines.push(`  ${say(locale, 'cli.import.more', { n: s.errors.length - 50 })}`)
  }
}

/** A value as read: a number in the language's marks, a text (a missing reason) as it is. */
const number = (locale: Locale, value: string | number | null) =>
  typeof value === 'number' ? formatNumber(locale, value, 6) : value

export function describeImport(s: ImportSummary, locale: Locale): string {
  const lines: string[] = []
  describeValueImport(s, lines, locale)
  if (s.changes.length > 0) {
    lines.push('', say(locale, s.isDryRun ? 'cli.import.wouldChange' : 'cli.import.changes'))
    lines.push(
      formatTable(
        [
          say(locale, 'cli.import.colOrgId'),
          say(locale, 'cli.import.colIndicator'),
          say(locale, 'cli.import.colPeriod'),
          say(locale, 'cli.common.colBreakdown'),
          say(locale, 'cli.import.colBefore'),
          say(locale, 'cli.import.colAfter'),
        ],
        s.changes.map((c) => [
          c.organisationId,
          c.indicator,
          formatPeriod(locale, c.period),
          c.breakdown,
          number(locale, c.before),
          number(locale, c.after),
        ]),
      ),
    )
  }
  return lines.join('\n')
}

export function describeOrganisationList(s: OrganisationListSummary, locale: Locale): string {
  const lines = [
    say(locale, 'cli.import.organisationList', { file: s.fileName, verdict: describeVerdict(s, locale) }),
    `  ${say(locale, 'cli.import.organisationCounts', {
      rows: s.rowsRead,
      created: s.created,
      updated: s.updated,
      unchanged: s.rowsUnchanged,
      added: s.addedToNetwork,
      rejected: s.rowsRejected,
    })}`,
    ...s.notices.map((n) => describeNotice(locale, n)),
  ]
  if (s.errors.length > 0) lines.push('', errorTable(locale, s.errors))
  return lines.join('\n')
}

export function describePublishedFigures(s: PublishedFiguresSummary, locale: Locale): string {
  const lines: string[] = []
  describeValueImport(s, lines, locale)
  const r = s.reconciliation
  lines.push('', say(locale, 'cli.import.reconciliation', { compared: r.compared, differing: r.differing }))
  const shown = (value: number | null) => (value === null ? '–' : formatNumber(locale, value, 6))
  const quotient = (q: { value: number | null; numerator: number | null; denominator: number | null }) =>
    `${shown(q.value)} = ${shown(q.numerator)} / ${shown(q.denominator)}`
  if (r.findings.length > 0)
    lines.push(
      formatTable(
        [
          say(locale, 'cli.common.colOrganisation'),
          say(locale, 'cli.import.colFigure'),
          say(locale, 'cli.import.colMonth'),
          say(locale, 'cli.common.colBreakdown'),
          say(locale, 'cli.import.colPublished'),
          say(locale, 'cli.import.colComputed'),
          say(locale, 'cli.import.colDiffers'),
        ],
        r.findings.map((f) => [
          f.name,
          f.figure,
          formatPeriod(locale, f.period),
          f.breakdown,
          quotient(f.published),
          quotient(f.computed),
          f.differs.map((part) => say(locale, `cli.import.part.${part}`)).join(', '),
        ]),
      ),
    )
  return lines.join('\n')
}
