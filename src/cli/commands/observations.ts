import { formatDate, formatNumber, formatPeriod, type Locale } from '../../core/format/format'
import { type CliIo, formatTable, say, startCommand, usageError } from '../io'
import type { ObservationListDto } from '../../contracts/observations'
import { observationsQuerySchema } from '../../contracts/observations'
import { readObservations } from '../../features/observations/read-observations'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase, print } = startCommand(io, args, {
    'as-of': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    breakdown: { type: 'string' },
    json: { type: 'boolean' },
  })
  const [org, indicator] = positionals
  if (!org || !indicator) throw usageError(locale, 'cli.observations.expected')
  const query = observationsQuerySchema.parse({
    org,
    indicator,
    from: values.from,
    to: values.to,
    breakdown: values.breakdown,
    asOf: values['as-of'],
  })
  const result = await onDatabase((database) => readObservations(database.db, query))
  print(result, () => describe(result, locale))
  return 0
}

function describe(r: ObservationListDto, locale: Locale): string {
  const sources = [...new Set(r.observations.map((o) => o.source))]
  const organisation = say(locale, 'cli.observations.organisation', {
    name: r.organisation.name,
    id: r.organisation.id,
  })
  const asOf = r.asOf
    ? ` · ${say(locale, 'cli.observations.asOf', { asOf: formatDate(locale, r.asOf) })}`
    : ''
  return [
    `${organisation} · ${r.indicator.code} [${r.indicator.unit}]${asOf}`,
    say(locale, 'cli.observations.source', { source: sources.join('; ') || r.indicator.source }),
    formatTable(
      [
        say(locale, 'cli.import.colPeriod'),
        say(locale, 'cli.common.colBreakdown'),
        say(locale, 'cli.common.colValue'),
        say(locale, 'cli.common.colStatus'),
        say(locale, 'cli.observations.colRevision'),
        say(locale, 'cli.observations.colRecorded'),
      ],
      r.observations.map((o) => [
        formatPeriod(locale, o.period),
        o.breakdown,
        o.value === null
          ? say(locale, 'cli.observations.missing', { reason: o.missingReason ?? '–' })
          : formatNumber(locale, o.value, 3),
        o.status,
        o.revisions > 1
          ? say(locale, 'cli.observations.revisionOf', { revision: o.revision, revisions: o.revisions })
          : o.revision,
        formatDate(locale, o.recordedAt),
      ]),
    ),
  ].join('\n')
}
