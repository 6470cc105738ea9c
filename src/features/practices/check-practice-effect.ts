/**
 * The effect check on a practice card: for one adoption and every figure linked to the card, the
 * difference-in-differences of the adopter against its ring peers (core/benchlearning/effect-check).
 */
import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import {
  checkEffect,
  describeEffect,
  EFFECT_WINDOW,
  type MonthlyValues,
} from '../../core/benchlearning/effect-check'
import { combineSources, type ValueSource } from '../../core/kpi'
import type { Viewer } from '../../core/permissions'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { EffectCheckDto, FigureEffectDto } from '../../contracts/practices'
import type { DB } from '../../db/schema'
import { findLatestComputedMonth } from '../kpi/kpi-value.repository'
import { findLatestObservedMonth, monthIndexOf } from '../kpi/load-series'
import { findFigureDefinition, findLatestFigureMonth, readFigureValues } from '../kpi/read-figure-values'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { listRingsAt } from '../networks/network.repository'
import { listAdoptions } from './practice.repository'
import { loadOrganisationLabeller } from './practice-scope'
import { findReadablePractice } from './read-practice'
import { isoDate } from '../../core/periods/dates'
import { message } from '../../core/messages/text'

export const EFFECT_CAVEAT = {
  de: 'Hinweis, kein Beweis: Der Vergleich mit den Ringpartnern vorher und nachher zeigt, ob sich die Kennzahl nach der Einführung anders entwickelt hat. Er kann nicht ausschließen, dass andere Ursachen den Unterschied erklären.',
  en: 'An indication, not proof: comparing the ring peers before and after shows whether the figure developed differently after the start. It cannot rule out that other causes explain the difference.',
}

const label = (month: number) => formatPeriod(monthFromIndex(month))

export async function checkPracticeEffect(
  db: Kysely<DB>,
  options: { viewer: Viewer; practiceId: number; adoptionId: number; now: Date },
): Promise<EffectCheckDto> {
  const { viewer } = options
  const practice = await findReadablePractice(db, { viewer, id: options.practiceId })
  const adoption = (await listAdoptions(db, practice.id)).find((a) => a.id === options.adoptionId)
  const at = isoDate(options.now)
  const labeller = await loadOrganisationLabeller(db, {
    viewer,
    at,
    organisationIds: adoption ? [adoption.organisationId] : [],
  })
  // The check shows the adopter's figures: only for callers who may see them (by name or pseudonym).
  if (!adoption || !labeller.canSeeFigures(adoption.organisationId))
    throw notFound(message('practice.noAdoption', { adoptionId: options.adoptionId, id: practice.id }))

  const start = monthIndexOf(adoption.startedOn)
  const from = start + EFFECT_WINDOW.beforeFrom
  const windowEnd = start + EFFECT_WINDOW.afterTo
  const adopterRings =
    (await findOrganisationRings(db, { at: adoption.startedOn, ids: [adoption.organisationId] })).get(
      adoption.organisationId,
    )?.rings ?? []
  const ringId = adopterRings[0]?.id ?? null
  const ring =
    ringId === null ? undefined : (await listRingsAt(db, adoption.startedOn)).find((r) => r.id === ringId)
  // Peers: the ring's members when the adopter started, without organisations that adopted the
  // card themselves before the after window ended (their change would carry the same effect).
  const otherAdopters = new Set(
    (await listAdoptions(db, practice.id))
      .filter((a) => a.id !== adoption.id && monthIndexOf(a.startedOn) <= windowEnd)
      .map((a) => a.organisationId),
  )
  const peerIds = (ring?.members ?? [])
    .map((m) => m.organisationId)
    .filter((id) => id !== adoption.organisationId && !otherAdopters.has(id))

  // Stored figures when they have been computed; otherwise computed on the fly from the raw series.
  // Either way the official publication fills the months without a computed value.
  const computed = await findLatestComputedMonth(db)
  const asOf = computed === undefined ? options.now : undefined
  const observed = computed === undefined ? await findLatestObservedMonth(db, options.now) : undefined
  const lastAvailable = Math.max((await findLatestFigureMonth(db)) ?? from - 1, observed ?? from - 1)
  const to = Math.min(windowEnd, lastAvailable)

  const figures: FigureEffectDto[] = []
  for (const code of practice.figureCodes) {
    const definition = await findFigureDefinition(db, code)
    const values = new Map<number, Map<number, number | null>>()
    const sources: ValueSource[] = []
    if (to >= from) {
      const table = await readFigureValues(db, {
        code,
        breakdown: 'total',
        organisationIds: [adoption.organisationId, ...peerIds],
        from,
        to,
        asOf,
      })
      for (const [id, list] of table) {
        values.set(id, new Map(list.map((v, i) => [from + i, v.value])))
        for (const v of list) if (v.value !== null) sources.push(v.source)
      }
    }
    const empty: MonthlyValues = new Map()
    const adopterValues = values.get(adoption.organisationId) ?? empty
    const peers = new Map(peerIds.map((id) => [id, values.get(id) ?? empty]))
    const result = checkEffect({
      startMonth: start,
      lastAvailableMonth: lastAvailable,
      adopter: adopterValues,
      peers,
      polarity: definition.polarity,
    })
    const series: FigureEffectDto['series'] = []
    for (let m = from; m <= windowEnd; m++) {
      const peerValues = peerIds
        .map((id) => peers.get(id)!.get(m))
        .filter((v): v is number => v !== null && v !== undefined)
      series.push({
        period: label(m),
        adopter: adopterValues.get(m) ?? null,
        peerMean: peerValues.length > 0 ? peerValues.reduce((a, b) => a + b, 0) / peerValues.length : null,
      })
    }
    const isEstimated = result.isEstimated
    figures.push({
      figureCode: code,
      nameDe: definition.nameDe,
      nameEn: definition.nameEn,
      polarity: definition.polarity,
      breakdown: 'total',
      isEstimated,
      refusalReason: result.isEstimated ? null : result.reason,
      window: {
        start: label(start),
        beforeFrom: label(start + EFFECT_WINDOW.beforeFrom),
        beforeTo: label(start + EFFECT_WINDOW.beforeTo),
        afterFrom: label(start + EFFECT_WINDOW.afterFrom),
        afterTo: label(start + EFFECT_WINDOW.afterTo),
      },
      adopterBefore: result.isEstimated ? result.adopter.before : null,
      adopterAfter: result.isEstimated ? result.adopter.after : null,
      adopterChange: result.isEstimated ? result.adopter.change : null,
      peerCount: result.peerCount,
      peerMeanChange: result.isEstimated ? result.peerMeanChange : null,
      estimate: result.isEstimated ? result.estimate : null,
      standardError: result.isEstimated ? result.standardError : null,
      confidence: result.isEstimated ? result.confidence : 0.95,
      lower: result.isEstimated ? result.lower : null,
      upper: result.isEstimated ? result.upper : null,
      favourableEffect: result.isEstimated ? result.favourableEffect : null,
      direction: result.isEstimated ? result.direction : null,
      wording: describeEffect({ result, figureCode: code }),
      source: combineSources(sources),
      series,
    })
  }
  return {
    practiceId: practice.id,
    adoption: {
      id: adoption.id,
      organisation: labeller.label(adoption.organisationId),
      startedOn: adoption.startedOn,
      note: adoption.note,
      canViewEffect: true,
      effectUrl: `/api/v1/practices/${practice.id}/adoptions/${adoption.id}/effect`,
    },
    ring: ring ? { id: ring.id, code: ring.code, name: ring.name } : null,
    figures,
    caveat: EFFECT_CAVEAT,
  }
}
