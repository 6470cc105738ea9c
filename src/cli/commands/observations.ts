import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'
import type { ObservationListDto } from '../../contracts/observations'
import { observationsQuerySchema } from '../../contracts/observations'
import { readObservations } from '../../features/observations/read-observations'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'as-of': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    breakdown: { type: 'string' },
    json: { type: 'boolean' },
  })
  const [org, indicator] = positionals
  if (!org || !indicator) throw new CliUsageError('expected <org> <indicator>, e.g. observations 06435 elb')
  const query = observationsQuerySchema.parse({
    org,
    indicator,
    from: values.from,
    to: values.to,
    breakdown: values.breakdown,
    asOf: values['as-of'],
  })
  const result = await withDatabase(io, values['data-dir'], (database) =>
    readObservations(database.db, query),
  )
  io.out(values.json ? JSON.stringify(result, null, 2) : describe(result))
  return 0
}

function describe(r: ObservationListDto): string {
  const sources = [...new Set(r.observations.map((o) => o.source))]
  return [
    `${r.organisation.name} (id ${r.organisation.id}) · ${r.indicator.code} [${r.indicator.unit}]${r.asOf ? ` · as of ${r.asOf}` : ''}`,
    `source: ${sources.join('; ') || r.indicator.source}`,
    formatTable(
      ['period', 'breakdown', 'value', 'status', 'revision', 'recorded'],
      r.observations.map((o) => [
        o.period,
        o.breakdown,
        o.value ?? `missing (${o.missingReason})`,
        o.status,
        o.revisions > 1 ? `${o.revision} of ${o.revisions}` : o.revision,
        o.recordedAt.slice(0, 10),
      ]),
    ),
  ].join('\n')
}
