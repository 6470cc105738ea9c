/**
 * The self-assessment comparison of a ring, as one caller may see it (the meeting pack uses it too).
 * Members' scores are listed by name or pseudonym when the caller may see the ring's members;
 * callers outside the ring get the statistics only where at least MIN_AGGREGATE_SIZE answered.
 */
import { orderAsSeen } from '../../core/pseudonymity/order-as-seen'
import type { Kysely } from 'kysely'
import {
  compareSelfAssessments as compareScores,
  type ScoreTable,
} from '../../core/benchlearning/self-assessment-compare'
import { forbidden, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { canShowAggregate, type Viewer } from '../../core/permissions'
import type { SelfAssessmentComparisonDto } from '../../contracts/self-assessment'
import type { DB } from '../../db/schema'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { listRingsAt } from '../networks/network.repository'
import { findPreviousCycle, resolveCycle } from './manage-cycles'
import { listAreaRows, listCycleRows, listResponses, type ResponseRow } from './self-assessment.repository'
import { isoDate } from '../../core/periods/dates'

function toTable(rows: readonly ResponseRow[]): ScoreTable {
  const table = new Map<number, Map<string, number>>()
  for (const r of rows) {
    let byArea = table.get(r.organisationId)
    if (!byArea) table.set(r.organisationId, (byArea = new Map()))
    byArea.set(r.areaCode, r.score)
  }
  return table
}

/** A ring by code (R01) or id. */
async function resolveRing(db: Kysely<DB>, key: string | number) {
  const text = String(key)
  const ring = await db
    .selectFrom('ring')
    .select(['id', 'code', 'name', 'sharing'])
    .where((eb) =>
      /^\d+$/.test(text)
        ? eb.or([eb('code', '=', text), eb('id', '=', Number(text))])
        : eb('code', '=', text),
    )
    .executeTakeFirst()
  if (!ring) throw notFound(message('selfAssessment.compareNoRing', { ring: text }))
  return ring
}

export async function compareSelfAssessments(
  db: Kysely<DB>,
  options: {
    /** Ring code (R01) or id. */
    ringId: string | number
    /** Cycle code or id; default the latest cycle. */
    cycleId?: string | number
    viewer: Viewer
    /** Focus organisation (id, or a pseudonym id the caller saw); default the caller's own when in the ring. */
    organisationId?: number
    now: Date
  },
): Promise<SelfAssessmentComparisonDto> {
  const { viewer } = options
  const today = isoDate(options.now)
  const ring = await resolveRing(db, options.ringId)
  const cycle = await resolveCycle(db, options.cycleId)
  // Members as the cycle closed (or today, while it runs): the ring the answers were given in.
  const at = cycle.endsOn < today ? cycle.endsOn : today
  const members =
    (await listRingsAt(db, at)).find((r) => r.id === ring.id)?.members.map((m) => m.organisationId) ?? []
  const confidentiality = await loadConfidentiality(db, today)
  const visibilityOf = (id: number) => confidentiality.visibilityOf(viewer, id)
  const seesMembers = members.some((id) => visibilityOf(id) !== 'none')

  const labelOf = (id: number) => {
    const visibility = visibilityOf(id)
    if (visibility === 'pseudonymised') {
      const p = confidentiality.pseudonymFor(viewer, id)
      if (p) return { id: p.id, name: p.name, isPseudonymised: true, isOwn: false }
    }
    return {
      id,
      name: names.get(id) ?? `#${id}`,
      isPseudonymised: false,
      isOwn: viewer.organisationId === id,
    }
  }
  const nameRows = members.length
    ? await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', members).execute()
    : []
  const names = new Map(nameRows.map((r) => [r.id, r.name]))

  let focusId: number | undefined
  if (options.organisationId !== undefined) {
    const requested = options.organisationId
    focusId =
      requested < 0
        ? members.find((id) => confidentiality.pseudonymFor(viewer, id)?.id === requested)
        : requested
    if (focusId === undefined || !members.includes(focusId) || visibilityOf(focusId) === 'none')
      throw forbidden(
        message('selfAssessment.compareNotVisibleMember', { organisationId: requested, ring: ring.code }),
      )
  } else if (viewer.organisationId !== null && members.includes(viewer.organisationId)) {
    focusId = viewer.organisationId
  }

  const cycles = await listCycleRows(db)
  const previous = findPreviousCycle(cycles, cycle)
  const areas = await listAreaRows(db, [cycle.id])
  const current = await listResponses(db, { cycleId: cycle.id, organisationIds: members })
  const previousRows = previous
    ? await listResponses(db, { cycleId: previous.id, organisationIds: members })
    : []
  const result = compareScores({
    areas: areas.map((a) => ({ code: a.code, name: a.nameDe })),
    scale: { min: cycle.scaleMin, max: cycle.scaleMax },
    scores: toTable(current),
    organisationId: focusId,
    previous: previous
      ? { scale: { min: previous.scaleMin, max: previous.scaleMax }, scores: toTable(previousRows) }
      : undefined,
  })
  // Outside the ring, as the disclosure rules have it (docs/security.md): never an order statistic
  // (median, best, worst, the gap to the best are single answers), and the mean only over at least
  // MIN_AGGREGATE_SIZE answers of a cycle whose answer period has ended (while it runs, the mean
  // before and after one more answer would give that answer).
  const isCycleOver = cycle.endsOn < today
  const areasOut = result.areas.map((a, i) => {
    const isMeanShown = seesMembers || (isCycleOver && canShowAggregate(a.respondents))
    const orderStatistics = seesMembers ? {} : { median: null, best: null, worst: null, gapToBest: null }
    return {
      code: a.code,
      name: a.name,
      nameEn: areas[i]!.nameEn,
      score: a.score,
      organisationCount: a.respondents,
      median: a.median,
      best: a.best,
      worst: a.worst,
      gapToBest: a.gapToBest,
      previousScore: a.previousScore,
      change: a.change,
      ...orderStatistics,
      mean: isMeanShown ? a.mean : null,
      previousMean: isMeanShown ? a.previousMean : null,
      meanChange: isMeanShown ? a.meanChange : null,
    }
  })
  const radar = {
    indicators: result.radar.indicators,
    series: result.radar.series.map((s) => ({
      key: s.key,
      values:
        s.key === 'mean' || s.key === 'best'
          ? areasOut.map((a) => (s.key === 'mean' ? a.mean : a.best))
          : s.values,
    })),
  }
  const table = toTable(current)
  return {
    cycle: { id: cycle.id, code: cycle.code, name: cycle.name },
    previousCycle: previous ? { id: previous.id, code: previous.code } : null,
    isPreviousComparable: result.isPreviousComparable,
    ring: { id: ring.id, code: ring.code, name: ring.name, sharing: ring.sharing },
    scale: { min: cycle.scaleMin, max: cycle.scaleMax, levels: cycle.scaleLevels },
    focus: focusId === undefined ? null : labelOf(focusId),
    areas: areasOut,
    radar,
    members: seesMembers
      ? orderAsSeen(
          members
            .filter((id) => visibilityOf(id) !== 'none' && table.has(id))
            .map((id) => ({ organisation: labelOf(id), scores: Object.fromEntries(table.get(id)!) })),
          (m) => m.organisation.name,
        )
      : [],
    isDemo: cycle.isDemo,
  }
}
