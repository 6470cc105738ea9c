import { latestCompleteMonth } from '../../core/periods/period'
import { computeKeyFigures } from '../../features/kpi/compute-key-figures'
import { createDemoNetwork } from '../../features/demo/create-demo-network'
import { createDemoPublication } from '../../features/demo/create-demo-publication'
import { countOrganisations } from '../../features/organisations/organisation.repository'
import { CliUsageError, type CliIo, parseCommandArgs, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    reset: { type: 'boolean' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  })
  return withDatabase(io, values['data-dir'], async (database) => {
    const hasData = (await countOrganisations(database.db)) > 0
    if (hasData && !values.reset) {
      throw new CliUsageError(
        'the database already holds organisations; use --reset to delete everything and recreate the demo network',
      )
    }
    const seed = values.seed === undefined ? undefined : Number(values.seed)
    if (seed !== undefined && !Number.isInteger(seed))
      throw new CliUsageError(`--seed must be a whole number, got '${values.seed}'`)
    const summary = await createDemoNetwork(database, {
      seed,
      lastMonth: latestCompleteMonth(new Date()),
      isReset: true,
    })
    const computed = await computeKeyFigures(database, { isFull: true })
    // The synthetic publication is made from the computed figures, so it comes after them.
    await createDemoPublication(database)
    if (values.json) io.out(JSON.stringify({ ...summary, keyFigureValues: computed.valuesWritten }, null, 2))
    else
      io.out(
        `Demo-Netzwerk angelegt / demo network created: ${summary.organisations} organisations, ${summary.rings} rings, ${summary.values} synthetic values (${summary.firstMonth} – ${summary.lastMonth}), ${computed.valuesWritten} key-figure values`,
      )
    return 0
  })
}
