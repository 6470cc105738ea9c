/**
 * Rings from a peer model: from a chosen day, the network's current ring memberships end the day
 * before and every group of the model becomes a ring (an open ring with the same code is kept, so
 * its sharing setting and moderators stay; others are created; rings the model no longer has end).
 * An organisation's ring history is then the sequence of its memberships.
 */
import { sql } from 'kysely'
import { conflict, detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { addDays, isCalendarDay } from '../../core/periods/dates'
import type { ApplyPeerModelResultDto } from '../../contracts/peers'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { findMeetingsOffRings } from '../meetings/find-meetings-off-rings'
import { insertRing, insertRingMemberships } from '../networks/network.repository'
import { findPeerModel } from './peer-model.repository'
import { listPeerOrganisations } from './peer-organisation.repository'

function dayBefore(day: string): string {
  if (!isCalendarDay(day))
    throw invalidInput(message('peers.notCalendarDay', { day }), [
      detail(message('peers.expectedIsoDate'), { field: 'validFrom', value: day }),
    ])
  return addDays(day, -1)
}

/** Creates rings and memberships from the model, valid from `validFrom`, in one transaction. */
export async function applyPeerModel(
  database: Database,
  options: { modelId: number; validFrom: string; actor: AuditActor; now: Date },
): Promise<ApplyPeerModelResultDto> {
  const { validFrom } = options
  const previousDay = dayBefore(validFrom)
  return database.transaction(async (tx) => {
    const db = tx.db
    const model = await findPeerModel(db, options.modelId)
    const networkId = model.networkId
    if (networkId === null) throw invalidInput(message('peers.modelWithoutNetwork', { modelId: model.id }))
    const rings = await db
      .selectFrom('ring')
      .select(['id', 'code', 'name', 'valid_from', 'valid_to'])
      .where('network_id', '=', networkId)
      .execute()
    const later = await db
      .selectFrom('ring_membership as m')
      .innerJoin('ring as r', 'r.id', 'm.ring_id')
      .select(['r.code', 'm.valid_from'])
      .where('r.network_id', '=', networkId)
      .where('m.valid_from', '>=', validFrom)
      .execute()
    const laterRings = rings.filter((r) => r.valid_from >= validFrom)
    if (later.length > 0 || laterRings.length > 0)
      throw conflict(
        message('peers.laterRingChanges', {
          validFrom,
          rings: [...new Set([...later, ...laterRings].map((r) => `${r.code} from ${r.valid_from}`))]
            .slice(0, 5)
            .join(', '),
        }),
        [detail(message('peers.expectedAfterLatestChange'), { field: 'validFrom', value: validFrom })],
      )
    const open = rings.filter((r) => r.valid_to === null || r.valid_to >= validFrom)
    const ringIds = rings.map((r) => r.id)
    let endedMemberships = 0
    if (ringIds.length > 0) {
      const ended = await db
        .updateTable('ring_membership')
        .set({ valid_to: previousDay })
        .where('ring_id', 'in', ringIds)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', validFrom)]))
        .executeTakeFirst()
      endedMemberships = Number(ended.numUpdatedRows)
    }
    const result: ApplyPeerModelResultDto['rings'] = []
    const keptCodes = new Set<string>()
    for (const group of model.groups) {
      if (group.members.length === 0) continue
      const existing = open.find((r) => r.code === group.code)
      const ringId =
        existing?.id ?? (await insertRing(db, { networkId, code: group.code, name: group.name, validFrom }))
      keptCodes.add(group.code)
      await insertRingMemberships(
        db,
        ringId,
        group.members.map((m) => ({ organisationId: m.id, validFrom })),
      )
      result.push({
        ringId,
        code: group.code,
        name: existing?.name ?? group.name,
        members: group.members.length,
        isNew: !existing,
      })
    }
    const endedRings = open.filter((r) => !keptCodes.has(r.code))
    if (endedRings.length > 0)
      await db
        .updateTable('ring')
        .set({ valid_to: previousDay })
        .where(
          'id',
          'in',
          endedRings.map((r) => r.id),
        )
        .execute()
    const grouped = new Set(model.groups.flatMap((g) => g.members.map((m) => m.id)))
    const withoutRing = (await listPeerOrganisations(db, { networkId, at: validFrom }))
      .filter((o) => !grouped.has(o.id))
      .map((o) => ({ organisationId: o.id, name: o.name, ags5: o.ags5, landCode: o.landCode }))
    const summary: ApplyPeerModelResultDto = {
      modelId: model.id,
      networkId,
      validFrom,
      rings: result,
      endedMemberships,
      endedRings: endedRings.map((r) => r.code),
      withoutRing,
      meetingsToCheck: await findMeetingsOffRings(db, { networkId, from: validFrom }),
    }
    await recordAudit(db, {
      actor: options.actor,
      action: 'peer_model.apply',
      entity: 'peer_model',
      entityId: model.id,
      after: {
        ...summary,
        groups: model.groups.map((g) => ({ code: g.code, organisationIds: g.members.map((m) => m.id) })),
      },
      at: options.now,
    })
    // The database checks nothing about overlaps; make sure no organisation is now in two rings at once.
    const doubled = await sql<{ organisation_id: number }>`
      select m.organisation_id from ring_membership m join ring r on r.id = m.ring_id
      where r.network_id = ${networkId} and m.valid_from <= ${validFrom}::date
        and (m.valid_to is null or m.valid_to >= ${validFrom}::date)
      group by m.organisation_id having count(*) > 1
    `.execute(db)
    if (doubled.rows.length > 0)
      throw conflict(message('peers.twoRingsAfterApply', { count: doubled.rows.length, validFrom }))
    return summary
  })
}
