/**
 * benchlearn peers: peer groups and comparison rings from the context data (or from any CSV
 * table with --input), saved peer models, nearest neighbours, comparisons, hand moves, rings
 * from a model, ring history and official types.
 */
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { z } from 'zod'
import {
  assessPartition,
  buildStandardisedMatrix,
  createRecluster,
  formPeerPartition,
  type ColumnTransform,
  type PartitionQuality,
} from '../../core/peers'
import {
  formPeerGroupsRequestSchema,
  movePeerMembersRequestSchema,
  type ApplyPeerModelResultDto,
  type FormPeerGroupsRequest,
  type ImportPeerTypesSummaryDto,
  type NeighboursDto,
  type PeerComparisonDto,
  type PeerModelDto,
  type PeerModelListDto,
  type PeerMovePreviewDto,
  type PeerProposalDto,
  type PeerQualityDto,
  type RingHistoryDto,
} from '../../contracts/peers'
import type { AuditActor } from '../../features/audit/record-audit'
import { findOrganisationByKey } from '../../features/organisations/find-organisation'
import { applyPeerModel } from '../../features/peers/apply-peer-model'
import { comparePeerModels } from '../../features/peers/compare-peer-models'
import { findPeerNeighbours } from '../../features/peers/find-peer-neighbours'
import { importPeerTypes } from '../../features/peers/import-peer-types'
import { movePeerMembers, previewPeerMoves } from '../../features/peers/move-peer-members'
import { listPeerModels } from '../../features/peers/peer-model.repository'
import { proposePeerGroups } from '../../features/peers/propose-peer-groups'
import { readPeerModel } from '../../features/peers/read-peer-model'
import { readNumericTable } from '../../features/peers/read-csv-table'
import { readRingHistory } from '../../features/peers/read-ring-history'
import { savePeerModel } from '../../features/peers/save-peer-model'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'
import type { Locale } from '../../core/format/format'
import { localeFromEnvironment, renderSent } from '../../core/messages/text'

const SUBCOMMANDS =
  'form | save --name <name> | list | show <model> | compare <a> <b> | neighbours <org> | history <org> | move <model> <org> <group> [--save] | apply <model> --from <date> | import-types <csv> --name <name>'

const OPTIONS = {
  json: { type: 'boolean' },
  method: { type: 'string' },
  k: { type: 'string' },
  min: { type: 'string' },
  max: { type: 'string' },
  indicators: { type: 'string' },
  weights: { type: 'string' },
  transforms: { type: 'string' },
  year: { type: 'string' },
  network: { type: 'string' },
  together: { type: 'string' },
  apart: { type: 'string' },
  pin: { type: 'string' },
  land: { type: 'string' },
  seed: { type: 'string' },
  bootstrap: { type: 'string' },
  input: { type: 'string' },
  scale: { type: 'string' },
  name: { type: 'string' },
  model: { type: 'string' },
  from: { type: 'string' },
  save: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values']

function integer(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value.trim()))
    throw new CliUsageError(`--${option} expects a whole number, got '${value}'`)
  return Number(value)
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return items.length > 0 ? items : undefined
}

/** "a=1,b=2" → { a: "1", b: "2" }, with the option named in errors. */
function pairs(value: string | undefined, option: string): Record<string, string> | undefined {
  const items = list(value)
  if (!items) return undefined
  return Object.fromEntries(
    items.map((item) => {
      const [key, v, ...rest] = item.split('=')
      if (!key || v === undefined || rest.length > 0)
        throw new CliUsageError(`--${option} expects name=value pairs separated by commas, got '${item}'`)
      return [key.trim(), v.trim()]
    }),
  )
}

/** "06435+06433,06411+06412" → pairs of organisation keys. */
function orgPairs(value: string | undefined, option: string): [string, string][] | undefined {
  return list(value)?.map((item) => {
    const [a, b, ...rest] = item.split('+')
    if (!a || !b || rest.length > 0)
      throw new CliUsageError(`--${option} expects pairs like 06435+06433 separated by commas, got '${item}'`)
    return [a.trim(), b.trim()]
  })
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  throw new CliUsageError(
    parsed.error.issues
      .map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`)
      .join('; '),
  )
}

function buildRequest(values: Values): FormPeerGroupsRequest {
  if (!values.method) throw new CliUsageError('--method ward|kmeans|rings is required')
  if (!values.k) throw new CliUsageError('--k <number of groups> is required')
  const weights = values.weights?.trim() === 'regression' ? undefined : pairs(values.weights, 'weights')
  return parseWith(formPeerGroupsRequestSchema, {
    method: values.method,
    k: integer(values.k, 'k'),
    minSize: integer(values.min, 'min'),
    maxSize: integer(values.max, 'max'),
    indicators: list(values.indicators),
    weighting: values.weights?.trim() === 'regression' ? 'regression' : 'manual',
    weights: weights
      ? Object.fromEntries(Object.entries(weights).map(([key, v]) => [key, Number(v.replace(',', '.'))]))
      : undefined,
    transforms: pairs(values.transforms, 'transforms'),
    referenceYear: integer(values.year, 'year'),
    networkId: integer(values.network, 'network'),
    together: orgPairs(values.together, 'together'),
    apart: orgPairs(values.apart, 'apart'),
    pinned: pairs(values.pin, 'pin')
      ? Object.entries(pairs(values.pin, 'pin')!).map(([org, ring]) => ({ org, ring: integer(ring, 'pin') }))
      : undefined,
    land: values.land,
    seed: integer(values.seed, 'seed'),
    bootstrapReplicates: integer(values.bootstrap, 'bootstrap'),
  })
}

function actorOf(io: CliIo): AuditActor {
  return { userId: null, label: `cli:${io.env.USER ?? 'unknown'}` }
}

function modelId(text: string | undefined, what: string): number {
  if (!text || !/^\d+$/.test(text))
    throw new CliUsageError(`expected ${what} (a model id, see: benchlearn peers list)`)
  return Number(text)
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS)
  const [sub, first, second, third] = positionals
  const isJson = values.json ?? false
  const dataDir = values['data-dir']
  const print = (json: unknown, text: () => string) => io.out(isJson ? JSON.stringify(json, null, 2) : text())
  // Notes, violations and import errors are catalogue messages: printed in the CLI's language.
  const locale = localeFromEnvironment(io.env)
  // The stability check (bootstrap replicates) is the long part: shown as a bar on a terminal.
  const onProgress = (done: number, total: number) => io.progress('Bootstrap', done, total)
  switch (sub) {
    case 'form': {
      if (values.input) {
        const result = formFromTable(values, resolve(io.cwd, values.input), onProgress)
        print(result, () => describeTableResult(result))
        return 0
      }
      const request = buildRequest(values)
      const proposal = await withDatabase(
        io,
        dataDir,
        async (d) => (await proposePeerGroups(d.db, request, { onProgress })).dto,
      )
      print(toCliJson(proposal), () =>
        describeProposal(locale, proposal, 'Vorschlag / proposal (nicht gespeichert / not saved)'),
      )
      return 0
    }
    case 'save': {
      if (!values.name) throw new CliUsageError('--name <name of the model> is required')
      const request = buildRequest(values)
      const model = await withDatabase(io, dataDir, (d) =>
        savePeerModel(d, { request, name: values.name!, actor: actorOf(io), now: new Date(), onProgress }),
      )
      print(
        toCliJson(model),
        () =>
          `${describeProposal(locale, model, `Modell / model ${model.id} „${model.name}“ gespeichert / saved`)}\n\nbenchlearn peers apply ${model.id} --from <YYYY-MM-DD> macht daraus Ringe / makes rings of it`,
      )
      return 0
    }
    case 'list': {
      const models = await withDatabase(io, dataDir, (d) => listPeerModels(d.db))
      print({ models } satisfies PeerModelListDto, () => describeModelList(models))
      return 0
    }
    case 'show': {
      const id = modelId(first, 'peers show <model>')
      const model = await withDatabase(io, dataDir, (d) => readPeerModel(d.db, id))
      print(toCliJson(model), () =>
        describeProposal(
          locale,
          model,
          `Modell / model ${model.id} „${model.name}“ (${model.kind}, ${model.createdBy}, ${model.createdAt.slice(0, 10)})`,
        ),
      )
      return 0
    }
    case 'compare': {
      const a = modelId(first, 'peers compare <modelA> <modelB>')
      const b = modelId(second, 'peers compare <modelA> <modelB>')
      const comparison = await withDatabase(io, dataDir, (d) => comparePeerModels(d.db, { a, b }))
      print(comparison, () => describeComparison(comparison))
      return 0
    }
    case 'neighbours': {
      if (!first) throw new CliUsageError('expected an organisation key, e.g. peers neighbours 06435')
      const k = integer(values.k, 'k') ?? 10
      if (k < 1) throw new CliUsageError('--k must be at least 1')
      const model = values.model ? modelId(values.model, '--model <id>') : undefined
      const result = await withDatabase(io, dataDir, async (d) => {
        const organisation = await findOrganisationByKey(d.db, first)
        // The command line works for the operator of the installation: every name is shown.
        return findPeerNeighbours(d.db, { organisation, k, modelId: model, canSeeByName: () => true })
      })
      print(result, () => describeNeighbours(result))
      return 0
    }
    case 'history': {
      if (!first) throw new CliUsageError('expected an organisation key, e.g. peers history 06435')
      const history = await withDatabase(io, dataDir, async (d) =>
        readRingHistory(d.db, await findOrganisationByKey(d.db, first)),
      )
      print(history, () => describeHistory(history))
      return 0
    }
    case 'move': {
      const id = modelId(first, 'peers move <model> <org> <group>')
      if (!second || !third)
        throw new CliUsageError('expected peers move <model> <org> <group>, e.g. peers move 3 06435 R04')
      const request = parseWith(movePeerMembersRequestSchema, { moves: [{ org: second, toGroup: third }] })
      if (values.save) {
        const model = await withDatabase(io, dataDir, (d) =>
          movePeerMembers(d, { modelId: id, request, actor: actorOf(io), now: new Date() }),
        )
        print(
          toCliJson(model),
          () => `gespeichert / saved: ${second} → ${third}\n\n${describeQuality(model.quality)}`,
        )
      } else {
        const preview = await withDatabase(io, dataDir, (d) =>
          previewPeerMoves(d.db, { modelId: id, request }),
        )
        print(preview, () => describePreview(locale, preview))
      }
      return 0
    }
    case 'apply': {
      const id = modelId(first, 'peers apply <model> --from <YYYY-MM-DD>')
      if (!values.from || !/^\d{4}-\d{2}-\d{2}$/.test(values.from))
        throw new CliUsageError('--from <YYYY-MM-DD> (first day of the new rings) is required')
      const result = await withDatabase(io, dataDir, (d) =>
        applyPeerModel(d, { modelId: id, validFrom: values.from!, actor: actorOf(io), now: new Date() }),
      )
      print(result, () => describeApply(result))
      return 0
    }
    case 'import-types': {
      if (!first) throw new CliUsageError('expected a CSV file: peers import-types <file.csv> --name <name>')
      if (!values.name)
        throw new CliUsageError('--name <name of the model> is required, e.g. "IAB-Vergleichstypen 2014"')
      const path = resolve(io.cwd, first)
      const summary = await withDatabase(io, dataDir, (d) =>
        importPeerTypes(d, {
          fileName: basename(path),
          bytes: readFileSync(path),
          name: values.name!,
          networkId: integer(values.network, 'network'),
          isDryRun: values['dry-run'],
          actor: actorOf(io),
          now: new Date(),
        }),
      )
      print(summary, () => describeTypes(locale, summary))
      return summary.errors.length > 0 ? 2 : 0
    }
    default:
      throw new CliUsageError(`expected ${SUBCOMMANDS}, got '${sub ?? ''}'`)
  }
}

// ---- --input: any numeric table ----

interface TableResult {
  method: string
  k: number
  minSize: number | null
  maxSize: number | null
  columns: { name: string; transform: ColumnTransform; weight: number }[]
  scale: 'z' | 'none'
  assignments: { id: string; group: number }[]
  quality: PartitionQuality & { silhouetteByGroup: (number | null)[] }
  /** Ward only: merge heights (scipy layout), for checking against other tools. */
  heights: number[] | null
}

function formFromTable(
  values: Values,
  path: string,
  onProgress: (done: number, total: number) => void,
): TableResult {
  if (!values.method || !['ward', 'kmeans', 'rings'].includes(values.method))
    throw new CliUsageError('--method ward|kmeans|rings is required')
  const method = values.method as 'ward' | 'kmeans' | 'rings'
  const k = integer(values.k, 'k')
  if (k === undefined || k < 1) throw new CliUsageError('--k <number of groups ≥ 1> is required')
  const scale = values.scale ?? 'z'
  if (scale !== 'z' && scale !== 'none') throw new CliUsageError(`--scale expects z or none, got '${scale}'`)
  if (values.weights?.trim() === 'regression')
    throw new CliUsageError(
      '--weights regression needs the key figures in the database; give name=weight pairs with --input',
    )
  const table = readNumericTable(readFileSync(path), basename(path))
  const chosen = list(values.indicators) ?? table.columns
  for (const name of chosen)
    if (!table.columns.includes(name))
      throw new CliUsageError(
        `--indicators: '${name}' is not a column of ${basename(path)} (${table.columns.join(', ')})`,
      )
  const weights = pairs(values.weights, 'weights') ?? {}
  const transforms = pairs(values.transforms, 'transforms') ?? {}
  for (const key of [...Object.keys(weights), ...Object.keys(transforms)])
    if (!chosen.includes(key))
      throw new CliUsageError(`'${key}' in --weights/--transforms is not a chosen column`)
  const columns = chosen.map((name) => {
    const weight = weights[name] === undefined ? 1 : Number(weights[name]!.replace(',', '.'))
    if (!(weight >= 0))
      throw new CliUsageError(`--weights: ${name} needs a number ≥ 0, got '${weights[name]}'`)
    const transform = (transforms[name] ?? 'none') as ColumnTransform
    if (!['none', 'log', 'rank'].includes(transform))
      throw new CliUsageError(`--transforms: ${name} expects none, log or rank, got '${transform}'`)
    return { name, transform, weight, index: table.columns.indexOf(name) }
  })
  const raw = table.values.map((row) => columns.map((c) => row[c.index]!))
  let matrix: number[][]
  if (scale === 'z') {
    matrix = buildStandardisedMatrix({
      ids: table.ids,
      columns: columns.map((c, j) => ({
        name: c.name,
        values: raw.map((r) => r[j]!),
        transform: c.transform,
        weight: c.weight,
      })),
    }).matrix
  } else {
    if (columns.some((c) => c.transform !== 'none')) throw new CliUsageError('--transforms need --scale z')
    matrix = raw.map((row) => row.map((v, j) => v * Math.sqrt(columns[j]!.weight)))
  }
  const seed = integer(values.seed, 'seed') ?? 1
  const partition = formPeerPartition({
    ids: table.ids,
    matrix,
    method,
    k,
    minSize: integer(values.min, 'min'),
    maxSize: integer(values.max, 'max'),
    seed,
  })
  const quality = assessPartition({
    matrix,
    raw,
    columns: columns.map((c) => c.name),
    labels: partition.labels,
    recluster: createRecluster({ method, k, minSize: partition.minSize, maxSize: partition.maxSize, seed }),
    replicates: integer(values.bootstrap, 'bootstrap') ?? 20,
    seed,
    onProgress,
  })
  return {
    method,
    k,
    minSize: partition.minSize,
    maxSize: partition.maxSize,
    columns: columns.map(({ name, transform, weight }) => ({ name, transform, weight })),
    scale,
    assignments: table.ids.map((id, i) => ({ id, group: partition.labels[i]! + 1 })),
    quality,
    heights: partition.linkage ? partition.linkage.map((r) => r[2]) : null,
  }
}

// ---- Output ----

const fmt = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** The --json shape of a proposal or model: `assignments` as {id, group} plus everything else. */
function toCliJson(dto: PeerProposalDto | PeerModelDto) {
  return {
    ...dto,
    assignments: dto.assignments.map((a) => ({
      id: a.ags5 ?? String(a.organisationId),
      group: a.group,
      organisationId: a.organisationId,
      name: a.name,
    })),
  }
}

/** Three significant digits: enough to compare groups, short enough for a table. */
const short = (value: number) =>
  Number.isNaN(value) ? '–' : value.toLocaleString('en-GB', { maximumSignificantDigits: 3 })

/** Wraps text at word boundaries; continuation lines get `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent + word
    } else line = line.length > 0 ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

const METHOD_LABEL: Record<string, string> = {
  ward: 'Ward (hierarchisch / hierarchical)',
  kmeans: 'Ward + k-means',
  rings: 'Ringe fester Größe / rings of bounded size',
  imported: 'importierte Typen / imported types',
}

/** "0.083 ± 0.003 (SE; 4,000 Zeilen je Stichprobe / rows per sample)"; SE and rows when known. */
function describeStability(stability: NonNullable<PeerQualityDto['stability']>): string {
  const { meanAdjustedRandIndex, standardError, sampleRows } = stability
  const precision = standardError === undefined ? '' : ` ± ${fmt(standardError, 3)}`
  const rows =
    sampleRows === undefined
      ? ''
      : ` (SE; ${sampleRows.toLocaleString('en-GB')} Zeilen je Stichprobe / rows per sample)`
  return `${fmt(meanAdjustedRandIndex, 3)}${precision}${rows}`
}

function describeQuality(quality: PeerQualityDto | null): string {
  if (!quality) return 'Güte / quality: – (kein Kontextprofil / no context profile)'
  const lines = [
    `Güte / quality (${quality.basis}; ${quality.organisations} Organisationen / organisations):`,
    `  erklärte Varianz / variance explained R² = ${fmt(quality.rSquared, 3)}  (innerhalb / within ${fmt(quality.withinSS, 1)} von / of ${fmt(quality.totalSS, 1)})`,
    `  Silhouette (−1…1)                 = ${fmt(quality.silhouette, 3)}`,
    quality.stability
      ? `  Stabilität / stability (Bootstrap ${quality.stability.replicates}×): mittlerer / mean ARI = ${describeStability(quality.stability)}`
      : '  Stabilität / stability: – (nicht geprüft / not checked)',
  ]
  if (quality.spread.length > 0) {
    const codes = quality.spread[0]!.indicators.map((i) => i.code)
    lines.push(
      '',
      'Streuung je Gruppe / spread per group (Mittelwert ± SD der Rohwerte / mean ± sd of the raw values):',
    )
    lines.push(
      formatTable(
        ['Gruppe', 'n', 'Silh.', ...codes],
        quality.spread.map((g) => [
          g.group,
          g.size,
          fmt(quality.silhouetteByGroup[g.group] ?? null),
          ...g.indicators.map((i) => `${short(i.mean)} ± ${short(i.sd)}`),
        ]),
      ),
    )
  }
  return lines.join('\n')
}

function describeProposal(locale: Locale, dto: PeerProposalDto | PeerModelDto, title: string): string {
  const p = dto.parameters as { k?: number; minSize?: number | null; maxSize?: number | null }
  const organisations = dto.assignments.length
  const lines = [
    title,
    `Methode / method: ${METHOD_LABEL[dto.method] ?? dto.method}; ${dto.groups.length} Gruppen / groups${p.minSize ? ` mit / of ${p.minSize}–${p.maxSize} Mitgliedern / members` : ''}; ${organisations} Organisationen / organisations${dto.inputs.referenceYear ? `; Bezugsjahr / reference year ${dto.inputs.referenceYear}` : ''}`,
  ]
  if (dto.vintage.latestBatchId !== null || dto.vintage.source)
    lines.push(
      `Datenstand / data vintage: ${dto.vintage.source ?? '–'}${dto.vintage.latestBatchId !== null ? ` (Import / batch ${dto.vintage.latestBatchId}, ${dto.vintage.latestBatchAt?.slice(0, 10) ?? ''})` : ''}`,
    )
  if (dto.inputs.indicators.length > 0) {
    lines.push(
      '',
      `Indikatoren / indicators (Gewichte / weights: ${dto.inputs.weighting === 'regression' ? 'aus Regression auf K1–K3 / from regression on K1–K3' : 'von Hand / by hand'}):`,
    )
    lines.push(
      formatTable(
        ['code', 'Name / name', 'Transformation', 'Gewicht / weight', 'Jahre / years'],
        dto.inputs.indicators.map((i) => [
          i.code,
          `${i.nameDe} / ${i.nameEn}`,
          i.transform,
          fmt(i.weight),
          i.yearFrom === null
            ? '–'
            : i.yearFrom === i.yearTo
              ? String(i.yearFrom)
              : `${i.yearFrom}–${i.yearTo}`,
        ]),
      ),
    )
  }
  for (const fit of dto.inputs.regression ?? [])
    lines.push(
      `  ${fit.figure} (n = ${fit.n}, R² = ${fmt(fit.rSquared, 3)}): ${fit.coefficients.map((c) => `${c.code} β = ${fmt(c.standardisedEffect)}${c.isSignificant ? '*' : ''} (p = ${fmt(c.pValue, 3)})`).join(', ')}`,
    )
  lines.push('', 'Gruppen / groups:')
  for (const g of dto.groups)
    lines.push(
      wrap(`${g.code} ${g.name} (${g.size}): ${g.members.map((m) => m.name).join(', ')}`, 110, '    '),
    )
  lines.push('', describeQuality(dto.quality))
  if (dto.excluded.length > 0) {
    lines.push(
      '',
      `Nicht gruppiert, Daten unvollständig / not grouped, incomplete data (${dto.excluded.length}):`,
    )
    for (const e of dto.excluded)
      lines.push(`  ${e.ags5 ?? e.organisationId} ${e.name}: fehlt / missing ${e.missing.join(', ')}`)
  }
  // The excluded organisations are listed above already; notes of older models are plain strings.
  const notes = dto.notes.filter(
    (n) => n.messageKey !== 'peers.noteExcluded' && !n.message.includes('ohne vollständige Daten'),
  )
  if (notes.length > 0)
    lines.push(
      '',
      'Hinweise / notes:',
      ...notes.map((n) => `  - ${renderSent(locale, { ...n, key: n.messageKey })}`),
    )
  const moves = 'moves' in dto ? dto.moves : []
  if (moves.length > 0) {
    lines.push('', 'Verschiebungen von Hand / moves by hand:')
    for (const m of moves)
      lines.push(`  ${m.at.slice(0, 16).replace('T', ' ')} ${m.by}: ${m.name} ${m.from ?? '–'} → ${m.to}`)
  }
  return lines.join('\n')
}

function describeTableResult(r: TableResult): string {
  const groups = new Map<number, string[]>()
  for (const a of r.assignments) groups.set(a.group, [...(groups.get(a.group) ?? []), a.id])
  return [
    `Methode / method: ${METHOD_LABEL[r.method]}; k = ${r.k}${r.minSize ? `, ${r.minSize}–${r.maxSize} Mitglieder / members` : ''}; ${r.assignments.length} Zeilen / rows; Skalierung / scaling: ${r.scale === 'z' ? 'z-Werte / z-scores' : 'keine / none'}`,
    '',
    formatTable(
      ['Gruppe / group', 'n', 'ids'],
      [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([g, ids]) => [g, ids.length, ids.join(', ')]),
    ),
    '',
    `R² = ${fmt(r.quality.rSquared, 3)}; Silhouette = ${fmt(r.quality.silhouette, 3)}; Stabilität / stability (mean ARI) = ${r.quality.stability ? describeStability(r.quality.stability) : '–'}`,
  ].join('\n')
}

function describeModelList(models: PeerModelListDto['models']): string {
  if (models.length === 0)
    return 'keine Modelle / no peer models yet (benchlearn peers save … or peers import-types …)'
  return formatTable(
    [
      'id',
      'Name / name',
      'Art / kind',
      'Methode / method',
      'Gruppen / groups',
      'n',
      'Jahr / year',
      'R²',
      'erstellt / created',
    ],
    models.map((m) => [
      m.id,
      m.name,
      m.kind,
      m.method,
      m.groups,
      m.members,
      m.referenceYear,
      fmt(m.rSquared, 3),
      `${m.createdAt.slice(0, 10)} ${m.createdBy}`,
    ]),
  )
}

function describeComparison(c: PeerComparisonDto): string {
  const lines = [
    `Vergleich / comparison: ${c.a.id} „${c.a.name}“ ↔ ${c.b.id} „${c.b.name}“`,
    `Gemeinsame Organisationen / organisations in both: ${c.common}; nur in / only in ${c.a.id}: ${c.onlyInA.length}; nur in / only in ${c.b.id}: ${c.onlyInB.length}`,
    `Adjustierter Rand-Index / adjusted Rand index: ${fmt(c.adjustedRandIndex, 3)} (1 = gleiche Einteilung / same partition, ≈ 0 = Zufall / chance)`,
    '',
    formatTable(
      ['Gruppe in B / group in B', 'entspricht in A / matches in A', 'Überschneidung / overlap'],
      c.matches.map((m) => [m.b, m.a ?? '–', m.overlap]),
    ),
  ]
  lines.push('', `Gewechselt / moved (${c.moves.length}):`)
  for (const m of c.moves) lines.push(`  ${m.ags5 ?? m.organisationId} ${m.name}: ${m.from} → ${m.to}`)
  return lines.join('\n')
}

function describeNeighbours(n: NeighboursDto): string {
  const lines = [
    `Nächste Nachbarn / nearest neighbours of ${n.organisation.name}`,
    `Grundlage / basis: ${n.basis.modelId !== null ? `Modell / model ${n.basis.modelId}` : 'Standardprofil / standard profile'}, ${n.basis.referenceYear ?? '–'}: ${n.basis.indicators.map((i) => `${i.code}${i.transform !== 'none' ? ` (${i.transform})` : ''} ×${fmt(i.weight)}`).join(', ')}`,
    '',
    formatTable(
      ['#', 'Organisation', 'Abstand / distance (0–1)', ...n.basis.indicators.map((i) => `${i.code} %`)],
      n.neighbours.map((x) => [
        x.rank,
        x.name,
        fmt(x.rebasedDistance, 3),
        ...x.contributions.map((c) => fmt(c.sharePercent, 0)),
      ]),
    ),
    '',
    'Warum? / why? (Anteil am Abstand: groß = Unterschied / share of the distance: large = difference)',
  ]
  for (const x of n.neighbours) lines.push(`  ${x.rank}. ${x.explanationDe}`, `     ${x.explanationEn}`)
  return lines.join('\n')
}

function describeHistory(h: RingHistoryDto): string {
  if (h.memberships.length === 0) return `${h.organisation.name}: in keinem Ring / in no ring`
  return [
    `Ring-Historie / ring history of ${h.organisation.name}:`,
    formatTable(
      ['von / from', 'bis / to', 'Ring', 'Netzwerk / network'],
      h.memberships.map((m) => [
        m.validFrom,
        m.validTo ?? 'heute / today',
        `${m.code} ${m.name}`,
        m.networkName,
      ]),
    ),
  ].join('\n')
}

function describePreview(locale: Locale, p: PeerMovePreviewDto): string {
  const lines = [
    'Vorschau / preview (nichts gespeichert / nothing saved; mit / with --save speichern / to save):',
    ...p.moves.map((m) => `  ${m.name}: ${m.from ?? '–'} → ${m.to}`),
    '',
    `R²: ${fmt(p.before?.rSquared ?? null, 3)} → ${fmt(p.after?.rSquared ?? null, 3)}; Silhouette: ${fmt(p.before?.silhouette ?? null, 3)} → ${fmt(p.after?.silhouette ?? null, 3)}`,
    `Größen / sizes: ${
      p.sizes
        .filter((s) => s.before !== s.after)
        .map((s) => `${s.group} ${s.before} → ${s.after}`)
        .join(', ') || 'unverändert / unchanged'
    }`,
  ]
  if (p.violations.length > 0)
    lines.push(
      '',
      'Verletzt / breaks (Speichern wird abgelehnt / a save is refused):',
      ...p.violations.map((v) => `  - ${renderSent(locale, { ...v, key: v.messageKey })}`),
    )
  else lines.push('Alle Grenzen und Bedingungen eingehalten / all bounds and constraints hold')
  return lines.join('\n')
}

function describeApply(r: ApplyPeerModelResultDto): string {
  const lines = [
    `Ringe ab / rings from ${r.validFrom} (Modell / model ${r.modelId}); ${r.endedMemberships} bisherige Mitgliedschaften beendet / memberships ended`,
    formatTable(
      ['Ring', 'n', ''],
      r.rings.map((x) => [
        `${x.code} ${x.name}`,
        x.members,
        x.isNew ? 'neu / new' : 'fortgeführt / continued',
      ]),
    ),
  ]
  if (r.endedRings.length > 0) lines.push(`Beendete Ringe / rings ended: ${r.endedRings.join(', ')}`)
  if (r.withoutRing.length > 0)
    lines.push(
      `Ohne Ring / without a ring (${r.withoutRing.length}): ${r.withoutRing.map((w) => w.name).join(', ')}`,
    )
  return lines.join('\n')
}

function describeTypes(locale: Locale, s: ImportPeerTypesSummaryDto): string {
  const lines = [
    `${s.fileName}: ${s.rowsRead} Zeilen / rows, ${s.assigned} Organisationen zugeordnet / organisations assigned, ${s.groups.length} Typen / types${s.isDryRun ? ' (Probelauf / dry run)' : ''}`,
  ]
  if (s.errors.length > 0) {
    lines.push(`${s.errors.length} Fehler, nichts importiert / errors, nothing imported:`)
    for (const e of s.errors.slice(0, 50))
      lines.push(
        `  ${e.row !== undefined ? `row ${e.row}` : ''}${e.column ? `, column ${e.column}` : ''}${e.value !== undefined ? `, '${e.value}'` : ''}: ${renderSent(locale, { ...e, key: e.messageKey })}`,
      )
  } else if (s.isCommitted) lines.push(`gespeichert als Modell / saved as model ${s.modelId}`)
  lines.push(
    formatTable(
      ['Typ / type', 'Name / name', 'n'],
      s.groups.map((g) => [g.code, g.name, g.size]),
    ),
  )
  if (s.unmatched.length > 0)
    lines.push(
      `Schlüssel ohne Organisation / keys without an organisation (${s.unmatched.length}): ${s.unmatched
        .slice(0, 20)
        .map((u) => `row ${u.row} ${u.value}`)
        .join(', ')}${s.unmatched.length > 20 ? ' …' : ''}`,
    )
  if (s.withoutType.length > 0)
    lines.push(
      `Mitglieder ohne Typ / members without a type (${s.withoutType.length}): ${s.withoutType.map((w) => w.name).join(', ')}`,
    )
  return lines.join('\n')
}
