import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { ringSchema } from '../../contracts/organisations'
import { canModerateRing, type Viewer } from '../../core/permissions'
import { orderAsSeen } from '../../core/pseudonymity/order-as-seen'
import type { DB } from '../../db/schema'
import { loadConfidentiality } from './load-confidentiality'
import { listRingsAt } from './network.repository'

type RingDto = z.infer<typeof ringSchema>

/**
 * Rings on a day. Every signed-in user sees which rings exist and how many members they have; the
 * members themselves only in the caller's own rings (by name or pseudonym, as the ring shares) and
 * in the rings a moderator moderates. Members are listed in the order of the names the caller sees
 * (the repository's order by real name would tell which pseudonym is whom).
 */
export async function listVisibleRings(
  db: Kysely<DB>,
  options: { viewer: Viewer; at: string },
): Promise<RingDto[]> {
  const { viewer, at } = options
  const confidentiality = await loadConfidentiality(db, at)
  const rings = await listRingsAt(db, at)
  return rings.map((ring) => {
    const isModerated = canModerateRing(viewer, ring.id)
    const isOwn = viewer.ringIds.includes(ring.id)
    const members = isModerated || isOwn ? ring.members : []
    return {
      ...ring,
      memberCount: ring.members.length,
      members: orderAsSeen(
        members.map((m) => {
          const visibility = confidentiality.visibilityOf(viewer, m.organisationId)
          if (visibility !== 'pseudonymised') return { ...m, isPseudonymised: false }
          const pseudonym = confidentiality.pseudonymFor(viewer, m.organisationId)
          return {
            organisationId: pseudonym?.id ?? 0,
            name: pseudonym?.name ?? '—',
            validFrom: m.validFrom,
            validTo: m.validTo,
            isPseudonymised: true,
          }
        }),
        (m) => m.name,
      ),
      abilities: { canViewMembers: isModerated || isOwn, canManage: isModerated },
    }
  })
}
