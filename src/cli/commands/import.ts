import { readFileSync, existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { ImportSummary } from '../../features/imports/import-file'
import type { OrganisationListSummary } from '../../features/organisations/import-organisation-list'
import type { PublishedFiguresSummary } from '../../features/published-figures/import-published-figures'
import { auditImport } from '../../features/imports/audit-import'
import { runImport } from '../../features/imports/run-import'
import { loadMappingForOperator } from '../../features/imports/load-mapping'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'
import type { Locale } from '../../core/format/format'
import { localeFromEnvironment, renderSent } from '../../core/messages/text'

/** An import error's or notice's text in the CLI's language (its English text where the key is the web's). */
function say(
  locale: Locale,
  m: { message: string; messageKey?: string; params?: Record<string, string | number> },
) {
  return renderSent(locale, { ...m, key: m.messageKey })
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    decimal: { type: 'string' },
    user: { type: 'string' },
  })
  const file = positionals[0]
  if (!file) throw new CliUsageError('which file? e.g. benchlearn import figures.csv')
  const path = resolve(io.cwd, file)
  if (!existsSync(path)) throw new CliUsageError(`no such file: ${file}`)
  const encoding = values.encoding as 'utf-8' | 'windows-1252' | 'latin1' | undefined
  if (encoding && !['utf-8', 'windows-1252', 'latin1'].includes(encoding)) {
    throw new CliUsageError(`--encoding must be utf-8, windows-1252 or latin1, got '${encoding}'`)
  }
  const decimal = values.decimal as ',' | '.' | undefined
  if (decimal && decimal !== ',' && decimal !== '.')
    throw new CliUsageError(`--decimal must be ',' or '.', got '${decimal}'`)
  // The operator on the server may name a local mapping file; requests never can (load-mapping.ts).
  const loaded = values.mapping
    ? loadMappingForOperator(values.mapping, (p) => resolve(io.cwd, p))
    : undefined
  const summary = await withDatabase(io, values['data-dir'], (database) =>
    runImport(database, {
      fileName: basename(path),
      bytes: readFileSync(path),
      loaded,
      isDryRun: values['dry-run'] ?? false,
      createdBy: values.user ?? io.env.USER ?? 'cli',
      encoding,
      delimiter: values.delimiter,
      decimal,
      onProgress: (phase, done, total) => io.progress(phase === 'parse' ? 'lesen' : 'schreiben', done, total),
      // Local imports are writes too: audited like uploads, with the CLI as the actor.
      onCommitted: (tx, summary) =>
        auditImport(tx, summary, {
          actor: { userId: null, label: `cli:${values.user ?? io.env.USER ?? 'cli'}` },
          action: 'import.cli',
          at: new Date(),
        }),
    }),
  )
  if (values.json) io.out(JSON.stringify(summary, null, 2))
  else
    io.out(
      'created' in summary
        ? describeOrganisationList(summary, localeFromEnvironment(io.env))
        : 'reconciliation' in summary
          ? describePublishedFigures(summary, localeFromEnvironment(io.env))
          : describeImport(summary, localeFromEnvironment(io.env)),
    )
  return summary.errors.length > 0 ? 2 : 0
}

/** Whether the import wrote anything, in both languages. */
function describeVerdict(s: { errors: readonly unknown[]; isDryRun: boolean }): string {
  if (s.errors.length > 0) return 'ABGELEHNT / REJECTED – nothing was written'
  return s.isDryRun ? 'Probelauf / dry run – nothing was written' : 'importiert / imported'
}

/** Counts, batch, notices and rejected rows of an import of values (observed or published). */
function describeValueImport(
  s: Omit<ImportSummary, 'valuesRead' | 'changes'> & { valuesRead?: number },
  lines: string[],
  locale: Locale,
): void {
  lines.push(`${s.fileName} (${s.format}): ${describeVerdict(s)}`)
  lines.push(
    `  rows read ${s.rowsRead}${s.valuesRead === undefined ? '' : ` · values ${s.valuesRead}`} · ${s.isDryRun ? 'would import' : 'imported'} ${s.rowsImported} (new ${s.newValues}, revised ${s.revisedValues}) · unchanged ${s.rowsUnchanged} · rejected ${s.rowsRejected}`,
  )
  if (s.batchId !== null) lines.push(`  batch #${s.batchId}`)
  if (s.keyFigureValuesWritten !== undefined)
    lines.push(`  Kennzahlen aktualisiert / key figures updated: ${s.keyFigureValuesWritten} values`)
  for (const n of s.notices) {
    lines.push(
      `  note: ${say(locale, n)} (${n.count})${n.keys?.length ? `: ${n.keys.slice(0, 12).join('; ')}${n.keys.length > 12 ? ` … +${n.keys.length - 12}` : ''}` : ''}`,
    )
  }
  if (s.errors.length > 0) {
    lines.push(
      '',
      formatTable(
        ['row', 'column', 'value', 'problem'],
        s.errors.slice(0, 50).map((e) => [e.row ?? null, e.column ?? null, e.value ?? null, say(locale, e)]),
      ),
    )
    if (s.errors.length > 50) lines.push(`  … and ${s.errors.length - 50} more (use --json for all)`)
  }
}

export function describeImport(s: ImportSummary, locale: Locale): string {
  const lines: string[] = []
  describeValueImport(s, lines, locale)
  if (s.changes.length > 0) {
    lines.push('', s.isDryRun ? 'What would change (examples):' : 'Changes (examples):')
    lines.push(
      formatTable(
        ['org id', 'indicator', 'period', 'breakdown', 'before', 'after'],
        s.changes.map((c) => [c.organisationId, c.indicator, c.period, c.breakdown, c.before, c.after]),
      ),
    )
  }
  return lines.join('\n')
}

export function describeOrganisationList(s: OrganisationListSummary, locale: Locale): string {
  const verdict = describeVerdict(s)
  const lines = [
    `${s.fileName} (list of organisations): ${verdict}`,
    `  rows ${s.rowsRead} · created ${s.created} · updated ${s.updated} · unchanged ${s.rowsUnchanged} · added to network ${s.addedToNetwork} · rejected ${s.rowsRejected}`,
    ...s.notices.map(
      (n) => `  note: ${say(locale, n)} (${n.count})${n.keys?.length ? `: ${n.keys.join('; ')}` : ''}`,
    ),
  ]
  if (s.errors.length > 0) {
    lines.push(
      '',
      formatTable(
        ['row', 'column', 'value', 'problem'],
        s.errors.map((e) => [e.row ?? null, e.column ?? null, e.value ?? null, say(locale, e)]),
      ),
    )
  }
  return lines.join('\n')
}

export function describePublishedFigures(s: PublishedFiguresSummary, locale: Locale): string {
  const lines: string[] = []
  describeValueImport(s, lines, locale)
  const r = s.reconciliation
  lines.push(
    '',
    `Abgleich / reconciliation: ${r.compared} published values have a computed value; ${r.differing} differ beyond rounding (tolerance: half a unit of the published value's last decimal)`,
  )
  if (r.findings.length > 0)
    lines.push(
      formatTable(
        ['organisation', 'figure', 'month', 'breakdown', 'published', 'computed', 'differs'],
        r.findings.map((f) => [
          f.name,
          f.figure,
          f.period,
          f.breakdown,
          `${f.published.value} = ${f.published.numerator} / ${f.published.denominator}`,
          `${f.computed.value} = ${f.computed.numerator} / ${f.computed.denominator}`,
          f.differs.join(', '),
        ]),
      ),
    )
  return lines.join('\n')
}
