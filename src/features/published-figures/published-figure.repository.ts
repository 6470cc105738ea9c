/**
 * SQL of published figure values: staging an import, the diff against the current revisions,
 * writing revisions, the reconciliation findings of a batch, and the reads of the comparisons.
 */
import { sql, type Kysely } from 'kysely'
import type { TransactionContext } from '../../db/connect'
import type { DB, MissingReason, ObservationStatus } from '../../db/schema'
import type { PublishedParts } from '../../core/kpi'
import { diffStagedValues, type DiffCounts } from '../imports/import-batch.repository'

/** A published value of one organisation, figure, month and breakdown, with its published decimals. */
interface PublishedValueBase extends PublishedParts {
  organisationId: number
  figure: string
  /** First day of the month (ISO date). */
  period: string
  breakdown: string
  missingReason: MissingReason | null
}

export interface StagedPublishedValue extends PublishedValueBase {
  /** Null where the file gives no status (the diff then keeps the stored one). */
  status: ObservationStatus | null
  comparisonType: string | null
  row: number
}

function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const STAGE_COLUMNS = [
  'organisation_id',
  'figure_code',
  'period',
  'breakdown',
  'value',
  'value_decimals',
  'numerator',
  'numerator_decimals',
  'denominator',
  'denominator_decimals',
  'missing_reason',
  'status',
  'comparison_type',
  'row_number',
] as const

/** Copies the accepted rows into a temporary table of the transaction (dropped at its end). */
export async function stagePublishedValues(
  tx: TransactionContext,
  values: readonly StagedPublishedValue[],
): Promise<void> {
  await sql`
    create temp table published_stage (
      organisation_id integer not null,
      figure_code text not null,
      period date not null,
      breakdown text not null,
      value double precision,
      value_decimals smallint not null,
      numerator double precision,
      numerator_decimals smallint not null,
      denominator double precision,
      denominator_decimals smallint not null,
      missing_reason text,
      status text,
      comparison_type text,
      row_number integer not null
    ) on commit drop
  `.execute(tx.db)
  const chunkSize = 50_000
  function* chunks() {
    for (let start = 0; start < values.length; start += chunkSize) {
      yield values
        .slice(start, start + chunkSize)
        .map(
          (v) =>
            [
              v.organisationId,
              csvField(v.figure),
              v.period,
              csvField(v.breakdown),
              v.value ?? '',
              v.valueDecimals,
              v.numerator ?? '',
              v.numeratorDecimals,
              v.denominator ?? '',
              v.denominatorDecimals,
              v.missingReason ?? '',
              v.status ?? '',
              csvField(v.comparisonType),
              v.row,
            ].join(',') + '\n',
        )
        .join('')
    }
  }
  await tx.copyCsv('published_stage', [...STAGE_COLUMNS], chunks())
}

/**
 * Compares the staged rows with the current revisions: new, changed (value, numerator,
 * denominator, missing reason, or a status the file gives — provisional → final is a revision) or
 * unchanged. Leaves the result in `published_diff` for the writes below.
 */
export function diffPublishedValues(tx: TransactionContext): Promise<DiffCounts> {
  return diffStagedValues(tx.db, {
    diff: 'published_diff',
    stage: 'published_stage',
    current: 'published_figure_value',
    keys: ['figure_code', 'period', 'breakdown', 'organisation_id'],
    compared: ['value', 'numerator', 'denominator', 'missing_reason', 'comparison_type'],
    kept: ['revision', 'value', 'status'],
  })
}

/** Writes new values as revision 1 and changed ones as the next revision; the old one stays. */
export async function applyPublishedDiff(tx: TransactionContext, batchId: number, now: Date): Promise<void> {
  await sql`
    update published_figure_value p set is_current = false
    from published_diff d
    where d.change = 'changed'
      and p.organisation_id = d.organisation_id and p.figure_code = d.figure_code
      and p.period = d.period and p.breakdown = d.breakdown and p.revision = d.old_revision
  `.execute(tx.db)
  await sql`
    insert into published_figure_value (organisation_id, figure_code, period, breakdown, revision, value,
      value_decimals, numerator, numerator_decimals, denominator, denominator_decimals, missing_reason, status,
      comparison_type, batch_id, recorded_at, is_current)
    select organisation_id, figure_code, period, breakdown, coalesce(old_revision, 0) + 1, value, value_decimals,
           numerator, numerator_decimals, denominator, denominator_decimals, missing_reason,
           coalesce(status, case when change = 'new' then 'final' else 'corrected' end),
           comparison_type, ${batchId}, ${now}, true
    from published_diff
    where change <> 'unchanged'
  `.execute(tx.db)
}

export interface PublishedValueRow extends PublishedValueBase {
  status: ObservationStatus
}

/**
 * Published values of one figure and breakdown for organisations and months (first days, inclusive):
 * the current revisions, or as of an instant the newest revision recorded by then.
 */
export async function findPublishedValues(
  db: Kysely<DB>,
  options: {
    figure: string
    breakdown: string
    organisationIds?: readonly number[]
    from: string
    to: string
    asOf?: Date
  },
): Promise<PublishedValueRow[]> {
  if (options.organisationIds?.length === 0) return []
  const rows = await db
    .selectFrom('published_figure_value as p')
    .selectAll('p')
    .where('p.figure_code', '=', options.figure)
    .where('p.breakdown', '=', options.breakdown)
    .where('p.period', '>=', options.from)
    .where('p.period', '<=', options.to)
    .$if(options.organisationIds !== undefined, (qb) =>
      qb.where('p.organisation_id', 'in', options.organisationIds!),
    )
    .$if(options.asOf === undefined, (qb) => qb.where('p.is_current', '=', true))
    .$if(options.asOf !== undefined, (qb) =>
      qb
        .where('p.recorded_at', '<=', options.asOf!)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('published_figure_value as q')
                .select('q.revision')
                .whereRef('q.organisation_id', '=', 'p.organisation_id')
                .whereRef('q.figure_code', '=', 'p.figure_code')
                .whereRef('q.period', '=', 'p.period')
                .whereRef('q.breakdown', '=', 'p.breakdown')
                .whereRef('q.revision', '>', 'p.revision')
                .where('q.recorded_at', '<=', options.asOf!),
            ),
          ),
        ),
    )
    .orderBy('p.organisation_id')
    .orderBy('p.period')
    .execute()
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    figure: r.figure_code,
    period: r.period,
    breakdown: r.breakdown,
    value: r.value,
    valueDecimals: r.value_decimals,
    numerator: r.numerator,
    numeratorDecimals: r.numerator_decimals,
    denominator: r.denominator,
    denominatorDecimals: r.denominator_decimals,
    missingReason: r.missing_reason,
    status: r.status,
  }))
}

export interface StoredFinding {
  organisationId: number
  figure: string
  period: string
  breakdown: string
  published: { value: number | null; numerator: number | null; denominator: number | null }
  computed: { value: number | null; numerator: number | null; denominator: number | null }
  valueDecimals: number
  differs: string[]
}

export async function insertReconciliation(
  db: Kysely<DB>,
  batchId: number,
  compared: number,
  findings: readonly StoredFinding[],
): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({ reconciled_values: compared })
    .where('id', '=', batchId)
    .execute()
  for (let start = 0; start < findings.length; start += 1000) {
    await db
      .insertInto('published_reconciliation')
      .values(
        findings.slice(start, start + 1000).map((f) => ({
          batch_id: batchId,
          organisation_id: f.organisationId,
          figure_code: f.figure,
          period: f.period,
          breakdown: f.breakdown,
          published_value: f.published.value,
          published_numerator: f.published.numerator,
          published_denominator: f.published.denominator,
          computed_value: f.computed.value,
          computed_numerator: f.computed.numerator,
          computed_denominator: f.computed.denominator,
          value_decimals: f.valueDecimals,
          differs: f.differs,
        })),
      )
      .execute()
  }
}

/** A batch's reconciliation: how many values it compared and its findings (null: not a publication). */
export async function findReconciliation(
  db: Kysely<DB>,
  batchId: number,
): Promise<{ compared: number; findings: StoredFinding[] } | null> {
  const batch = await db
    .selectFrom('import_batch')
    .select('reconciled_values')
    .where('id', '=', batchId)
    .executeTakeFirst()
  if (!batch || batch.reconciled_values === null) return null
  const rows = await db
    .selectFrom('published_reconciliation')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('figure_code')
    .orderBy('period')
    .orderBy('breakdown')
    .orderBy('organisation_id')
    .execute()
  return {
    compared: batch.reconciled_values,
    findings: rows.map((r) => ({
      organisationId: r.organisation_id,
      figure: r.figure_code,
      period: r.period,
      breakdown: r.breakdown,
      published: {
        value: r.published_value,
        numerator: r.published_numerator,
        denominator: r.published_denominator,
      },
      computed: {
        value: r.computed_value,
        numerator: r.computed_numerator,
        denominator: r.computed_denominator,
      },
      valueDecimals: r.value_decimals,
      differs: r.differs,
    })),
  }
}

/** The newest month with a current published value of a figure (any when omitted). */
export async function findLatestPublishedMonth(db: Kysely<DB>, figure?: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('published_figure_value')
    .select((eb) => eb.fn.max('period').as('latest'))
    .where('is_current', '=', true)
    .$if(figure !== undefined, (qb) => qb.where('figure_code', '=', figure!))
    .executeTakeFirst()
  return row?.latest ?? undefined
}
