import { POLARITY_NAMES } from '../../core/kpi/polarity'
import { FULL_DISCLOSURE } from '../../core/permissions'
import { parseAsOf } from '../../core/periods/as-of'
import {
  createFigureRequestSchema,
  figureSummaryQuerySchema,
  type CatalogueDto,
  type ComputeSummaryDto,
  type ExcellenceDto,
  type FigureSummaryDto,
} from '../../contracts/kpi'
import type { Database } from '../../db/connect'
import { computeKeyFigures } from '../../features/kpi/compute-key-figures'
import { parseContextList } from '../../features/kpi/context-model'
import { findFigureExcellence } from '../../features/kpi/excellence'
import { createFigure, readCatalogue } from '../../features/kpi/figure-catalogue'
import { computeAllAsOf, type AsOfReport } from '../../features/kpi/compute-as-of'
import { resolvePeriod } from '../../features/kpi/read-figure-values'
import { resolveGroup } from '../../features/kpi/resolve-group'
import { summariseFigure } from '../../features/kpi/summarise-figure'
import { findOrganisationByKey } from '../../features/organisations/find-organisation'
import { formatDate, formatFixed, formatPeriod, type Locale } from '../../core/format/format'
import { renderSent } from '../../core/messages/text'
import {
  type CliIo,
  expectedOneOf,
  formatFixedOrDash,
  formatTable,
  say,
  startCommand,
  usageError,
} from '../io'

const SUBCOMMANDS = ['list', 'compute', 'show', 'excellence', 'define']

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase, print } = startCommand(io, args, {
    json: { type: 'boolean' },
    full: { type: 'boolean' },
    'as-of': { type: 'string' },
    org: { type: 'string' },
    group: { type: 'string' },
    orgs: { type: 'string' },
    period: { type: 'string' },
    breakdown: { type: 'string' },
    context: { type: 'string' },
    'name-de': { type: 'string' },
    'name-en': { type: 'string' },
    'explanation-de': { type: 'string' },
    'explanation-en': { type: 'string' },
    numerator: { type: 'string' },
    denominator: { type: 'string' },
    unit: { type: 'string' },
    transform: { type: 'string' },
    polarity: { type: 'string' },
    'sex-breakdown': { type: 'boolean' },
    'valid-from': { type: 'string' },
  })
  const [sub, code] = positionals
  const asOf = values['as-of'] ? parseAsOf(values['as-of'], '--as-of') : undefined
  switch (sub) {
    case 'list': {
      const catalogue = await onDatabase((d) => readCatalogue(d.db))
      print(catalogue, () => describeCatalogue(locale, catalogue))
      return 0
    }
    case 'compute': {
      if (asOf) {
        const report = await onDatabase((d) => computeAllAsOf(d.db, { asOf }))
        print(report, () => describeAsOf(locale, report))
      } else {
        const summary = await onDatabase((d) => computeKeyFigures(d, { isFull: values.full }))
        print(summary, () => describeCompute(locale, summary))
      }
      return 0
    }
    case 'show':
    case 'excellence': {
      if (!code) throw usageError(locale, 'cli.kpi.figureCode', { sub })
      if (!values.org) throw usageError(locale, 'cli.kpi.orgRequired')
      const query = figureSummaryQuerySchema.parse({
        figure: code,
        org: values.org,
        group: values.group ?? 'ring',
        orgs: values.orgs,
        period: values.period,
        breakdown: values.breakdown ?? 'total',
        context: values.context,
      })
      const result = await onDatabase(async (d: Database) => {
        const organisation = await findOrganisationByKey(d.db, query.org)
        const month = await resolvePeriod(d.db, query.period, asOf)
        const group = await resolveGroup(d.db, {
          kind: query.group,
          organisationId: organisation.id,
          month,
          setKeys: query.orgs,
        })
        const common = {
          code: query.figure,
          breakdown: query.breakdown,
          month,
          group,
          context: parseContextList(query.context),
          asOf,
        }
        return sub === 'show'
          ? // The CLI is the operator's, on the server: it sees every organisation.
            summariseFigure(d.db, { ...common, organisation, decision: FULL_DISCLOSURE })
          : findFigureExcellence(d.db, common)
      })
      if ('byLevel' in result) print(result, () => describeExcellence(locale, result))
      else print(result, () => describeSummary(locale, result))
      return 0
    }
    case 'define': {
      if (!code) throw usageError(locale, 'cli.kpi.defineCode')
      const request = createFigureRequestSchema.parse({
        code,
        nameDe: values['name-de'] ?? code,
        nameEn: values['name-en'] ?? values['name-de'] ?? code,
        explanationDe: values['explanation-de'],
        explanationEn: values['explanation-en'],
        numerator: values.numerator,
        denominator: values.denominator,
        unit: values.unit,
        transform: values.transform,
        polarity: values.polarity,
        hasSexBreakdown: values['sex-breakdown'],
        validFrom: values['valid-from'],
      })
      const figure = await onDatabase((d) =>
        createFigure(d, { request, createdBy: `cli:${io.env.USER ?? 'unknown'}` }),
      )
      print(figure, () =>
        say(locale, 'cli.kpi.defined', {
          code: figure.code,
          version: figure.current.version,
          numerator: figure.current.numerator,
          denominator: figure.current.denominator,
        }),
      )
      return 0
    }
    default:
      throw expectedOneOf(locale, SUBCOMMANDS, sub)
  }
}

/** "März 2026" for a month, "–" where there is none. */
const month = (locale: Locale, period: string | null | undefined) =>
  period ? formatPeriod(locale, period) : '–'

function describeCatalogue(locale: Locale, catalogue: CatalogueDto): string {
  return formatTable(
    [
      say(locale, 'cli.common.colCode'),
      say(locale, 'cli.kpi.colVersion'),
      say(locale, 'cli.common.colName'),
      say(locale, 'cli.kpi.colFormula'),
      say(locale, 'cli.kpi.colShownAs'),
      say(locale, 'cli.kpi.colPolarity'),
      say(locale, 'cli.indicators.colBreakdowns'),
    ],
    catalogue.figures.map((f) => [
      f.code,
      f.current.version,
      locale === 'de' ? f.current.nameDe : f.current.nameEn,
      `${f.current.numerator} / ${f.current.denominator}`,
      f.display,
      POLARITY_NAMES[f.current.polarity][locale],
      f.breakdowns.join(','),
    ]),
  )
}

function describeCompute(locale: Locale, r: ComputeSummaryDto): string {
  if (r.kind === 'up_to_date') return say(locale, 'cli.kpi.upToDate')
  return [
    say(locale, 'cli.kpi.computed', { kind: r.kind }),
    `  ${say(locale, 'cli.kpi.computedScope', {
      figures: r.figures,
      organisations: r.organisations,
      first: month(locale, r.firstMonth),
      last: month(locale, r.lastMonth),
    })}`,
    `  ${say(locale, 'cli.kpi.computedValues', {
      values: r.valuesWritten,
      seconds: formatFixed(locale, r.seconds, 2),
      runId: r.runId ?? '–',
    })}`,
  ].join('\n')
}

function describeAsOf(locale: Locale, r: AsOfReport): string {
  return [
    say(locale, 'cli.kpi.asOf', { asOf: formatDate(locale, r.asOf) }),
    say(locale, 'cli.kpi.asOfScope', {
      organisations: r.organisations,
      first: month(locale, r.firstMonth),
      last: month(locale, r.lastMonth),
    }),
    formatTable(
      [
        say(locale, 'cli.common.colCode'),
        say(locale, 'cli.common.colBreakdown'),
        say(locale, 'cli.kpi.colWithValue'),
        say(locale, 'cli.kpi.colMissing'),
        say(locale, 'cli.kpi.colMedian'),
      ],
      r.figures.map((f) => [f.code, f.breakdown, f.present, f.missing, formatFixedOrDash(locale, f.median)]),
    ),
  ].join('\n')
}

type Classification = NonNullable<FigureSummaryDto['context']>['classification']
const classLabel = (locale: Locale, c: Classification) => say(locale, `cli.kpi.class.${c}`)

/** Label–value lines with the values in one column. */
function labelled(rows: [label: string, value: string][]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length)) + 1
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}  ${value}`)
}

function describeSummary(locale: Locale, s: FigureSummaryDto): string {
  const n = (value: number | null | undefined, digits = 2) => formatFixedOrDash(locale, value, digits)
  const unit = s.figure.unit
  const missing = s.missing
    ? [
        say(locale, 'cli.kpi.missingReason', { reason: s.missing.reason }),
        s.missing.indicator,
        s.missing.month ? month(locale, s.missing.month) : undefined,
        s.missing.cause && say(locale, 'cli.kpi.missingReason', { reason: s.missing.cause }),
      ]
        .filter(Boolean)
        .join(', ')
    : ''
  const asOf = s.asOf ? ` · ${say(locale, 'cli.kpi.asOfSuffix', { asOf: formatDate(locale, s.asOf) })}` : ''
  const rows: [string, string][] = [
    [
      say(locale, 'cli.kpi.value'),
      s.value === null ? say(locale, 'cli.kpi.valueMissing', { details: missing }) : `${n(s.value)} ${unit}`,
    ],
    [say(locale, 'cli.kpi.numerator'), `${n(s.numerator)}   (${s.figure.numerator})`],
    [say(locale, 'cli.kpi.denominator'), `${n(s.denominator)}   (${s.figure.denominator})`],
    [say(locale, 'cli.kpi.group'), `${s.group.label} (${s.group.kind}, n = ${s.group.n})`],
    [
      say(locale, 'cli.kpi.rank'),
      say(locale, 'cli.kpi.rankOf', { rank: s.group.rank ?? '–', n: s.group.n }) +
        (s.figure.polarity === 'context' ? ` ${say(locale, 'cli.kpi.rankContext')}` : ''),
    ],
    [say(locale, 'cli.kpi.median'), `${n(s.group.median)} ${unit} (${n(s.group.q1)} – ${n(s.group.q3)})`],
    [say(locale, 'cli.kpi.gap'), say(locale, 'cli.kpi.gapValue', { gap: n(s.group.gapToMedian) })],
    [say(locale, 'cli.kpi.trend'), say(locale, 'cli.kpi.trendValue', { trend: n(s.group.trend12, 3) })],
    [say(locale, 'cli.kpi.previousYear'), n(s.group.changeToPreviousYear)],
  ]
  if (s.context)
    rows.push(
      [
        say(locale, 'cli.kpi.expected'),
        say(locale, 'cli.kpi.expectedValue', {
          expected: n(s.context.expected),
          unit,
          lower: n(s.context.lower),
          upper: n(s.context.upper),
          rSquared: n(s.context.rSquared, 3),
          n: s.context.n,
        }),
      ],
      [say(locale, 'cli.kpi.assessment'), classLabel(locale, s.context.classification)],
    )
  else
    rows.push([
      say(locale, 'cli.kpi.context'),
      say(locale, 'cli.kpi.contextUnavailable', { reason: s.contextUnavailable?.[locale] ?? '–' }),
    ])
  const lines = [
    `${s.figure.code} ${locale === 'de' ? s.figure.nameDe : s.figure.nameEn}`,
    `${s.organisation.name} · ${month(locale, s.period)} · ${s.breakdown}${asOf}`,
    '',
    ...labelled(rows),
  ]
  if (s.context) lines.push(`  ${locale === 'de' ? s.context.explanationDe : s.context.explanationEn}`)
  return lines.join('\n')
}

function describeExcellence(locale: Locale, e: ExcellenceDto): string {
  const n = (value: number | null | undefined) => formatFixedOrDash(locale, value)
  const lines = [
    `${e.figure.code} ${locale === 'de' ? e.figure.nameDe : e.figure.nameEn} · ${e.group.label} · ${month(locale, e.period)} · ${e.breakdown}`,
    '',
  ]
  lines.push(say(locale, 'cli.kpi.byLevel'))
  for (const l of e.byLevel)
    lines.push(
      `  ${say(locale, 'cli.kpi.byLevelLine', { rank: l.rank, name: l.name, value: n(l.value), median: n(l.groupMedian), n: l.n })}`,
    )
  lines.push(say(locale, 'cli.kpi.byImprovement'))
  for (const l of e.byImprovement)
    lines.push(
      `  ${say(locale, 'cli.kpi.byImprovementLine', {
        rank: l.rank,
        name: l.name,
        before: n(l.valuePreviousYear),
        value: n(l.value),
        improvement: n(l.improvement),
        median: n(l.groupMedianImprovement),
      })}`,
    )
  lines.push(say(locale, 'cli.kpi.beyondContext'))
  for (const l of e.beyondContext)
    lines.push(
      `  ${say(locale, 'cli.kpi.beyondContextLine', {
        rank: l.rank,
        name: l.name,
        actual: n(l.actual),
        expected: n(l.expected),
        lower: n(l.lower),
        upper: n(l.upper),
        class: classLabel(locale, l.classification),
      })}`,
    )
  lines.push(say(locale, 'cli.kpi.consistency'))
  for (const l of e.consistency)
    lines.push(
      `  ${say(locale, 'cli.kpi.consistencyLine', {
        name: l.name,
        months: l.monthsInTopQuartile,
        considered: l.monthsConsidered,
        latest: n(l.latestValue),
      })}`,
    )
  for (const note of e.notes) lines.push(say(locale, 'cli.common.note', { text: renderSent(locale, note) }))
  return lines.join('\n')
}
