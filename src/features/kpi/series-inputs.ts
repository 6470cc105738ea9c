/**
 * The raw values a computation keeps for the next one (kpi_input_kept, migrations 0020 and 0021): an
 * incremental run after a one-month import reads the last year of every series from these short
 * rows and the current values of the pending import batches instead of from all of observation.
 * An organisation's rows (parts, migration 0023) hold its series, one a line: `indicator id|days|values|
 * breakdown`, days and values as the loading query aggregates them, the breakdown URI-encoded. Parts
 * are read in order and a later line's month replaces an earlier one's: a run that read the kept
 * rows appends the pending batches' lines as an organisation's next part, and rewrites its parts as
 * one once it has several.
 */
import { sql, type Kysely } from 'kysely'
import type { DataMissingReason } from '../../core/kpi'
import type { TransactionContext } from '../../db/connect'
import type { DB } from '../../db/schema'
import { CsvWriter } from './csv-writer'
import {
  groupSeries,
  listMonthlyIndicators,
  monthIndexOf,
  monthOfDays,
  parseNumber,
  type LoadedSeries,
  type SeriesEntry,
} from './load-series'

/** An organisation's series lines, in the kept rows' format. */
export interface SeriesLines {
  organisation_id: number
  /** null when none of its values is current. */
  series: string | null
}

/** What the pending import batches wrote, per organisation. */
export interface PendingValues {
  /** The first and last month they wrote a monthly value for (current or since revised). */
  changed: Map<number, { from: number; to: number }>
  /** Their current monthly values. */
  lines: SeriesLines[]
}

/**
 * The monthly values the given batches wrote, aggregated per organisation in one read: the months
 * they touched and their current values as series lines (400 rows for a month of 400 organisations,
 * not one per series). The BRIN index on batch_id (migration 0018) reads only those batches' pages;
 * the monthly indicators come as a list, since a join with indicator was planned as a nested loop
 * over every value.
 */
export async function readPendingValues(db: Kysely<DB>, batchIds: readonly number[]): Promise<PendingValues> {
  if (batchIds.length === 0) return { changed: new Map(), lines: [] }
  // One line per value (the reader takes several lines of a series): a second aggregation per
  // series cost more than the longer text.
  const result = await sql<SeriesLines & { first_period: string; last_period: string }>`
    select o.organisation_id, min(o.period) as first_period, max(o.period) as last_period,
      string_agg(o.indicator_id || '|' || (o.period - date '1970-01-01') || '|' ||
        coalesce(o.value::text, case o.missing_reason
          when 'suppressed' then 's' when 'not_applicable' then 'a' else '' end) || '|' ||
        replace(replace(replace(o.breakdown, '%', '%25'), '|', '%7C'), chr(10), '%0A'), chr(10))
        filter (where o.is_current) as series
    from observation o
    where o.batch_id = any(${[...batchIds]}::int[])
      and o.indicator_id = any(array(select id from indicator where frequency = 'monthly'))
    group by o.organisation_id
  `.execute(db)
  return {
    changed: new Map(
      result.rows.map((r) => [
        r.organisation_id,
        { from: monthIndexOf(r.first_period), to: monthIndexOf(r.last_period) },
      ]),
    ),
    lines: result.rows.map((r) => ({ organisation_id: r.organisation_id, series: r.series })),
  }
}

/**
 * The current monthly values of `organisationIds` in fromMonth … toMonth, as `loadMonthlySeries`
 * reads them from observation: the kept rows, where the pending batches wrote a month, take that
 * batch's current value instead (`pending`, from readPendingValues). Exact only while the kept rows
 * cover fromMonth on (kpi_run's input_from_month ≤ fromMonth) and every change since their run came
 * with a pending batch.
 */
export async function loadSeriesFromInputs(
  db: Kysely<DB>,
  options: {
    organisationIds: readonly number[]
    fromMonth: number
    toMonth: number
    pending: readonly SeriesLines[]
  },
): Promise<LoadedSeries & { keptParts: Map<number, number> }> {
  const { fromMonth, toMonth } = options
  const codeOf = await listMonthlyIndicators(db)
  const kept = await sql<SeriesLines>`
    select organisation_id, series from kpi_input_kept
    where organisation_id = any(${[...options.organisationIds]}::int[])
    order by organisation_id, part
  `.execute(db)
  const keptParts = new Map<number, number>()
  for (const r of kept.rows) keptParts.set(r.organisation_id, (keptParts.get(r.organisation_id) ?? 0) + 1)
  const reader = new SeriesLineReader(codeOf, fromMonth, toMonth)
  // The pending values come last: a month they wrote replaces the kept one.
  for (const rows of [kept.rows, options.pending]) for (const r of rows) reader.read(r)
  // Like the query: no series without a row in the range (a kept line's older months).
  const entries = reader.entries.filter((e) => e.hasRow.includes(1))
  return {
    startMonth: fromMonth,
    months: toMonth - fromMonth + 1,
    series: groupSeries(entries, codeOf),
    entries,
    keptParts,
  }
}

/** A series being read, with its reasons array while it is filled in. */
type ReadEntry = SeriesEntry & { reasons?: (DataMissingReason | undefined)[] }

/** Series lines laid out on fromMonth … toMonth as they are read; indicators no longer monthly are left out. */
class SeriesLineReader {
  readonly entries: SeriesEntry[] = []
  /** By organisation, indicator and breakdown. */
  private readonly byKey = new Map<number, Map<number, Map<string, ReadEntry>>>()
  private readonly breakdowns = new Map<string, string>()
  private readonly months: number

  constructor(
    private readonly codeOf: ReadonlyMap<number, string>,
    private readonly fromMonth: number,
    toMonth: number,
  ) {
    this.months = toMonth - fromMonth + 1
  }

  read({ organisation_id, series }: SeriesLines): void {
    if (series === null) return
    let start = 0
    while (start < series.length) {
      let end = series.indexOf('\n', start)
      if (end < 0) end = series.length
      const a = series.indexOf('|', start)
      const b = series.indexOf('|', a + 1)
      const c = series.indexOf('|', b + 1)
      const indicatorId = Number(series.slice(start, a))
      if (this.codeOf.has(indicatorId)) {
        const encoded = series.slice(c + 1, end)
        let breakdown = this.breakdowns.get(encoded)
        if (breakdown === undefined) this.breakdowns.set(encoded, (breakdown = decodeURIComponent(encoded)))
        this.readEntries(this.entryOf(organisation_id, indicatorId, breakdown), series, a + 1, b + 1, c)
      }
      start = end + 1
    }
  }

  private entryOf(organisationId: number, indicatorId: number, breakdown: string): ReadEntry {
    let byIndicator = this.byKey.get(organisationId)
    if (!byIndicator) this.byKey.set(organisationId, (byIndicator = new Map()))
    let byBreakdown = byIndicator.get(indicatorId)
    if (!byBreakdown) byIndicator.set(indicatorId, (byBreakdown = new Map()))
    let entry = byBreakdown.get(breakdown)
    if (!entry) {
      entry = {
        organisationId,
        indicatorId,
        breakdown,
        series: { values: new Float64Array(this.months).fill(NaN) },
        hasRow: new Uint8Array(this.months),
      }
      byBreakdown.set(breakdown, entry)
      this.entries.push(entry)
    }
    return entry
  }

  /** The days from `d` and the values from `v` (up to `end`) in step, each month in range written over. */
  private readEntries(entry: ReadEntry, text: string, d: number, v: number, end: number): void {
    const { values } = entry.series
    while (v <= end) {
      let day = 0
      let sign = 1
      for (let c = text.charCodeAt(d); c !== 44 && c !== 124; c = text.charCodeAt(++d)) {
        if (c === 45) sign = -1
        else day = day * 10 + (c - 48)
      }
      d++
      let vEnd = v
      while (vEnd < end && text.charCodeAt(vEnd) !== 44) vEnd++
      const at = monthOfDays(sign * day) - this.fromMonth
      if (at >= 0 && at < this.months) {
        entry.hasRow[at] = 1
        const c = text.charCodeAt(v)
        if (vEnd > v && (c === 115 || c === 97)) {
          values[at] = NaN
          if (!entry.reasons) {
            entry.reasons = new Array<DataMissingReason | undefined>(this.months)
            entry.series = { values, reasons: entry.reasons }
          }
          entry.reasons[at] = c === 115 ? 'suppressed' : 'not_applicable'
        } else {
          values[at] = vEnd > v ? parseNumber(text, v, vEnd) : NaN
          if (entry.reasons) entry.reasons[at] = undefined
        }
      }
      v = vEnd + 1
    }
  }
}

/**
 * An organisation's kept parts are rewritten as one once it has this many or more, staggered by its
 * id (4 to 6), so that a month rewrites about a third of the organisations, not all of them at once.
 * More parts would cost the next runs more lines to read than they save in writing.
 */
const REWRITE_AT_PARTS = 4
const REWRITE_STAGGER = 3

/**
 * After a run that read the kept rows (loadSeriesFromInputs): the pending batches' lines of each
 * organisation become its next part, or, once it has several parts, its parts are rewritten as one
 * from the loaded series (keepSeriesInputs). Organisations without pending values keep their parts.
 */
export async function keepPendingInputs(
  tx: TransactionContext,
  options: {
    loaded: LoadedSeries
    fromMonth: number
    keptParts: ReadonlyMap<number, number>
    pending: readonly SeriesLines[]
  },
): Promise<void> {
  const rewrite: number[] = []
  const out = new CsvWriter()
  for (const { organisation_id: id, series } of options.pending) {
    if (series === null) continue
    const parts = options.keptParts.get(id) ?? 0
    if (parts >= REWRITE_AT_PARTS + (id % REWRITE_STAGGER)) {
      rewrite.push(id)
      continue
    }
    // Lines hold digits, signs, points, '|', ',', 's', 'a' and URI-encoded breakdowns: no quotes.
    out.integer(id)
    out.comma()
    out.integer(parts)
    out.text(',"')
    out.text(series)
    out.text('"\n')
  }
  const appended = out.take()
  if (appended) await tx.copyCsv('kpi_input_kept', ['organisation_id', 'part', 'series'], [appended])
  if (rewrite.length > 0)
    await keepSeriesInputs(tx, {
      loaded: options.loaded,
      fromMonth: options.fromMonth,
      organisationIds: rewrite,
    })
}

/**
 * Replaces the kept rows of `organisationIds` (all organisations: undefined) by the loaded series'
 * months from `fromMonth` on, as one part each. One row per organisation, not one per series.
 */
export async function keepSeriesInputs(
  tx: TransactionContext,
  options: { loaded: LoadedSeries; fromMonth: number; organisationIds?: readonly number[] },
): Promise<void> {
  if (options.organisationIds)
    await sql`
      delete from kpi_input_kept where organisation_id = any(${[...options.organisationIds]}::int[])
    `.execute(tx.db)
  else await sql`truncate kpi_input_kept`.execute(tx.db)
  if (options.loaded.startMonth === undefined) return
  const only = options.organisationIds && new Set(options.organisationIds)
  const entries = only
    ? options.loaded.entries.filter((e) => only.has(e.organisationId))
    : options.loaded.entries
  // Every run rewrites and reads these rows (kilobytes each, compressed when stored): lz4, where the
  // server has it (PostgreSQL built with it; PGlite is not, so it is not asked), compresses them in
  // half the time of the default pglz. For this copy only: what the run writes next keeps the
  // server's setting.
  const compression =
    tx.kind === 'pglite'
      ? undefined
      : await sql<{ setting: string; hasLz4: boolean }>`
          select setting, 'lz4' = any(enumvals) as "hasLz4" from pg_settings
          where name = 'default_toast_compression'
        `.execute(tx.db)
  const previous = compression?.rows[0]?.hasLz4 ? compression.rows[0].setting : undefined
  if (previous !== undefined)
    await sql`select set_config('default_toast_compression', 'lz4', true)`.execute(tx.db)
  await tx.copyCsv(
    'kpi_input_kept',
    ['organisation_id', 'series'],
    csvChunks(entries, options.loaded.startMonth, options.fromMonth),
  )
  if (previous !== undefined)
    await sql`select set_config('default_toast_compression', ${previous}, true)`.execute(tx.db)
}

const DAY_MS = 86_400_000

/**
 * The months from `fromMonth` on that had a row, one line a series and one CSV row an organisation,
 * written as bytes (see CsvWriter): values as the loading query prints them, '' (no value), 's' /
 * 'a' (suppressed, not applicable) or the number, which JavaScript prints as float8 does, as the
 * shortest text that reads back exactly.
 */
function* csvChunks(
  entries: readonly SeriesEntry[],
  startMonth: number,
  fromMonth: number,
): Generator<string> {
  const byOrganisation = new Map<number, SeriesEntry[]>()
  for (const e of entries) {
    const own = byOrganisation.get(e.organisationId)
    if (own) own.push(e)
    else byOrganisation.set(e.organisationId, [e])
  }
  const first = Math.max(0, fromMonth - startMonth)
  const days = Int32Array.from(
    { length: Math.max(0, entries[0]?.hasRow.length ?? 0) },
    (_, at) => Date.UTC(Math.floor((startMonth + at) / 12), (startMonth + at) % 12, 1) / DAY_MS,
  )
  const encoded = new Map<string, string>()
  const out = new CsvWriter()
  for (const [organisationId, own] of byOrganisation) {
    let isFirstLine = true
    for (const { indicatorId, breakdown, series, hasRow } of own) {
      const at0 = hasRow.indexOf(1, first)
      if (at0 < 0) continue
      if (isFirstLine) {
        out.integer(organisationId)
        out.text(',"')
      } else out.byte(10)
      isFirstLine = false
      out.integer(indicatorId)
      out.byte(124)
      for (let at = at0; at < hasRow.length; at++)
        if (hasRow[at] === 1) {
          if (at !== at0) out.comma()
          out.integer(days[at]!)
        }
      out.byte(124)
      const { values, reasons } = series
      for (let at = at0; at < hasRow.length; at++)
        if (hasRow[at] === 1) {
          if (at !== at0) out.comma()
          const x = values[at]!
          if (x !== x) {
            const reason = reasons?.[at]
            if (reason === 'suppressed') out.byte(115)
            else if (reason === 'not_applicable') out.byte(97)
          } else if ((x | 0) === x && (x !== 0 || 1 / x > 0)) out.integer(x)
          else out.text(x === 0 ? '-0' : String(x))
        }
      out.byte(124)
      let code = encoded.get(breakdown)
      if (code === undefined) encoded.set(breakdown, (code = encodeURIComponent(breakdown)))
      out.text(code)
    }
    // Days, values and encoded breakdowns hold no quotes; the newlines are inside quotes.
    if (!isFirstLine) out.text('"\n')
    if (out.isFull()) yield out.take()
  }
  const rest = out.take()
  if (rest) yield rest
}
