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
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'

const SUBCOMMANDS = 'list | compute | show <code> | excellence <code> | define <code>'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
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
  const isJson = values.json ?? false
  const asOf = values['as-of'] ? parseAsOf(values['as-of'], '--as-of') : undefined
  const print = (json: unknown, text: () => string) => io.out(isJson ? JSON.stringify(json, null, 2) : text())
  switch (sub) {
    case 'list': {
      const catalogue = await withDatabase(io, values['data-dir'], (d) => readCatalogue(d.db))
      print(catalogue, () => describeCatalogue(catalogue))
      return 0
    }
    case 'compute': {
      if (asOf) {
        const report = await withDatabase(io, values['data-dir'], (d) => computeAllAsOf(d.db, { asOf }))
        print(report, () => describeAsOf(report))
      } else {
        const summary = await withDatabase(io, values['data-dir'], (d) =>
          computeKeyFigures(d, { isFull: values.full }),
        )
        print(summary, () => describeCompute(summary))
      }
      return 0
    }
    case 'show':
    case 'excellence': {
      if (!code) throw new CliUsageError(`expected a figure code, e.g. kpi ${sub} K2 --org 06435`)
      if (!values.org) throw new CliUsageError('--org <key> is required (id, 5-digit AGS or NUTS-3 code)')
      const query = figureSummaryQuerySchema.parse({
        figure: code,
        org: values.org,
        group: values.group ?? 'ring',
        orgs: values.orgs,
        period: values.period,
        breakdown: values.breakdown ?? 'total',
        context: values.context,
      })
      const result = await withDatabase(io, values['data-dir'], async (d: Database) => {
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
      if ('byLevel' in result) print(result, () => describeExcellence(result))
      else print(result, () => describeSummary(result))
      return 0
    }
    case 'define': {
      if (!code)
        throw new CliUsageError('expected a figure code, e.g. kpi define CASELOAD --numerator … --polarity …')
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
      const figure = await withDatabase(io, values['data-dir'], (d) =>
        createFigure(d, { request, createdBy: `cli:${io.env.USER ?? 'unknown'}` }),
      )
      print(
        figure,
        () =>
          `defined ${figure.code} version ${figure.current.version}: ${figure.current.numerator} / ${figure.current.denominator}\nrun 'benchlearn kpi compute' to compute it`,
      )
      return 0
    }
    default:
      throw new CliUsageError(`expected ${SUBCOMMANDS}, got '${sub ?? ''}'`)
  }
}

function formatNumber(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}

function describeCatalogue(catalogue: CatalogueDto): string {
  return formatTable(
    ['code', 'v', 'Name / name', 'formula', 'shown as', 'polarity', 'breakdowns'],
    catalogue.figures.map((f) => [
      f.code,
      f.current.version,
      `${f.current.nameDe} / ${f.current.nameEn}`,
      `${f.current.numerator} / ${f.current.denominator}`,
      f.display,
      POLARITY_NAMES[f.current.polarity].en,
      f.breakdowns.join(','),
    ]),
  )
}

function describeCompute(r: ComputeSummaryDto): string {
  if (r.kind === 'up_to_date') return `Kennzahlen aktuell / key figures up to date (${r.reason})`
  return [
    `Kennzahlen berechnet / key figures computed: ${r.kind} (${r.reason})`,
    `  ${r.figures} figures, ${r.organisations} organisations, ${r.firstMonth ?? '–'} … ${r.lastMonth ?? '–'}`,
    `  ${r.valuesWritten.toLocaleString('en-GB')} values written in ${r.seconds.toFixed(2)} s (run ${r.runId})`,
  ].join('\n')
}

function describeAsOf(r: AsOfReport): string {
  return [
    `Stand / as of ${r.asOf} (berechnet, nicht gespeichert / computed, not stored)`,
    `${r.organisations} organisations, ${r.firstMonth ?? '–'} … ${r.lastMonth ?? '–'}; latest month:`,
    formatTable(
      ['code', 'breakdown', 'with value', 'missing', 'median'],
      r.figures.map((f) => [f.code, f.breakdown, f.present, f.missing, formatNumber(f.median)]),
    ),
  ].join('\n')
}

const CLASS_LABEL: Record<NonNullable<FigureSummaryDto['context']>['classification'], string> = {
  better_than_expected: 'besser als erwartet / better than expected',
  worse_than_expected: 'schlechter als erwartet / worse than expected',
  as_expected: 'im Rahmen des Erwartbaren / as expected',
  above_expected: 'über dem Erwartbaren / above expected',
  below_expected: 'unter dem Erwartbaren / below expected',
}

function describeSummary(s: FigureSummaryDto): string {
  const unit = s.figure.unit
  const lines = [
    `${s.figure.code} ${s.figure.nameDe} / ${s.figure.nameEn}`,
    `${s.organisation.name} · ${s.period} · ${s.breakdown}${s.asOf ? ` · Stand / as of ${s.asOf}` : ''}`,
    '',
    s.value === null
      ? `Wert / value:            fehlt / missing (${s.missing?.reason}${s.missing?.indicator ? `, ${s.missing.indicator}` : ''} ${s.missing?.month ?? ''}${s.missing?.cause ? `, ${s.missing.cause}` : ''})`
      : `Wert / value:            ${formatNumber(s.value)} ${unit}`,
    `Zähler / numerator:      ${formatNumber(s.numerator)}   (${s.figure.numerator})`,
    `Nenner / denominator:    ${formatNumber(s.denominator)}   (${s.figure.denominator})`,
    '',
    `Gruppe / group:          ${s.group.label} (${s.group.kind}, n = ${s.group.n})`,
    `Rang / rank:             ${s.group.rank ?? '–'} of ${s.group.n}${s.figure.polarity === 'context' ? ' (by value; context figure, no judgement)' : ''}`,
    `Median (Q1–Q3):          ${formatNumber(s.group.median)} ${unit} (${formatNumber(s.group.q1)} – ${formatNumber(s.group.q3)})`,
    `Abstand zum Median / gap to median: ${formatNumber(s.group.gapToMedian)} (positive = better)`,
    `Trend 12 Monate / 12-month trend:  ${formatNumber(s.group.trend12, 3)} per month`,
    `Vorjahr / change to previous year: ${formatNumber(s.group.changeToPreviousYear)}`,
    '',
  ]
  if (s.context) {
    lines.push(
      `Erwartet / expected:     ${formatNumber(s.context.expected)} ${unit}  (95 % interval ${formatNumber(s.context.lower)} – ${formatNumber(s.context.upper)}; R² = ${s.context.rSquared.toFixed(3)}, n = ${s.context.n})`,
      `Einordnung / assessment: ${CLASS_LABEL[s.context.classification]}`,
      `  ${s.context.explanationDe}`,
      `  ${s.context.explanationEn}`,
    )
  } else lines.push(`Kontextvergleich / context comparison: – (${s.contextUnavailable})`)
  return lines.join('\n')
}

function describeExcellence(e: ExcellenceDto): string {
  const lines = [`${e.figure.code} ${e.figure.nameDe} · ${e.group.label} · ${e.period} · ${e.breakdown}`, '']
  lines.push('Nach Niveau / by level:')
  for (const l of e.byLevel)
    lines.push(
      `  ${l.rank}. ${l.name}: ${formatNumber(l.value)} (median ${formatNumber(l.groupMedian)}, n = ${l.n})`,
    )
  lines.push('Nach Verbesserung / by improvement on a year earlier:')
  for (const l of e.byImprovement)
    lines.push(
      `  ${l.rank}. ${l.name}: ${formatNumber(l.valuePreviousYear)} → ${formatNumber(l.value)} (improvement ${formatNumber(l.improvement)}, median ${formatNumber(l.groupMedianImprovement)})`,
    )
  lines.push('Über dem Kontext / beyond context:')
  for (const l of e.beyondContext)
    lines.push(
      `  ${l.rank}. ${l.name}: ${formatNumber(l.actual)} vs expected ${formatNumber(l.expected)} (${formatNumber(l.lower)} – ${formatNumber(l.upper)}): ${CLASS_LABEL[l.classification]}`,
    )
  lines.push('Beständig / consistently in the top quartile:')
  for (const l of e.consistency)
    lines.push(
      `  ${l.name}: ${l.monthsInTopQuartile} of ${l.monthsConsidered} months (latest ${formatNumber(l.latestValue)})`,
    )
  for (const n of e.notes) lines.push(`note: ${n}`)
  return lines.join('\n')
}
