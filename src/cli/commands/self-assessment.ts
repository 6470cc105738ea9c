import { compareSelfAssessments } from '../../features/self-assessment/compare-self-assessments'
import { formatFixed, formatSigned } from '../../core/format/format'
import { type CliIo, expectedOneOf, formatTable, say, startCommand, usageError } from '../io'
import { LOCAL_ADMIN } from './practices'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    json: { type: 'boolean' },
    ring: { type: 'string' },
    cycle: { type: 'string' },
    org: { type: 'string' },
  })
  const format = (value: number | null) => (value === null ? null : formatFixed(locale, value, 1))
  const signed = (value: number | null) => (value === null ? null : formatSigned(locale, value, 1))
  if (positionals[0] !== 'compare') throw expectedOneOf(locale, ['compare'], positionals[0])
  if (!values.ring) throw usageError(locale, 'cli.common.ringRequired')
  const organisationId = values.org === undefined ? undefined : Number(values.org)
  if (organisationId !== undefined && !Number.isInteger(organisationId))
    throw usageError(locale, 'cli.selfAssessment.org', { value: values.org! })
  const result = await onDatabase((database) =>
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
    `${result.ring.code} ${result.ring.name} · ${result.cycle.name}${result.previousCycle ? ` ${say(locale, 'cli.selfAssessment.comparedWith', { code: result.previousCycle.code })}` : ''} · ${say(locale, 'cli.selfAssessment.scale', { min: result.scale.min, max: result.scale.max })}${result.isDemo ? ` · ${say(locale, 'cli.common.demo')}` : ''}`,
  )
  if (result.focus) io.out(say(locale, 'cli.selfAssessment.focus', { name: result.focus.name }))
  io.out(
    formatTable(
      [
        say(locale, 'cli.selfAssessment.colArea'),
        say(locale, 'cli.selfAssessment.colScore'),
        say(locale, 'cli.selfAssessment.colMean'),
        say(locale, 'cli.kpi.colMedian'),
        say(locale, 'cli.selfAssessment.colBest'),
        say(locale, 'cli.selfAssessment.colGap'),
        say(locale, 'cli.selfAssessment.colChange'),
        say(locale, 'cli.selfAssessment.colRingChange'),
        'n',
      ],
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
  if (!result.focus) io.out(say(locale, 'cli.selfAssessment.hint'))
  return 0
}
