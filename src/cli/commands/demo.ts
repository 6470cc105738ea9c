import { latestCompleteMonth } from '../../core/periods/period'
import { computeKeyFigures } from '../../features/kpi/compute-key-figures'
import { createDemoNetwork } from '../../features/demo/create-demo-network'
import { createDemoPublication } from '../../features/demo/create-demo-publication'
import { countOrganisations } from '../../features/organisations/organisation.repository'
import { type CliIo, say, startCommand, usageError } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, onDatabase, print } = startCommand(io, args, {
    reset: { type: 'boolean' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  })
  return onDatabase(async (database) => {
    const hasData = (await countOrganisations(database.db)) > 0
    if (hasData && !values.reset) throw usageError(locale, 'cli.demo.hasData')
    const seed = values.seed === undefined ? undefined : Number(values.seed)
    if (seed !== undefined && !Number.isInteger(seed))
      throw usageError(locale, 'cli.demo.seed', { value: values.seed! })
    const summary = await createDemoNetwork(database, {
      seed,
      lastMonth: latestCompleteMonth(new Date()),
      isReset: true,
    })
    const computed = await computeKeyFigures(database, { isFull: true })
    // The synthetic publication is made from the computed figures, so it comes after them.
    await createDemoPublication(database)
    print({ ...summary, keyFigureValues: computed.valuesWritten }, () =>
      say(locale, 'cli.demo.created', {
        organisations: summary.organisations,
        rings: summary.rings,
        values: summary.values,
        firstMonth: summary.firstMonth,
        lastMonth: summary.lastMonth,
        figureValues: computed.valuesWritten,
      }),
    )
    return 0
  })
}
