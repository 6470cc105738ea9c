/**
 * The data-wide parts of the official figures' summaries — each figure's statistics of every ring
 * and its context-model fit for the latest month, and when the newest revision was recorded (which
 * decides how the figures as of a member's last visit are answered) — computed ahead, so that the first page loads
 * after a start or a data change (an import, a computation, a ring change) do not each wait for
 * them: ~0.5 s for the first member of a ring on the embedded database, ~10 ms for everybody after.
 * Nothing here is shown to anybody: it only fills the key-figure caches (kpi-cache.ts), keyed by the
 * data version like everything in them; what a caller may see is still decided per request.
 */
import type { Kysely } from 'kysely'
import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { listRingsAt } from '../networks/network.repository'
import { kpiMemo } from './kpi-cache'
import { latestRevisionAt, prepareFigureSummaries } from './prepare-figure-summaries'

/** Sees every organisation: the caches it fills hold no per-viewer part. */
const WARMING_VIEWER: Viewer = {
  userId: 0,
  role: 'admin',
  organisationId: null,
  ringIds: [],
  moderatedRingIds: 'all',
}

/** Summarises the official figures for one member of each ring valid today; returns the rings warmed. */
export async function warmFigureCaches(db: Kysely<DB>, options: { now: Date }): Promise<number> {
  // A returning member's page asks for the figures as of the last visit: this decides how.
  await latestRevisionAt(db, await kpiMemo(db))
  const rings = await listRingsAt(db, isoDate(options.now))
  let warmed = 0
  for (const ring of rings) {
    const member = ring.members[0]
    if (!member) continue
    const { summarise, codes } = await prepareFigureSummaries(db, {
      request: { org: String(member.organisationId), group: 'ring', breakdown: 'total' },
      viewer: WARMING_VIEWER,
      now: options.now,
    })
    // A figure that cannot be summarised (no values yet) is answered with its reason on request.
    for (const code of codes) await summarise(code).catch(() => undefined)
    warmed++
  }
  return warmed
}
