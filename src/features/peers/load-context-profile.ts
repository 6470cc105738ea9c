/**
 * The context profile of a network's organisations: chosen yearly context indicators for a
 * reference year, transformed, standardised and weighted (by hand or from regressions of K1–K3).
 * Organisations without complete data are listed with what is missing, never dropped silently.
 */
import { sql, type Kysely } from 'kysely'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import {
  buildStandardisedMatrix,
  computeAverageRanks,
  deriveRegressionWeights,
  type ColumnTransform,
  type TargetFit,
} from '../../core/peers'
import type { ContextProfileRequest, PeerInputsDto, PeerTextDto } from '../../contracts/peers'
import type { DB } from '../../db/schema'
import { importMessage } from '../imports/import-message'
import { readFigureValues } from '../kpi/read-figure-values'
import { monthIndexOf } from '../kpi/load-series'
import {
  listPeerOrganisations,
  resolvePeerNetwork,
  type PeerOrganisation,
} from './peer-organisation.repository'

/** The standard profile: what the official types use, as far as the platform holds it. */
export const STANDARD_INDICATORS = [
  'sgb2_rate',
  'unemployment_rate',
  'gdp_per_employed',
  'population_density',
  'tourism_intensity',
  'population',
  'settlement_type',
] as const

/** Skewed over orders of magnitude: enter as natural log unless told otherwise. */
const LOG_BY_DEFAULT = new Set(['population_density', 'population', 'tourism_intensity'])

/** Targets of the regression weights: the three main key figures. */
export const REGRESSION_TARGETS = ['K1', 'K2', 'K3'] as const

export type PeerIndicator = PeerInputsDto['indicators'][number]

export interface ContextProfile {
  networkId: number | null
  referenceYear: number
  indicators: PeerIndicator[]
  /** Complete organisations, one per row of raw and matrix. */
  organisations: PeerOrganisation[]
  excluded: (PeerOrganisation & { missing: string[] })[]
  /** Untransformed values. */
  raw: number[][]
  /** Transformed, standardised, weighted values. */
  matrix: number[][]
  weighting: 'manual' | 'regression'
  regression?: TargetFit[]
  /** In English with their catalogue keys, for the reader's language. */
  notes: PeerTextDto[]
  vintage: {
    referenceYear: number
    latestBatchId: number | null
    latestBatchAt: string | null
    source: string | null
  }
}

interface ValueRow {
  organisation_id: number
  code: string
  year: number
  value: number
  batch_id: number
}

/** Loads and standardises the context profile described by `request`. */
export async function loadContextProfile(
  db: Kysely<DB>,
  request: Partial<ContextProfileRequest>,
): Promise<ContextProfile> {
  const notes: PeerTextDto[] = []
  const networkId = await resolvePeerNetwork(db, request.networkId)
  const organisations = await listPeerOrganisations(db, { networkId })
  if (organisations.length === 0)
    throw invalidInput(
      networkId === null
        ? message('peers.noOrganisationsYet')
        : message('peers.networkWithoutMembers', { networkId }),
    )
  const isStandard = !request.indicators
  const codes = [...new Set(request.indicators ?? STANDARD_INDICATORS)]
  const catalogue = await db
    .selectFrom('indicator')
    .select(['id', 'code', 'name_de', 'name_en', 'unit', 'frequency', 'kind'])
    .where('code', 'in', codes)
    .execute()
  for (const code of codes) {
    const found = catalogue.find((i) => i.code === code)
    if (!found || found.frequency !== 'yearly')
      throw invalidInput(message('peers.notYearlyContext', { code }), [
        detail(message('peers.expectedYearlyCode'), { field: 'indicators', value: code }),
      ])
  }
  checkKeys('transforms', request.transforms, codes)
  checkKeys('weights', request.weights, codes)

  const ids = organisations.map((o) => o.id)
  const rows = (
    await sql<ValueRow>`
      select o.organisation_id, i.code, extract(year from o.period)::int as year, o.value, o.batch_id
      from observation o join indicator i on i.id = o.indicator_id
      where o.indicator_id = any(${catalogue.map((i) => i.id)}::int[])
        and o.organisation_id = any(${ids}::int[])
        and o.is_current and o.value is not null
    `.execute(db)
  ).rows

  const yearsOf = new Map<string, Set<number>>(codes.map((c) => [c, new Set<number>()]))
  for (const r of rows) yearsOf.get(r.code)!.add(r.year)
  const withData = codes.filter((c) => yearsOf.get(c)!.size > 0)
  const noData = codes.filter((c) => yearsOf.get(c)!.size === 0)
  if (noData.length > 0) {
    if (!isStandard)
      throw invalidInput(message('peers.noValuesAtAll', { codes: noData.join(', ') }), [
        detail(message('peers.noValuesStored'), { field: 'indicators', value: noData.join(',') }),
      ])
    notes.push(importMessage(message('peers.noteNoValues', { codes: noData.join(', ') })))
  }
  if (withData.length === 0) throw invalidInput(message('peers.noContextValues'))
  const used = withData

  const referenceYear =
    request.referenceYear ?? chooseReferenceYear({ rows, codes: used, organisations: ids.length })
  // Per organisation and indicator: the value of the reference year, else the latest earlier one.
  const best = new Map<string, ValueRow>()
  for (const r of rows) {
    if (r.year > referenceYear || !used.includes(r.code)) continue
    const key = `${r.organisation_id}:${r.code}`
    const previous = best.get(key)
    if (!previous || r.year > previous.year) best.set(key, r)
  }

  const transforms = used.map(
    (c): ColumnTransform => request.transforms?.[c] ?? (LOG_BY_DEFAULT.has(c) ? 'log' : 'none'),
  )
  const complete: PeerOrganisation[] = []
  const excluded: ContextProfile['excluded'] = []
  const raw: number[][] = []
  const usedRows: ValueRow[] = []
  // Per indicator: who has a value ≤ 0 that a log cannot take (counted as missing, said in a note).
  const notPositive = new Map<string, string[]>()
  for (const o of organisations) {
    const missing: string[] = []
    const values = used.map((c, j) => {
      const r = best.get(`${o.id}:${c}`)
      if (!r) missing.push(c)
      else if (transforms[j] === 'log' && r.value <= 0) {
        missing.push(c)
        notPositive.set(c, [...(notPositive.get(c) ?? []), o.name])
      }
      return r?.value ?? Number.NaN
    })
    if (missing.length > 0) {
      excluded.push({ ...o, missing })
      continue
    }
    complete.push(o)
    raw.push(values)
    for (const c of used) usedRows.push(best.get(`${o.id}:${c}`)!)
  }
  if (complete.length < 2)
    throw invalidInput(
      message('peers.tooFewComplete', {
        complete: complete.length,
        total: organisations.length,
        codes: used.join(', '),
        year: referenceYear,
      }),
      excluded.slice(0, 20).map((e) =>
        detail(message('peers.missingValues', { codes: e.missing.join(', ') }), {
          field: 'indicators',
          value: e.name,
        }),
      ),
    )

  let weights = used.map((c) => request.weights?.[c] ?? 1)
  let regression: TargetFit[] | undefined
  const weighting = request.weighting ?? 'manual'
  if (weighting === 'regression') {
    const derived = await deriveWeightsFromFigures(db, {
      organisations: complete,
      candidates: used.map((c, j) => ({
        name: c,
        values: transformColumn(
          raw.map((r) => r[j]!),
          transforms[j]!,
        ),
      })),
      referenceYear,
    })
    weights = derived.weights
    regression = derived.fits
    for (const s of derived.skipped) notes.push(importMessage(s.reason))
    const dropped = used.filter((_, j) => weights[j] === 0)
    if (dropped.length > 0)
      notes.push(importMessage(message('peers.noteNotSignificant', { codes: dropped.join(', ') })))
  }

  const standardised = buildStandardisedMatrix({
    ids: complete.map((o) => String(o.id)),
    columns: used.map((c, j) => ({
      name: c,
      values: raw.map((r) => r[j]!),
      transform: transforms[j],
      weight: weights[j],
    })),
  })

  const indicators: PeerIndicator[] = used.map((c, j) => {
    const meta = catalogue.find((i) => i.code === c)!
    const years = usedRows.filter((r) => r.code === c).map((r) => r.year)
    return {
      code: c,
      nameDe: meta.name_de,
      nameEn: meta.name_en,
      unit: meta.unit,
      transform: transforms[j]!,
      weight: weights[j]!,
      yearFrom: years.length > 0 ? Math.min(...years) : null,
      yearTo: years.length > 0 ? Math.max(...years) : null,
    }
  })
  for (const i of indicators)
    if (i.yearFrom !== null && i.yearFrom < referenceYear)
      notes.push(
        importMessage(
          message('peers.noteValuesFrom', {
            code: i.code,
            years: i.yearFrom === i.yearTo ? String(i.yearFrom) : `${i.yearFrom}–${i.yearTo}`,
            year: referenceYear,
          }),
        ),
      )
  for (const [code, names] of notPositive)
    notes.push(importMessage(message('peers.noteLogNeedsPositive', { code, names: names.join(', ') })))
  if (excluded.length > 0)
    notes.push(
      importMessage(
        message('peers.noteExcluded', {
          count: excluded.length,
          list: excluded.map((e) => `${e.name} (${e.missing.join(', ')})`).join('; '),
        }),
      ),
    )
  return {
    networkId,
    referenceYear,
    indicators,
    organisations: complete,
    excluded,
    raw,
    matrix: standardised.matrix,
    weighting,
    regression,
    notes,
    vintage: await describeVintage(db, referenceYear, usedRows),
  }
}

function checkKeys(field: string, record: Record<string, unknown> | undefined, codes: readonly string[]) {
  for (const key of Object.keys(record ?? {}))
    if (!codes.includes(key))
      throw invalidInput(message('peers.notChosenIndicator', { field, key, codes: codes.join(', ') }), [
        detail(message('peers.expectedOneOf', { codes: codes.join(', ') }), { field, value: key }),
      ])
}

/**
 * The latest year in which at least half of the organisations have a value of every indicator
 * that changes from year to year. Indicators published for one year only (the settlement type)
 * are carried forward and do not decide the year.
 */
function chooseReferenceYear(input: { rows: ValueRow[]; codes: string[]; organisations: number }): number {
  const counts = new Map<string, number>()
  const yearsOf = new Map<string, Set<number>>()
  for (const r of input.rows) {
    const key = `${r.code}:${r.year}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
    if (!yearsOf.has(r.code)) yearsOf.set(r.code, new Set())
    yearsOf.get(r.code)!.add(r.year)
  }
  const varying = input.codes.filter((c) => (yearsOf.get(c)?.size ?? 0) > 1)
  const deciding = varying.length > 0 ? varying : input.codes
  const candidates = [...new Set(input.rows.map((r) => r.year))].sort((a, b) => b - a)
  for (const year of candidates)
    if (deciding.every((c) => (counts.get(`${c}:${year}`) ?? 0) * 2 >= input.organisations)) return year
  return candidates[0]!
}

function transformColumn(values: number[], transform: ColumnTransform): number[] {
  if (transform === 'log') return values.map(Math.log)
  if (transform === 'rank') return computeAverageRanks(values)
  return values
}

/** Annual means of K1, K2, K3 in the reference year as regression targets. */
async function deriveWeightsFromFigures(
  db: Kysely<DB>,
  input: {
    organisations: PeerOrganisation[]
    candidates: { name: string; values: number[] }[]
    referenceYear: number
  },
) {
  const from = monthIndexOf(`${input.referenceYear}-01`)
  const targets = []
  for (const code of REGRESSION_TARGETS) {
    const table = await readFigureValues(db, {
      code,
      breakdown: 'total',
      organisationIds: input.organisations.map((o) => o.id),
      from,
      to: from + 11,
    })
    const values = input.organisations.map((o) => {
      const months = (table.get(o.id) ?? []).flatMap((v) => (v.value === null ? [] : [v.value]))
      return months.length >= 6 ? months.reduce((s, v) => s + v, 0) / months.length : null
    })
    if (values.every((v) => v === null))
      throw invalidInput(message('peers.regressionNoValues', { code, year: input.referenceYear }), [
        detail(message('peers.figureNoValuesInYear', { code, year: input.referenceYear }), {
          field: 'weighting',
          value: 'regression',
        }),
      ])
    targets.push({ code, values })
  }
  return deriveRegressionWeights({ candidates: input.candidates, targets })
}

async function describeVintage(
  db: Kysely<DB>,
  referenceYear: number,
  used: ValueRow[],
): Promise<ContextProfile['vintage']> {
  const latest = used.reduce((m, r) => Math.max(m, r.batch_id), -1)
  if (latest < 0) return { referenceYear, latestBatchId: null, latestBatchAt: null, source: null }
  const batch = await db
    .selectFrom('import_batch')
    .select(['id', 'created_at', 'file_name'])
    .where('id', '=', latest)
    .executeTakeFirst()
  return {
    referenceYear,
    latestBatchId: latest,
    latestBatchAt: batch ? new Date(batch.created_at).toISOString() : null,
    source: batch?.file_name ?? null,
  }
}
