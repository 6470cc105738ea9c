import type { Kysely } from 'kysely'
import { conflict, detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import {
  checkFigureDefinitions,
  checkNewFigureDefinition,
  listFigureBreakdowns,
  OWN_FIGURE_LIMITS,
  type CheckedFigure,
  type FigureDefinition,
} from '../../core/kpi'
import type { CatalogueDto, CreateFigureRequest, FigureDto } from '../../contracts/kpi'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { sql } from 'kysely'
import {
  countOwnFigures,
  insertFigureDefinition,
  listFigureDefinitions,
  listMonthlyIndicatorCodes,
  type StoredFigureDefinition,
} from './kpi-definition.repository'
import { recordAudit, type AuditActor } from '../audit/record-audit'

const DISPLAY: Record<FigureDefinition['transform'], string> = {
  percent: 'ratio · 100',
  change_rate: '(ratio − 1) · 100',
}

function toVersionDto(d: StoredFigureDefinition): FigureDto['current'] {
  return { ...d, createdAt: d.createdAt.toISOString() }
}

/** The catalogue: every figure with its latest version, its version history and what it needs. */
export async function readCatalogue(db: Kysely<DB>): Promise<CatalogueDto> {
  const definitions = await listFigureDefinitions(db)
  const checked = checkFigureDefinitions({
    definitions,
    vocabulary: { indicatorCodes: await listMonthlyIndicatorCodes(db) },
  })
  const history = requiredMonthsByCode(checked)
  const byCode = new Map<string, StoredFigureDefinition[]>()
  for (const d of definitions) {
    const list = byCode.get(d.code)
    if (list) list.push(d)
    else byCode.set(d.code, [d])
  }
  const figures = [...byCode.entries()].map(([code, versions]) =>
    toFigureDto(versions, history.get(code) ?? 0),
  )
  // Official figures first, in the regulation's order (K1, K1E1 … K3E4), then own figures by code.
  figures.sort(
    (a, b) =>
      Number(b.current.isOfficial) - Number(a.current.isOfficial) ||
      a.code.localeCompare(b.code, 'en', { numeric: true }),
  )
  return { figures }
}

function requiredMonthsByCode(checked: readonly CheckedFigure[]): Map<string, number> {
  const history = new Map<string, number>()
  for (const c of checked)
    history.set(c.definition.code, Math.max(history.get(c.definition.code) ?? 0, c.requiredHistory))
  return history
}

/** One figure of the catalogue from its versions (ordered by version). */
function toFigureDto(versions: readonly StoredFigureDefinition[], requiredMonths: number): FigureDto {
  const current = versions[versions.length - 1]!
  return {
    code: current.code,
    current: toVersionDto(current),
    versions: versions.map(toVersionDto),
    breakdowns: listFigureBreakdowns(current),
    display: DISPLAY[current.transform],
    requiredMonths,
  }
}

export async function readFigure(db: Kysely<DB>, code: string): Promise<FigureDto> {
  const figure = (await readCatalogue(db)).figures.find((f) => f.code === code)
  if (!figure) throw notFound(message('kpi.noFigure', { code }))
  return figure
}

/**
 * Adds an own figure, or a new version of an own figure. The formulas are parsed and checked
 * together with every existing definition, so unknown indicators, bad syntax (with position),
 * cycles through other figures and formulas beyond the limits (core/kpi/formula-limits.ts) are
 * rejected before anything is written; so are figures beyond the number an organisation, the
 * network or a figure's versions may have. Official figures are versioned by migrations only.
 * The work is one read of the definitions and one check of them, whatever is defined already.
 */
export async function createFigure(
  database: Database,
  options: {
    request: CreateFigureRequest
    createdBy: string
    /** The organisation of the account that defines (its figures count against the organisation's limit). */
    organisationId?: number | null
    now?: Date
    actor?: AuditActor
  },
): Promise<FigureDto> {
  const { request } = options
  return database.transaction(async (tx) => {
    // Definitions are added one at a time, so that two at once cannot both pass the limits.
    await sql`lock table kpi_definition in share row exclusive mode`.execute(tx.db)
    const existing = await listFigureDefinitions(tx.db)
    const versions = existing.filter((d) => d.code === request.code)
    if (versions.some((v) => v.isOfficial)) {
      throw conflict(message('kpi.officialNotRedefined', { code: request.code }), [
        detail(message('kpi.officialFigure'), { field: 'code', value: request.code }),
      ])
    }
    const indicatorCodes = await listMonthlyIndicatorCodes(tx.db)
    if (indicatorCodes.some((c) => c.toUpperCase() === request.code)) {
      throw invalidInput(
        message('kpi.confusedWithIndicator', { code: request.code, indicator: request.code.toLowerCase() }),
        [detail(message('kpi.sameNameAsIndicator'), { field: 'code', value: request.code })],
      )
    }
    const validFrom = `${request.validFrom}-01`
    const latest = versions[versions.length - 1]
    if (latest && validFrom <= latest.validFrom) {
      throw conflict(
        message('kpi.versionStartsTooEarly', {
          code: request.code,
          month: latest.validFrom.slice(0, 7),
          version: latest.version,
        }),
        [
          detail(message('kpi.expectedMonthAfter', { month: latest.validFrom.slice(0, 7) }), {
            field: 'validFrom',
            value: request.validFrom,
          }),
        ],
      )
    }
    const definition: FigureDefinition = {
      code: request.code,
      version: (latest?.version ?? 0) + 1,
      validFrom,
      nameDe: request.nameDe,
      nameEn: request.nameEn,
      explanationDe: request.explanationDe,
      explanationEn: request.explanationEn,
      numerator: request.numerator,
      denominator: request.denominator,
      unit: request.unit,
      transform: request.transform,
      polarity: request.polarity,
      hasSexBreakdown: request.hasSexBreakdown,
      legalSource: request.legalSource,
    }
    const checked = checkNewFigureDefinition({ definition, existing, vocabulary: { indicatorCodes } })
    await checkOwnFigureCount(tx.db, {
      code: request.code,
      versions: versions.length,
      createdBy: options.createdBy,
      organisationId: options.organisationId ?? null,
    })
    const stored: StoredFigureDefinition = {
      ...definition,
      isOfficial: false,
      // Own figures are formulas over members' values: never public, whatever their inputs.
      confidentiality: 'network',
      createdBy: options.createdBy,
      createdAt: options.now ?? new Date(),
    }
    await insertFigureDefinition(tx.db, stored)
    await recordAudit(tx.db, {
      actor: options.actor ?? { userId: null, label: options.createdBy },
      action: latest ? 'kpi_definition.version' : 'kpi_definition.create',
      entity: 'kpi_definition',
      entityId: `${definition.code} v${definition.version}`,
      before: latest ?? undefined,
      after: definition,
      at: options.now ?? new Date(),
    })
    return toFigureDto([...versions, stored], requiredMonthsByCode(checked).get(request.code) ?? 0)
  })
}

/** Refuses a figure beyond OWN_FIGURE_LIMITS (a new figure) or beyond its versions (a new version). */
async function checkOwnFigureCount(
  db: Kysely<DB>,
  options: { code: string; versions: number; createdBy: string; organisationId: number | null },
): Promise<void> {
  const { code } = options
  if (options.versions >= OWN_FIGURE_LIMITS.versionsPerFigure)
    throw invalidInput(
      message('kpi.tooManyVersions', {
        code,
        versions: options.versions,
        max: OWN_FIGURE_LIMITS.versionsPerFigure,
      }),
      [
        detail(message('kpi.expectedFewerVersions', { max: OWN_FIGURE_LIMITS.versionsPerFigure }), {
          field: 'code',
          value: code,
        }),
      ],
    )
  if (options.versions > 0) return
  const count = await countOwnFigures(db, options)
  const limit = (who: 'network' | 'organisation' | 'account', max: number) =>
    invalidInput(message(`kpi.${who}FigureLimit`, { max }), [
      detail(message(`kpi.${who}FigureLimitDetail`, { max }), { field: 'code', value: code }),
    ])
  if (count.total >= OWN_FIGURE_LIMITS.total) throw limit('network', OWN_FIGURE_LIMITS.total)
  if (count.mine >= OWN_FIGURE_LIMITS.perOrganisation)
    throw limit(options.organisationId ? 'organisation' : 'account', OWN_FIGURE_LIMITS.perOrganisation)
}
