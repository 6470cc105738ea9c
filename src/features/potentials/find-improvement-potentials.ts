/**
 * The improvement potentials of one organisation (core/benchlearning/improvement-potential.ts) with
 * their evidence, as the caller may see them. The figures come from the key-figure summaries
 * (features/kpi/prepare-figure-summaries.ts), so the caller sees exactly what the summaries show:
 * the organisation only by name, the group's quartiles only where the disclosure rules allow them
 * (otherwise the potential uses the group's mean and says so), the context model's expectation.
 */
import type { Kysely } from 'kysely'
import {
  computeFigurePotential,
  potentialBasisOf,
  rankPotentials,
  type FigurePotential,
} from '../../core/benchlearning/improvement-potential'
import { isAppError } from '../../core/errors/app-error'
import { betterSign } from '../../core/kpi/polarity'
import { isoDate } from '../../core/periods/dates'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { Viewer } from '../../core/permissions'
import type { FigureSummaryDto } from '../../contracts/kpi'
import type { FigurePotentialDto, PotentialsDto, PotentialsQuery } from '../../contracts/potentials'
import type { DB } from '../../db/schema'
import { readCatalogue } from '../kpi/figure-catalogue'
import { prepareFigureSummaries } from '../kpi/prepare-figure-summaries'
import { readFigureValues } from '../kpi/read-figure-values'
import { findOrganisationNames } from '../kpi/resolve-group'
import { gatherEvidence } from './gather-evidence'

export interface PotentialsOptions {
  viewer: Viewer
  query: PotentialsQuery
  now: Date
  /** Leave out the practice cards and effects (the council report and the spotlight need less). */
  withEvidence?: boolean
}

function potentialOf(summary: FigureSummaryDto): FigurePotential | null {
  const { figure, group, context } = summary
  if (summary.value === null) return null
  return computeFigurePotential({
    code: figure.code,
    polarity: figure.polarity,
    basis: potentialBasisOf(figure),
    actual: summary.value,
    denominator: summary.denominator,
    expectation: context ? { expected: context.expected, lower: context.lower, upper: context.upper } : null,
    peers: {
      label: group.label,
      disclosure: group.disclosure.level,
      n: group.n,
      mean: group.mean,
      q1: group.q1,
      q3: group.q3,
    },
  })
}

export async function findImprovementPotentials(
  db: Kysely<DB>,
  options: PotentialsOptions,
): Promise<PotentialsDto> {
  const { viewer, query, now } = options
  const prepared = await prepareFigureSummaries(db, {
    request: { org: query.org, group: query.group, period: query.period, breakdown: 'total' },
    viewer,
    now,
  })
  const { organisation, month, scope, group, memo } = prepared
  // Potentials join figures with the organisation's peers, cards and adoptions (network data): only
  // for an organisation the caller sees by name under the network rules, public figures or not.
  scope.forClass('network').requireNamed(organisation.id, query.org)
  const catalogue = await memo('catalogue', () => readCatalogue(db))
  const codes = catalogue.figures.filter((f) => f.current.isOfficial).map((f) => f.code)
  const unavailable: PotentialsDto['unavailable'] = []
  const summaries = new Map<string, FigureSummaryDto>()
  for (const code of codes) {
    try {
      const summary = await prepared.summarise(code)
      if (summary.value === null)
        unavailable.push({ figure: code, reason: summary.missing?.reason ?? 'not_delivered' })
      else summaries.set(code, summary)
    } catch (error) {
      if (!isAppError(error)) throw error
      unavailable.push({ figure: code, reason: error.message })
    }
  }
  const potentials = [...summaries.values()].map(potentialOf)
  const ranked = rankPotentials(potentials)
  const withoutGap = potentials
    .filter((p): p is FigurePotential => p !== null && p.tier === null)
    .map((p) => p.code)

  // Better peers: members of the group the caller may see by name, with their values.
  const namedPeers = group.organisationIds.filter((id) => id !== organisation.id && scope.canSeeNamed(id))
  const names = await findOrganisationNames(db, namedPeers)
  const at = isoDate(now)
  const result: FigurePotentialDto[] = []
  for (const potential of ranked) {
    const summary = summaries.get(potential.code)!
    const values = await readFigureValues(db, {
      code: potential.code,
      breakdown: 'total',
      organisationIds: namedPeers,
      from: month,
      to: month,
    })
    const sign = betterSign(potential.polarity)
    const betterPeers = namedPeers
      .map((id) => {
        const cell = values.get(id)?.[0]
        return { id, name: names.get(id) ?? String(id), value: cell?.value ?? null, source: cell?.source }
      })
      .filter(
        (p): p is FigurePotentialDto['betterPeers'][number] => p.value !== null && p.source !== undefined,
      )
      .filter((p) => sign * (p.value - potential.actual) > 0)
      .sort((a, b) => sign * (b.value - a.value) || a.name.localeCompare(b.name))
    const { figure } = summary
    result.push({
      figure: {
        code: figure.code,
        nameDe: figure.nameDe,
        nameEn: figure.nameEn,
        unit: figure.unit,
        polarity: figure.polarity,
      },
      actual: potential.actual,
      numerator: summary.numerator,
      denominator: summary.denominator,
      source: summary.source,
      tier: potential.tier!,
      standardisedGap: potential.standardisedGap,
      toExpected: potential.toExpected,
      toPeers: potential.toPeers,
      disclosure: summary.group.disclosure,
      betterPeers,
      evidence:
        options.withEvidence === false
          ? []
          : await gatherEvidence(db, {
              viewer,
              figureCode: potential.code,
              polarity: potential.polarity,
              organisationId: organisation.id,
              betterPeerIds: new Set(betterPeers.map((p) => p.id)),
              now,
              at,
            }),
    })
  }
  return {
    organisation: { id: organisation.id, name: organisation.name },
    period: formatPeriod(monthFromIndex(month)),
    group: { kind: query.group, label: group.label },
    ringId: viewer.organisationId === organisation.id ? (viewer.ringIds[0] ?? null) : null,
    potentials: result,
    withoutGap,
    unavailable,
  }
}
