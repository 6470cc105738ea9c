/**
 * benchlearn boundaries import <file.geojson> [--property ags5] [--tolerance 0.005] [--licence …]
 * [--dry-run] [--json]: district boundaries for the map of rings (replaces all boundaries).
 */
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { ImportBoundariesSummaryDto } from '../../contracts/areas'
import { importBoundaries } from '../../features/areas/import-boundaries'
import type { Locale } from '../../core/format/format'
import { localeFromEnvironment, renderSent } from '../../core/messages/text'
import { CliUsageError, type CliIo, parseCommandArgs, withDatabase } from '../io'

/** The summary; errors and unmatched districts in the CLI's language. */
function describe(summary: ImportBoundariesSummaryDto, locale: Locale): string[] {
  const lines: string[] = []
  const verb = summary.isCommitted ? 'imported' : summary.isDryRun ? 'checked (dry run)' : 'not imported'
  lines.push(
    `${summary.fileName}: ${summary.featuresRead} features, ${summary.imported} districts ${verb} (property '${summary.property}')`,
  )
  if (summary.errors.length === 0 && summary.imported > 0)
    lines.push(
      `  simplified with ${summary.tolerance}°: ${summary.pointsRead} → ${summary.pointsKept} points, ${Math.round(summary.geometryBytes / 1024)} kB`,
    )
  for (const u of summary.unmatched)
    lines.push(`  feature ${u.row}: '${u.value}': ${renderSent(locale, { ...u, key: u.messageKey })}`)
  for (const e of summary.errors) {
    const where = [e.row !== undefined ? `feature ${e.row}` : undefined, e.field].filter(Boolean).join(', ')
    lines.push(
      `  ${where ? `${where}: ` : ''}${e.value !== undefined ? `'${e.value}': ` : ''}${renderSent(locale, { ...e, key: e.messageKey })}`,
    )
  }
  if (summary.errors.length > 0) lines.push('nothing was imported')
  return lines
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    property: { type: 'string' },
    tolerance: { type: 'string' },
    licence: { type: 'string' },
    'dry-run': { type: 'boolean' },
  })
  const [subcommand, file] = positionals
  if (subcommand !== 'import') throw new CliUsageError(`expected 'import', got '${subcommand ?? ''}'`)
  if (!file) throw new CliUsageError('expected a GeoJSON file: boundaries import <file.geojson>')
  let tolerance: number | undefined
  if (values.tolerance !== undefined) {
    tolerance = Number(values.tolerance)
    if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 0.1)
      throw new CliUsageError(`--tolerance must be degrees between 0 and 0.1, got '${values.tolerance}'`)
  }
  const path = resolve(io.cwd, file)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const summary = await withDatabase(io, values['data-dir'], (database) =>
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
  else
    for (const line of describe(summary, localeFromEnvironment(io.env)))
      (summary.errors.length > 0 ? io.err : io.out)(line)
  return summary.errors.length > 0 ? 2 : 0
}
