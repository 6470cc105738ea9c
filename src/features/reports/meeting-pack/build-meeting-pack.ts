/**
 * The data of a meeting pack, from live data and as the requesting user may see it: the meeting
 * with agenda, the ring's key figures, spotlights, open actions, new practices and the
 * self-assessment comparison. "Datenstand" is the latest month of the key figures used.
 */
import { sentOf, type PackNote } from './pack-note'
import { orderAsSeen } from '../../../core/pseudonymity/order-as-seen'
import type { Kysely } from 'kysely'
import type { Viewer } from '../../../core/permissions'
import type { ActionItemDto, MeetingDetailDto, OrgRef, SpotlightDto } from '../../../contracts/meetings'
import { isAppError } from '../../../core/errors/app-error'
import type { DB } from '../../../db/schema'
import { computeFigureGroupStatistics } from '../../kpi/group-statistics'
import { monthIndexOf, monthStart } from '../../kpi/load-series'
import { findFigureDefinition, resolvePeriod } from '../../kpi/read-figure-values'
import { formatPeriod, monthFromIndex } from '../../../core/periods/period'
import { isoDate } from '../../../core/periods/dates'
import { getMeetingDetail } from '../../meetings/get-meeting-detail'
import { loadAgendaBlocks } from '../../meetings/load-agenda-blocks'
import { loadMeetingScope } from '../../meetings/load-meeting-scope'
import { findMeeting, findPreviousMeetingStart } from '../../meetings/meeting.repository'
import { listMemberIds } from '../../networks/network.repository'
import { loadPartnerSections, type PartnerSections } from './partner-sections'
import type { Polarity } from '../../../core/kpi/polarity'
import { combineSources, type SourceMix } from '../../../core/kpi/value-source'

/** The figures of the overview table, in this order. */
export const PACK_FIGURES = ['K2', 'K2E4', 'K3E1', 'K1', 'K3', 'K1E4'] as const

export interface FigureColumn {
  code: string
  nameDe: string
  nameEn: string
  polarity: Polarity
  median: number | null
  /** Where the ring's values of the month come from (computed, published or both). */
  source: SourceMix
}

export interface MeetingPack {
  meeting: MeetingDetailDto
  /** "2025-06" or null when no key figures are computed. */
  dataPeriod: string | null
  figures: FigureColumn[]
  rows: { organisation: OrgRef; values: (number | null)[]; isHost: boolean }[]
  spotlights: SpotlightDto[]
  /** Figure names and polarity by code, for the spotlights' sentences in either language. */
  figureNames: Record<string, { de: string; en: string; polarity: Polarity }>
  openActions: ActionItemDto[]
  partner: PartnerSections
  notes: PackNote[]
  generatedAt: Date
}

export async function buildMeetingPack(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetingId: number; period?: string; now: Date },
): Promise<MeetingPack> {
  const { viewer, now } = options
  const detail = await getMeetingDetail(db, { viewer, id: options.meetingId, now })
  const meeting = await findMeeting(db, options.meetingId)
  const today = isoDate(now)
  const scope = await loadMeetingScope(db, { viewer, at: today })
  const notes: PackNote[] = []
  let month: number | null = null
  try {
    month = options.period ? monthIndexOf(options.period) : await resolvePeriod(db, undefined)
  } catch (error) {
    if (!isAppError(error)) throw error
    notes.push({ about: 'figures', reason: sentOf(error) })
  }
  const figures: FigureColumn[] = []
  const rows: MeetingPack['rows'] = []
  if (month !== null && meeting.ring_id !== null) {
    const ids = await listMemberIds(db, { ringId: meeting.ring_id }, monthStart(month))
    const group = {
      kind: 'ring' as const,
      label: detail.ring?.name ?? '',
      organisationIds: ids,
      ringId: meeting.ring_id,
    }
    const values = new Map<number, (number | null)[]>(ids.map((id) => [id, []]))
    for (const code of PACK_FIGURES) {
      try {
        const stats = await computeFigureGroupStatistics(db, { code, breakdown: 'total', month, group })
        figures.push({
          code,
          nameDe: stats.dto.figure.nameDe,
          nameEn: stats.dto.figure.nameEn,
          polarity: stats.dto.figure.polarity,
          median: stats.dto.median,
          source: combineSources(stats.dto.members.filter((m) => m.value !== null).map((m) => m.source)),
        })
        for (const id of ids)
          values.get(id)!.push(stats.dto.members.find((m) => m.organisationId === id)?.value ?? null)
      } catch (error) {
        if (!isAppError(error)) throw error
        notes.push({ about: 'figure', code, reason: sentOf(error) })
      }
    }
    for (const id of ids) {
      const ref = scope.orgRef(id)
      if (ref)
        rows.push({ organisation: ref, values: values.get(id)!, isHost: id === meeting.host_organisation_id })
    }
    rows.splice(0, rows.length, ...orderAsSeen(rows, (r) => r.organisation.name))
  } else if (meeting.ring_id === null) {
    notes.push({ about: 'networkWide' })
  }
  const blocks = await loadAgendaBlocks(db, {
    scope,
    meeting,
    period: month !== null ? formatPeriod(monthFromIndex(month)) : undefined,
    today,
  })
  const spotlights = month !== null ? blocks.spotlights : []
  const figureNames: MeetingPack['figureNames'] = {}
  for (const f of figures) figureNames[f.code] = { de: f.nameDe, en: f.nameEn, polarity: f.polarity }
  for (const s of spotlights)
    if (!figureNames[s.figureCode]) {
      const definition = await findFigureDefinition(db, s.figureCode)
      figureNames[s.figureCode] = {
        de: definition.nameDe,
        en: definition.nameEn,
        polarity: definition.polarity,
      }
    }
  const openActions = [
    ...blocks.openActions,
    ...detail.actions.filter((a) => a.status === 'open' || a.status === 'in_progress'),
  ]
  // "New" practices: published since the ring's previous meeting (or within the last 4 months).
  const previous = await findPreviousMeetingStart(db, { ringId: meeting.ring_id, before: meeting.starts_on })
  const since = previous
    ? new Date(`${previous}T00:00:00Z`)
    : new Date(Date.parse(`${meeting.starts_on}T00:00:00Z`) - 120 * 86_400_000)
  const partner = await loadPartnerSections(db, { ringId: meeting.ring_id, since, viewer, now })
  return {
    meeting: detail,
    dataPeriod: month !== null ? formatPeriod(monthFromIndex(month)) : null,
    figures,
    rows,
    spotlights,
    figureNames,
    openActions,
    partner,
    notes: [...notes, ...partner.notes],
    generatedAt: now,
  }
}
