import { compareSelfAssessments } from '../../features/self-assessment/compare-self-assessments'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'
import { LOCAL_ADMIN } from './practices'

const format = (value: number | null, digits = 1) => (value === null ? null : value.toFixed(digits))
const signed = (value: number | null) =>
  value === null ? null : `${value > 0 ? '+' : ''}${value.toFixed(1)}`

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    ring: { type: 'string' },
    cycle: { type: 'string' },
    org: { type: 'string' },
  })
  if (positionals[0] !== 'compare')
    throw new CliUsageError(`expected 'compare', got '${positionals[0] ?? ''}'`)
  if (!values.ring) throw new CliUsageError('--ring is required (a ring code such as R01)')
  const organisationId = values.org === undefined ? undefined : Number(values.org)
  if (organisationId !== undefined && !Number.isInteger(organisationId))
    throw new CliUsageError(`--org must be an organisation id, got '${values.org}'`)
  const result = await withDatabase(io, values['data-dir'], (database) =>
    compareSelfAssessments(database.db, {
      ringId: values.ring!,
      cycleId: values.cycle,
      organisationId,
      viewer: LOCAL_ADMIN,
      now: new Date(),
    }),
  )
  if (values.json) {
    io.out(JSON.stringify(result, null, 2))
    return 0
  }
  io.out(
    `${result.ring.code} ${result.ring.name} · ${result.cycle.name}${result.previousCycle ? ` (Vergleich / compared with ${result.previousCycle.code})` : ''} · Skala / scale ${result.scale.min}–${result.scale.max}${result.isDemo ? ' · Demo' : ''}`,
  )
  if (result.focus) io.out(`Fokus / focus: ${result.focus.name}`)
  io.out(
    formatTable(
      ['area', 'score', 'mean', 'median', 'best', 'gap', 'change', 'ring Δ', 'n'],
      result.areas.map((a) => [
        a.name,
        a.score,
        format(a.mean),
        format(a.median),
        a.best,
        a.gapToBest,
        signed(a.change),
        signed(a.meanChange),
        a.organisationCount,
      ]),
    ),
  )
  if (!result.focus) io.out('(--org <id> shows one organisation’s score, gap to the best and change)')
  return 0
}
