/**
 * benchlearn boundaries import <file.geojson> [--property ags5] [--tolerance 0.005] [--licence …]
 * [--dry-run] [--json]: district boundaries for the map of rings (replaces all boundaries).
 */
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { ImportBoundariesSummaryDto } from '../../contracts/areas'
import { importBoundaries } from '../../features/areas/import-boundaries'
import type { Locale } from '../../core/format/format'
import { renderSent } from '../../core/messages/text'
import { type CliIo, expectedOneOf, say, startCommand, usageError } from '../io'

/** The summary; errors and unmatched districts in the CLI's language. */
function describe(summary: ImportBoundariesSummaryDto, locale: Locale): string[] {
  const lines: string[] = []
  const verb = say(
    locale,
    summary.isCommitted
      ? 'cli.boundaries.imported'
      : summary.isDryRun
        ? 'cli.boundaries.checked'
        : 'cli.boundaries.notImported',
  )
  lines.push(
    say(locale, 'cli.boundaries.summaryLine', {
      file: summary.fileName,
      features: summary.featuresRead,
      districts: summary.imported,
      verb,
      property: summary.property,
    }),
  )
  if (summary.errors.length === 0 && summary.imported > 0)
    lines.push(
      `  ${say(locale, 'cli.boundaries.simplified', {
        tolerance: summary.tolerance,
        read: summary.pointsRead,
        kept: summary.pointsKept,
        size: Math.round(summary.geometryBytes / 1024),
      })}`,
    )
  const feature = (row: number) => say(locale, 'cli.boundaries.feature', { row: String(row) })
  const quoted = (value: string) => say(locale, 'cli.common.quoted', { value })
  for (const u of summary.unmatched)
    lines.push(`  ${feature(u.row)}: ${quoted(u.value)}: ${renderSent(locale, { ...u, key: u.messageKey })}`)
  for (const e of summary.errors) {
    const where = [e.row !== undefined ? feature(e.row) : undefined, e.field].filter(Boolean).join(', ')
    lines.push(
      `  ${where ? `${where}: ` : ''}${e.value !== undefined ? `${quoted(e.value)}: ` : ''}${renderSent(locale, { ...e, key: e.messageKey })}`,
    )
  }
  if (summary.errors.length > 0) lines.push(say(locale, 'cli.boundaries.nothingImported'))
  return lines
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    json: { type: 'boolean' },
    property: { type: 'string' },
    tolerance: { type: 'string' },
    licence: { type: 'string' },
    'dry-run': { type: 'boolean' },
  })
  const [subcommand, file] = positionals
  if (subcommand !== 'import') throw expectedOneOf(locale, ['import'], subcommand)
  if (!file) throw usageError(locale, 'cli.boundaries.expectedFile')
  let tolerance: number | undefined
  if (values.tolerance !== undefined) {
    tolerance = Number(values.tolerance)
    if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 0.1)
      throw usageError(locale, 'cli.boundaries.tolerance', { value: values.tolerance })
  }
  const path = resolve(io.cwd, file)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    // The system's reason is English prose; its code (ENOENT, EACCES …) reads the same in every language.
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw usageError(locale, 'cli.boundaries.cannotRead', { path, reason })
  }
  const summary = await onDatabase((database) =>
    importBoundaries(database, {
      fileName: basename(path),
      bytes,
      property: values.property,
      tolerance,
      licence: values.licence,
      isDryRun: values['dry-run'],
      actor: { userId: null, label: 'cli' },
      now: new Date(),
    }),
  )
  if (values.json) io.out(JSON.stringify(summary, null, 2))
  else for (const line of describe(summary, locale)) (summary.errors.length > 0 ? io.err : io.out)(line)
  return summary.errors.length > 0 ? 2 : 0
}
