/**
 * benchlearn peers: peer groups and comparison rings from the context data (or from any CSV
 * table with --input), saved peer models, nearest neighbours, comparisons, hand moves, rings
 * from a model, ring history and official types.
 */
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { z } from 'zod'
import {
  assessPartitionAsync,
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
import { createBootstrapRunner } from '../../features/peers/bootstrap-workers'
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
import {
  CliUsageError,
  type CliIo,
  describeIssues,
  expectedOneOf,
  formatFixedOrDash,
  formatTable,
  parseCommandArgs,
  say,
  startCommand,
  usageError,
} from '../io'
import { formatDate, formatDateTime, type Locale } from '../../core/format/format'
import { renderSent } from '../../core/messages/text'

const SUBCOMMANDS = [
  'form',
  'save',
  'list',
  'show',
  'compare',
  'neighbours',
  'history',
  'move',
  'apply',
  'import-types',
]

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

/**
 * The readers of this command's arguments, refusing in the CLI's language: whole numbers, name=value
 * pairs, organisation pairs, model ids, a schema's input and the request of `form` and `save`.
 */
function argumentReaders(locale: Locale) {
  function integer(value: string | undefined, option: string): number | undefined {
    if (value === undefined) return undefined
    if (!/^-?\d+$/.test(value.trim())) throw usageError(locale, 'cli.peers.integer', { option, value })
    return Number(value)
  }

  /** "a=1,b=2" → { a: "1", b: "2" }, with the option named in errors. */
  function pairs(value: string | undefined, option: string): Record<string, string> | undefined {
    const items = list(value)
    if (!items) return undefined
    return Object.fromEntries(
      items.map((item) => {
        const [key, v, ...rest] = item.split('=')
        if (!key || v === undefined || rest.length > 0)
          throw usageError(locale, 'cli.peers.pairs', { option, value: item })
        return [key.trim(), v.trim()]
      }),
    )
  }

  /** "06435+06433,06411+06412" → pairs of organisation keys. */
  function orgPairs(value: string | undefined, option: string): [string, string][] | undefined {
    return list(value)?.map((item) => {
      const [a, b, ...rest] = item.split('+')
      if (!a || !b || rest.length > 0) throw usageError(locale, 'cli.peers.orgPairs', { option, value: item })
      return [a.trim(), b.trim()]
    })
  }

  function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    throw new CliUsageError(describeIssues(locale, parsed.error.issues))
  }

  function buildRequest(values: Values): FormPeerGroupsRequest {
    if (!values.method) throw usageError(locale, 'cli.peers.method')
    if (!values.k) throw usageError(locale, 'cli.peers.k')
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
        ? Object.entries(pairs(values.pin, 'pin')!).map(([org, ring]) => ({
            org,
            ring: integer(ring, 'pin'),
          }))
        : undefined,
      land: values.land,
      seed: integer(values.seed, 'seed'),
      bootstrapReplicates: integer(values.bootstrap, 'bootstrap'),
    })
  }

  function modelId(text: string | undefined): number {
    if (!text || !/^\d+$/.test(text)) throw usageError(locale, 'cli.peers.modelId')
    return Number(text)
  }

  return { integer, pairs, orgPairs, parseWith, buildRequest, modelId }
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return items.length > 0 ? items : undefined
}

function actorOf(io: CliIo): AuditActor {
  return { userId: null, label: `cli:${io.env.USER ?? 'unknown'}` }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase, print } = startCommand(io, args, OPTIONS)
  // Notes, violations, import errors and the command's own texts: printed in the CLI's language.
  const { integer, parseWith, buildRequest, modelId } = argumentReaders(locale)
  const [sub, first, second, third] = positionals
  // The stability check (bootstrap replicates) is the long part: shown as a bar on a terminal.
  const onProgress = (done: number, total: number) =>
    io.progress(say(locale, 'cli.peers.progress'), done, total)
  switch (sub) {
    case 'form': {
      if (values.input) {
        const result = await formFromTable(locale, values, resolve(io.cwd, values.input), onProgress)
        print(result, () => describeTableResult(locale, result))
        return 0
      }
      const request = buildRequest(values)
      const proposal = await onDatabase(
        async (d) => (await proposePeerGroups(d.db, request, { onProgress })).dto,
      )
      print(toCliJson(proposal), () =>
        describeProposal(locale, proposal, say(locale, 'cli.peers.proposalTitle')),
      )
      return 0
    }
    case 'save': {
      if (!values.name) throw usageError(locale, 'cli.peers.name')
      const request = buildRequest(values)
      const model = await onDatabase((d) =>
        savePeerModel(d, { request, name: values.name!, actor: actorOf(io), now: new Date(), onProgress }),
      )
      print(
        toCliJson(model),
        () =>
          `${describeProposal(locale, model, say(locale, 'cli.peers.savedTitle', { id: model.id, name: model.name }))}\n\n${say(locale, 'cli.peers.applyHint', { id: model.id })}`,
      )
      return 0
    }
    case 'list': {
      const models = await onDatabase((d) => listPeerModels(d.db))
      print({ models } satisfies PeerModelListDto, () => describeModelList(locale, models))
      return 0
    }
    case 'show': {
      const id = modelId(first)
      const model = await onDatabase((d) => readPeerModel(d.db, id))
      print(toCliJson(model), () =>
        describeProposal(
          locale,
          model,
          say(locale, 'cli.peers.modelTitle', {
            id: model.id,
            name: model.name,
            kind: model.kind,
            by: model.createdBy,
            at: model.createdAt,
          }),
        ),
      )
      return 0
    }
    case 'compare': {
      const a = modelId(first)
      const b = modelId(second)
      const comparison = await onDatabase((d) => comparePeerModels(d.db, { a, b }))
      print(comparison, () => describeComparison(locale, comparison))
      return 0
    }
    case 'neighbours': {
      if (!first) throw usageError(locale, 'cli.peers.organisationKey', { sub })
      const k = integer(values.k, 'k') ?? 10
      if (k < 1) throw usageError(locale, 'cli.peers.kAtLeastOne')
      const model = values.model ? modelId(values.model) : undefined
      const result = await onDatabase(async (d) => {
        const organisation = await findOrganisationByKey(d.db, first)
        // The command line works for the operator of the installation: every name is shown.
        return findPeerNeighbours(d.db, { organisation, k, modelId: model, canSeeByName: () => true })
      })
      print(result, () => describeNeighbours(locale, result))
      return 0
    }
    case 'history': {
      if (!first) throw usageError(locale, 'cli.peers.organisationKey', { sub })
      const history = await onDatabase(async (d) =>
        readRingHistory(d.db, await findOrganisationByKey(d.db, first)),
      )
      print(history, () => describeHistory(locale, history))
      return 0
    }
    case 'move': {
      const id = modelId(first)
      if (!second || !third) throw usageError(locale, 'cli.peers.moveArgs')
      const request = parseWith(movePeerMembersRequestSchema, { moves: [{ org: second, toGroup: third }] })
      if (values.save) {
        const model = await onDatabase((d) =>
          movePeerMembers(d, { modelId: id, request, actor: actorOf(io), now: new Date() }),
        )
        print(
          toCliJson(model),
          () =>
            `${say(locale, 'cli.peers.movedSaved', { org: second, group: third })}\n\n${describeQuality(locale, model.quality)}`,
        )
      } else {
        const preview = await onDatabase((d) => previewPeerMoves(d.db, { modelId: id, request }))
        print(preview, () => describePreview(locale, preview))
      }
      return 0
    }
    case 'apply': {
      const id = modelId(first)
      if (!values.from || !/^\d{4}-\d{2}-\d{2}$/.test(values.from)) throw usageError(locale, 'cli.peers.from')
      const result = await onDatabase((d) =>
        applyPeerModel(d, { modelId: id, validFrom: values.from!, actor: actorOf(io), now: new Date() }),
      )
      print(result, () => describeApply(locale, result))
      return 0
    }
    case 'import-types': {
      if (!first) throw usageError(locale, 'cli.peers.typesFile')
      if (!values.name) throw usageError(locale, 'cli.peers.name')
      const path = resolve(io.cwd, first)
      const summary = await onDatabase((d) =>
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
      throw expectedOneOf(locale, SUBCOMMANDS, sub)
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

async function formFromTable(
  locale: Locale,
  values: Values,
  path: string,
  onProgress: (done: number, total: number) => void,
): Promise<TableResult> {
  const { integer, pairs } = argumentReaders(locale)
  if (!values.method || !['ward', 'kmeans', 'rings'].includes(values.method))
    throw usageError(locale, 'cli.peers.method')
  const method = values.method as 'ward' | 'kmeans' | 'rings'
  const k = integer(values.k, 'k')
  if (k === undefined || k < 1) throw usageError(locale, 'cli.peers.k')
  const scale = values.scale ?? 'z'
  if (scale !== 'z' && scale !== 'none') throw usageError(locale, 'cli.peers.scale', { value: scale })
  if (values.weights?.trim() === 'regression') throw usageError(locale, 'cli.peers.weightsRegression')
  const table = readNumericTable(readFileSync(path), basename(path))
  const chosen = list(values.indicators) ?? table.columns
  for (const name of chosen)
    if (!table.columns.includes(name))
      throw usageError(locale, 'cli.peers.notAColumn', {
        name,
        file: basename(path),
        columns: table.columns.join(', '),
      })
  const weights = pairs(values.weights, 'weights') ?? {}
  const transforms = pairs(values.transforms, 'transforms') ?? {}
  for (const key of [...Object.keys(weights), ...Object.keys(transforms)])
    if (!chosen.includes(key)) throw usageError(locale, 'cli.peers.notChosen', { key })
  const columns = chosen.map((name) => {
    const weight = weights[name] === undefined ? 1 : Number(weights[name]!.replace(',', '.'))
    if (!(weight >= 0)) throw usageError(locale, 'cli.peers.weight', { name, value: weights[name] ?? '' })
    const transform = (transforms[name] ?? 'none') as ColumnTransform
    if (!['none', 'log', 'rank'].includes(transform))
      throw usageError(locale, 'cli.peers.transform', { name, value: transform })
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
    if (columns.some((c) => c.transform !== 'none')) throw usageError(locale, 'cli.peers.transformsNeedZ')
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
  const recluster = { method, k, minSize: partition.minSize, maxSize: partition.maxSize, seed }
  const quality = await assessPartitionAsync(
    {
      matrix,
      raw,
      columns: columns.map((c) => c.name),
      labels: partition.labels,
      recluster: createRecluster(recluster),
      replicates: integer(values.bootstrap, 'bootstrap') ?? 20,
      seed,
      onProgress,
    },
    createBootstrapRunner({ recluster, pause: () => nextTurn() }),
  )
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

/** `digits` decimals in the language's marks, "–" where there is no number. */
const fmt = (locale: Locale, value: number | null | undefined, digits = 2) =>
  formatFixedOrDash(locale, value, digits)

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
const short = (locale: Locale, value: number) =>
  Number.isNaN(value)
    ? '–'
    : new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumSignificantDigits: 3 })
        .format(value)
        .replace('-', '\u2212')

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

const METHODS = ['ward', 'kmeans', 'rings', 'imported'] as const
function methodLabel(locale: Locale, method: string): string {
  const known = METHODS.find((m) => m === method)
  return known ? say(locale, `cli.peers.method.${known}`) : method
}

/** "0,083 ± 0,003 (SE; 4.000 Zeilen je Stichprobe)"; SE and rows when known. */
function describeStability(locale: Locale, stability: NonNullable<PeerQualityDto['stability']>): string {
  const { meanAdjustedRandIndex, standardError, sampleRows } = stability
  const precision = standardError === undefined ? '' : ` ± ${fmt(locale, standardError, 3)}`
  const rows =
    sampleRows === undefined ? '' : ` ${say(locale, 'cli.peers.stabilityRows', { rows: sampleRows })}`
  return `${fmt(locale, meanAdjustedRandIndex, 3)}${precision}${rows}`
}

function describeQuality(locale: Locale, quality: PeerQualityDto | null): string {
  if (!quality) return say(locale, 'cli.peers.qualityNone')
  const lines = [
    say(locale, 'cli.peers.quality', { basis: quality.basis, n: quality.organisations }),
    `  ${say(locale, 'cli.peers.variance', {
      rSquared: fmt(locale, quality.rSquared, 3),
      within: fmt(locale, quality.withinSS, 1),
      total: fmt(locale, quality.totalSS, 1),
    })}`,
    `  ${say(locale, 'cli.peers.silhouette', { value: fmt(locale, quality.silhouette, 3) })}`,
    `  ${
      quality.stability
        ? say(locale, 'cli.peers.stability', {
            replicates: quality.stability.replicates,
            value: describeStability(locale, quality.stability),
          })
        : say(locale, 'cli.peers.stabilityNone')
    }`,
  ]
  if (quality.spread.length > 0) {
    const codes = quality.spread[0]!.indicators.map((i) => i.code)
    lines.push('', say(locale, 'cli.peers.spread'))
    lines.push(
      formatTable(
        [say(locale, 'cli.common.colGroup'), 'n', say(locale, 'cli.peers.colSilhouette'), ...codes],
        quality.spread.map((g) => [
          g.group,
          g.size,
          fmt(locale, quality.silhouetteByGroup[g.group] ?? null),
          ...g.indicators.map((i) => `${short(locale, i.mean)} ± ${short(locale, i.sd)}`),
        ]),
      ),
    )
  }
  return lines.join('\n')
}

function describeProposal(locale: Locale, dto: PeerProposalDto | PeerModelDto, title: string): string {
  const p = dto.parameters as { k?: number; minSize?: number | null; maxSize?: number | null }
  const lines = [
    title,
    say(locale, 'cli.peers.methodLine', {
      method: methodLabel(locale, dto.method),
      groups: dto.groups.length,
      sizes: p.minSize ? say(locale, 'cli.peers.sizes', { min: p.minSize, max: p.maxSize ?? '–' }) : '',
      n: dto.assignments.length,
      year: dto.inputs.referenceYear
        ? say(locale, 'cli.peers.referenceYear', { year: dto.inputs.referenceYear })
        : '',
    }),
  ]
  if (dto.vintage.latestBatchId !== null || dto.vintage.source)
    lines.push(
      say(locale, 'cli.peers.vintage', {
        source: dto.vintage.source ?? '–',
        batch:
          dto.vintage.latestBatchId !== null
            ? say(locale, 'cli.peers.vintageBatch', {
                batchId: dto.vintage.latestBatchId,
                at: dto.vintage.latestBatchAt ? formatDate(locale, dto.vintage.latestBatchAt) : '–',
              })
            : '',
      }),
    )
  if (dto.inputs.indicators.length > 0) {
    lines.push(
      '',
      say(locale, 'cli.peers.indicators', {
        weighting: say(
          locale,
          dto.inputs.weighting === 'regression'
            ? 'cli.peers.weightingRegression'
            : 'cli.peers.weightingManual',
        ),
      }),
    )
    lines.push(
      formatTable(
        [
          say(locale, 'cli.common.colCode'),
          say(locale, 'cli.common.colName'),
          say(locale, 'cli.peers.colTransformation'),
          say(locale, 'cli.peers.colWeight'),
          say(locale, 'cli.peers.colYears'),
        ],
        dto.inputs.indicators.map((i) => [
          i.code,
          locale === 'de' ? i.nameDe : i.nameEn,
          i.transform,
          fmt(locale, i.weight),
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
      `  ${fit.figure} (n = ${fit.n}, R² = ${fmt(locale, fit.rSquared, 3)}): ${fit.coefficients.map((c) => `${c.code} β = ${fmt(locale, c.standardisedEffect)}${c.isSignificant ? '*' : ''} (p = ${fmt(locale, c.pValue, 3)})`).join(', ')}`,
    )
  lines.push('', say(locale, 'cli.peers.groups'))
  for (const g of dto.groups)
    lines.push(
      wrap(`${g.code} ${g.name} (${g.size}): ${g.members.map((m) => m.name).join(', ')}`, 110, '    '),
    )
  lines.push('', describeQuality(locale, dto.quality))
  if (dto.excluded.length > 0) {
    lines.push('', say(locale, 'cli.peers.excluded', { n: dto.excluded.length }))
    for (const e of dto.excluded)
      lines.push(
        `  ${say(locale, 'cli.peers.excludedLine', {
          key: e.ags5 ?? String(e.organisationId),
          name: e.name,
          missing: e.missing.join(', '),
        })}`,
      )
  }
  // The excluded organisations are listed above already; notes of older models are plain strings.
  const notes = dto.notes.filter(
    (n) => n.messageKey !== 'peers.noteExcluded' && !n.message.includes('ohne vollständige Daten'),
  )
  if (notes.length > 0)
    lines.push(
      '',
      say(locale, 'cli.peers.notes'),
      ...notes.map((n) => `  - ${renderSent(locale, { ...n, key: n.messageKey })}`),
    )
  const moves = 'moves' in dto ? dto.moves : []
  if (moves.length > 0) {
    lines.push('', say(locale, 'cli.peers.moves'))
    for (const m of moves)
      lines.push(`  ${formatDateTime(locale, m.at)} ${m.by}: ${m.name} ${m.from ?? '–'} → ${m.to}`)
  }
  return lines.join('\n')
}

function describeTableResult(locale: Locale, r: TableResult): string {
  const groups = new Map<number, string[]>()
  for (const a of r.assignments) groups.set(a.group, [...(groups.get(a.group) ?? []), a.id])
  return [
    say(locale, 'cli.peers.tableLine', {
      method: methodLabel(locale, r.method),
      k: r.k,
      sizes: r.minSize ? say(locale, 'cli.peers.tableSizes', { min: r.minSize, max: r.maxSize ?? '–' }) : '',
      rows: r.assignments.length,
      scaling: say(locale, r.scale === 'z' ? 'cli.peers.scalingZ' : 'cli.peers.scalingNone'),
    }),
    '',
    formatTable(
      [say(locale, 'cli.common.colGroup'), 'n', say(locale, 'cli.peers.colIds')],
      [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([g, ids]) => [g, ids.length, ids.join(', ')]),
    ),
    '',
    say(locale, 'cli.peers.tableQuality', {
      rSquared: fmt(locale, r.quality.rSquared, 3),
      silhouette: fmt(locale, r.quality.silhouette, 3),
      stability: r.quality.stability ? describeStability(locale, r.quality.stability) : '–',
    }),
  ].join('\n')
}

function describeModelList(locale: Locale, models: PeerModelListDto['models']): string {
  if (models.length === 0) return say(locale, 'cli.peers.noModels')
  return formatTable(
    [
      say(locale, 'cli.common.colId'),
      say(locale, 'cli.common.colName'),
      say(locale, 'cli.common.colKind'),
      say(locale, 'cli.peers.colMethod'),
      say(locale, 'cli.peers.colGroups'),
      'n',
      say(locale, 'cli.peers.colYear'),
      'R²',
      say(locale, 'cli.peers.colCreated'),
    ],
    models.map((m) => [
      m.id,
      m.name,
      m.kind,
      m.method,
      m.groups,
      m.members,
      m.referenceYear,
      fmt(locale, m.rSquared, 3),
      `${formatDate(locale, m.createdAt)} ${m.createdBy}`,
    ]),
  )
}

function describeComparison(locale: Locale, c: PeerComparisonDto): string {
  const lines = [
    say(locale, 'cli.peers.comparison', { a: c.a.id, aName: c.a.name, b: c.b.id, bName: c.b.name }),
    say(locale, 'cli.peers.comparisonCounts', {
      common: c.common,
      a: c.a.id,
      onlyInA: c.onlyInA.length,
      b: c.b.id,
      onlyInB: c.onlyInB.length,
    }),
    say(locale, 'cli.peers.randIndex', { value: fmt(locale, c.adjustedRandIndex, 3) }),
    '',
    formatTable(
      [
        say(locale, 'cli.peers.colGroupInB'),
        say(locale, 'cli.peers.colMatchesInA'),
        say(locale, 'cli.peers.colOverlap'),
      ],
      c.matches.map((m) => [m.b, m.a ?? '–', m.overlap]),
    ),
  ]
  lines.push('', say(locale, 'cli.peers.moved', { n: c.moves.length }))
  for (const m of c.moves) lines.push(`  ${m.ags5 ?? m.organisationId} ${m.name}: ${m.from} → ${m.to}`)
  return lines.join('\n')
}

function describeNeighbours(locale: Locale, n: NeighboursDto): string {
  const lines = [
    say(locale, 'cli.peers.neighbours', { name: n.organisation.name }),
    say(locale, 'cli.peers.basis', {
      basis:
        n.basis.modelId !== null
          ? say(locale, 'cli.peers.basisModel', { modelId: n.basis.modelId })
          : say(locale, 'cli.peers.basisStandard'),
      year: n.basis.referenceYear === null ? '–' : String(n.basis.referenceYear),
      indicators: n.basis.indicators
        .map((i) => `${i.code}${i.transform !== 'none' ? ` (${i.transform})` : ''} ×${fmt(locale, i.weight)}`)
        .join(', '),
    }),
    '',
    formatTable(
      [
        '#',
        say(locale, 'cli.common.colOrganisation'),
        say(locale, 'cli.peers.colDistance'),
        ...n.basis.indicators.map((i) => `${i.code} %`),
      ],
      n.neighbours.map((x) => [
        x.rank,
        x.name,
        fmt(locale, x.rebasedDistance, 3),
        ...x.contributions.map((c) => fmt(locale, c.sharePercent, 0)),
      ]),
    ),
    '',
    say(locale, 'cli.peers.why'),
  ]
  for (const x of n.neighbours)
    lines.push(`  ${x.rank}. ${locale === 'de' ? x.explanationDe : x.explanationEn}`)
  return lines.join('\n')
}

function describeHistory(locale: Locale, h: RingHistoryDto): string {
  if (h.memberships.length === 0) return say(locale, 'cli.peers.inNoRing', { name: h.organisation.name })
  return [
    say(locale, 'cli.peers.history', { name: h.organisation.name }),
    formatTable(
      [
        say(locale, 'cli.peers.colFrom'),
        say(locale, 'cli.peers.colTo'),
        say(locale, 'cli.common.colRing'),
        say(locale, 'cli.peers.colNetwork'),
      ],
      h.memberships.map((m) => [
        formatDate(locale, m.validFrom),
        m.validTo ? formatDate(locale, m.validTo) : say(locale, 'cli.peers.today'),
        `${m.code} ${m.name}`,
        m.networkName,
      ]),
    ),
  ].join('\n')
}

function describePreview(locale: Locale, p: PeerMovePreviewDto): string {
  const sizes = p.sizes
    .filter((s) => s.before !== s.after)
    .map((s) => `${s.group} ${s.before} → ${s.after}`)
    .join(', ')
  const lines = [
    say(locale, 'cli.peers.preview'),
    ...p.moves.map((m) => `  ${m.name}: ${m.from ?? '–'} → ${m.to}`),
    '',
    `R²: ${fmt(locale, p.before?.rSquared ?? null, 3)} → ${fmt(locale, p.after?.rSquared ?? null, 3)}; Silhouette: ${fmt(locale, p.before?.silhouette ?? null, 3)} → ${fmt(locale, p.after?.silhouette ?? null, 3)}`,
    say(locale, 'cli.peers.sizesLine', { sizes: sizes || say(locale, 'cli.peers.unchanged') }),
  ]
  if (p.violations.length > 0)
    lines.push(
      '',
      say(locale, 'cli.peers.violations'),
      ...p.violations.map((v) => `  - ${renderSent(locale, { ...v, key: v.messageKey })}`),
    )
  else lines.push(say(locale, 'cli.peers.allHold'))
  return lines.join('\n')
}

function describeApply(locale: Locale, r: ApplyPeerModelResultDto): string {
  const lines = [
    say(locale, 'cli.peers.applied', { from: r.validFrom, modelId: r.modelId, ended: r.endedMemberships }),
    formatTable(
      [say(locale, 'cli.common.colRing'), 'n', ''],
      r.rings.map((x) => [
        `${x.code} ${x.name}`,
        x.members,
        say(locale, x.isNew ? 'cli.peers.new' : 'cli.peers.continued'),
      ]),
    ),
  ]
  if (r.endedRings.length > 0)
    lines.push(say(locale, 'cli.peers.ringsEnded', { rings: r.endedRings.join(', ') }))
  if (r.withoutRing.length > 0) lines.push(say(locale, 'cli.peers.withoutRing', countAndNames(r.withoutRing)))
  return lines.join('\n')
}

/** The organisations a note names: how many, and their names in a row. */
function countAndNames(organisations: readonly { name: string }[]): { n: number; names: string } {
  return { n: organisations.length, names: organisations.map((o) => o.name).join(', ') }
}

function describeTypes(locale: Locale, s: ImportPeerTypesSummaryDto): string {
  const lines = [
    say(locale, 'cli.peers.typesLine', {
      file: s.fileName,
      rows: s.rowsRead,
      assigned: s.assigned,
      types: s.groups.length,
    }) + (s.isDryRun ? ` ${say(locale, 'cli.peers.dryRun')}` : ''),
  ]
  if (s.errors.length > 0) {
    lines.push(say(locale, 'cli.peers.typesErrors', { n: s.errors.length }))
    for (const e of s.errors.slice(0, 50)) {
      const where = [
        e.row !== undefined ? say(locale, 'cli.common.row', { row: String(e.row) }) : undefined,
        e.column ? say(locale, 'cli.common.column', { column: e.column }) : undefined,
        e.value !== undefined ? say(locale, 'cli.common.quoted', { value: e.value }) : undefined,
      ]
        .filter(Boolean)
        .join(', ')
      lines.push(`  ${where}: ${renderSent(locale, { ...e, key: e.messageKey })}`)
    }
  } else if (s.isCommitted && s.modelId !== null)
    lines.push(say(locale, 'cli.peers.savedAsModel', { modelId: s.modelId }))
  lines.push(
    formatTable(
      [say(locale, 'cli.peers.colType'), say(locale, 'cli.common.colName'), 'n'],
      s.groups.map((g) => [g.code, g.name, g.size]),
    ),
  )
  if (s.unmatched.length > 0)
    lines.push(
      say(locale, 'cli.peers.unmatched', {
        n: s.unmatched.length,
        list: `${s.unmatched
          .slice(0, 20)
          .map((u) => `${say(locale, 'cli.common.row', { row: String(u.row) })} ${u.value}`)
          .join(', ')}${s.unmatched.length > 20 ? ' …' : ''}`,
      }),
    )
  if (s.withoutType.length > 0) lines.push(say(locale, 'cli.peers.withoutType', countAndNames(s.withoutType)))
  return lines.join('\n')
}
