/**
 * The ring's learning spotlight ("Lern-Schlaglicht"), an agenda building block for the moderator:
 * per member the most realistic improvement potential with the practice cards and pooled effects
 * beside it. Members the caller may not see by name are left out (their potentials would show
 * their values); a member sees the spotlight of its own ring as far as its ring shares names.
 */
import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { isoDate } from '../../core/periods/dates'
import { canModerateRing, type Viewer } from '../../core/permissions'
import type { LearningSpotlightDto } from '../../contracts/potentials'
import type { DB } from '../../db/schema'
import { isAppError } from '../../core/errors/app-error'
import { listRingsAt } from '../networks/network.repository'
import { findImprovementPotentials } from './find-improvement-potentials'
import { gatherEvidence } from './gather-evidence'

export async function findLearningSpotlight(
  db: Kysely<DB>,
  options: { viewer: Viewer; ringId: number; period?: string; now: Date },
): Promise<LearningSpotlightDto> {
  const { viewer, ringId, now } = options
  const at = isoDate(now)
  const ring = (await listRingsAt(db, at)).find((r) => r.id === ringId)
  // The same answer for a ring that does not exist and one the caller has no part in.
  if (!ring || !(canModerateRing(viewer, ringId) || viewer.ringIds.includes(ringId)))
    throw notFound(message('meeting.unknownRingId', { ringId }))
  const items: LearningSpotlightDto['items'] = []
  let period: string | null = null
  for (const member of ring.members) {
    let found
    try {
      found = await findImprovementPotentials(db, {
        viewer,
        query: { org: String(member.organisationId), group: 'ring', period: options.period },
        now,
        withEvidence: false,
      })
    } catch (error) {
      // Not visible by name, or no figures for this member: not part of the spotlight.
      if (isAppError(error) && (error.code === 'not_found' || error.code === 'invalid_input')) continue
      throw error
    }
    period = found.period
    const top = found.potentials[0]
    if (!top) continue
    const evidence = await gatherEvidence(db, {
      viewer,
      figureCode: top.figure.code,
      polarity: top.figure.polarity,
      organisationId: found.organisation.id,
      betterPeerIds: new Set(top.betterPeers.map((p) => p.id)),
      now,
      at,
    })
    items.push({ organisation: found.organisation, potential: { ...top, evidence } })
  }
  return { ringId, period, items }
}
