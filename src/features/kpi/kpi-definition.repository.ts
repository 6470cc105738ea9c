import { sql, type Kysely } from 'kysely'
import type { FigureDefinition } from '../../core/kpi'
import type { ConfidentialityClass } from '../../core/permissions'
import type { DB } from '../../db/schema'

export interface StoredFigureDefinition extends FigureDefinition {
  isOfficial: boolean
  confidentiality: ConfidentialityClass
  createdBy: string
  createdAt: Date
}

/** Every version of every figure definition (or of one figure), ordered by code and version. */
export async function listFigureDefinitions(
  db: Kysely<DB>,
  options: { code?: string } = {},
): Promise<StoredFigureDefinition[]> {
  let query = db.selectFrom('kpi_definition').selectAll()
  if (options.code !== undefined) query = query.where('code', '=', options.code)
  const rows = await query.orderBy('code').orderBy('version').execute()
  return rows.map((r) => ({
    code: r.code,
    version: r.version,
    validFrom: r.valid_from,
    nameDe: r.name_de,
    nameEn: r.name_en,
    explanationDe: r.explanation_de,
    explanationEn: r.explanation_en,
    numerator: r.numerator,
    denominator: r.denominator,
    unit: r.unit,
    transform: r.transform,
    polarity: r.polarity,
    hasSexBreakdown: r.has_sex_breakdown,
    legalSource: r.legal_source,
    isOfficial: r.is_official,
    confidentiality: r.confidentiality,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }))
}

export async function insertFigureDefinition(
  db: Kysely<DB>,
  definition: FigureDefinition & {
    isOfficial: boolean
    confidentiality: ConfidentialityClass
    createdBy: string
    createdAt: Date
  },
): Promise<void> {
  await db
    .insertInto('kpi_definition')
    .values({
      code: definition.code,
      version: definition.version,
      valid_from: definition.validFrom,
      name_de: definition.nameDe,
      name_en: definition.nameEn,
      explanation_de: definition.explanationDe,
      explanation_en: definition.explanationEn,
      numerator: definition.numerator,
      denominator: definition.denominator,
      unit: definition.unit,
      transform: definition.transform,
      polarity: definition.polarity,
      has_sex_breakdown: definition.hasSexBreakdown,
      legal_source: definition.legalSource,
      is_official: definition.isOfficial,
      confidentiality: definition.confidentiality,
      created_by: definition.createdBy,
      created_at: definition.createdAt,
    })
    .execute()
}

/** Own figures (distinct codes): in all, and those first defined by accounts of one organisation. */
export async function countOwnFigures(
  db: Kysely<DB>,
  options: { organisationId: number | null; createdBy: string },
): Promise<{ total: number; mine: number }> {
  // created_by is 'user:<id>' (API) or 'cli:<name>'; a figure belongs to whoever defined version 1.
  const row = await sql<{ total: number; mine: number }>`
    select count(*)::int as total,
      count(*) filter (where d.created_by = ${options.createdBy}
        or (${options.organisationId}::int is not null and u.organisation_id = ${options.organisationId}::int))::int as mine
    from kpi_definition d
    left join app_user u on d.created_by = 'user:' || u.id
    where not d.is_official and d.version = 1
  `.execute(db)
  return row.rows[0] ?? { total: 0, mine: 0 }
}

/** Codes of the monthly indicators: the vocabulary formulas may use. */
export async function listMonthlyIndicatorCodes(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('indicator').select('code').where('frequency', '=', 'monthly').execute()
  return rows.map((r) => r.code)
}
