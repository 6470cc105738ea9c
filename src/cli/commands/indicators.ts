import { listIndicators } from '../../features/indicators/indicator.repository'
import { type CliIo, expectedOneOf, printList, say, startCommand } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, { json: { type: 'boolean' } })
  if (positionals[0] !== 'list') throw expectedOneOf(locale, ['list'], positionals[0])
  const indicators = await onDatabase((database) => listIndicators(database.db))
  printList(io, {
    json: values.json,
    named: { indicators },
    headers: [
      say(locale, 'cli.common.colCode'),
      say(locale, 'cli.common.colName'),
      say(locale, 'cli.indicators.colUnit'),
      say(locale, 'cli.indicators.colFrequency'),
      say(locale, 'cli.indicators.colBreakdowns'),
      say(locale, 'cli.common.colKind'),
      say(locale, 'cli.indicators.colSource'),
    ],
    row: (i) => [
      i.code,
      locale === 'de' ? i.nameDe : i.nameEn,
      i.unit,
      i.frequency === 'monthly'
        ? say(locale, 'cli.indicators.monthly')
        : i.frequency === 'yearly'
          ? say(locale, 'cli.indicators.yearly')
          : i.frequency,
      i.breakdowns.join('/'),
      i.kind,
      i.source,
    ],
  })
  return 0
}
