/**
 * The sharing setting of a ring: whether its members see each other by name or under pseudonyms.
 * Administrators change it for every ring, moderators for the rings they moderate; every change is
 * written to the audit log together with the setting before.
 */
import {
  ringIdParamsSchema,
  ringSharingSchema,
  updateRingSharingRequestSchema,
} from '../../contracts/organisations'
import { notFound } from '../../core/errors/app-error'
import { canModerateRing } from '../../core/permissions'
import { defineRoute, requireViewer } from '../../server/route'
import { recordAudit } from '../audit/record-audit'
import { findUserById } from '../auth/user.repository'

export const updateRingSharingRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/rings/:id/sharing',
  operationId: 'updateRingSharing',
  summary: "Change a ring's sharing setting (named or pseudonymised); audited",
  tag: 'organisations',
  access: { roles: ['admin', 'moderator'] },
  params: ringIdParamsSchema,
  body: updateRingSharingRequestSchema,
  response: ringSharingSchema,
  async handler({ params, body, context, viewer, request }) {
    const caller = requireViewer(viewer)
    const now = context.now()
    return context.database.transaction(async (tx) => {
      const ring = await tx.db
        .selectFrom('ring')
        .select(['id', 'code', 'name', 'sharing'])
        .where('id', '=', params.id)
        .executeTakeFirst()
      // A ring the caller does not moderate does not exist for them.
      if (!ring || !canModerateRing(caller, ring.id)) throw notFound(`no ring with the id ${params.id}`)
      await tx.db.updateTable('ring').set({ sharing: body.sharing }).where('id', '=', ring.id).execute()
      const actor = await findUserById(tx.db, caller.userId)
      await recordAudit(tx.db, {
        actor: { userId: caller.userId, label: actor?.email ?? `user ${caller.userId}` },
        action: 'ring.update_sharing',
        entity: 'ring',
        entityId: ring.id,
        before: { code: ring.code, sharing: ring.sharing },
        after: { code: ring.code, sharing: body.sharing },
        ip: request.ip,
        at: now,
      })
      return { ...ring, sharing: body.sharing, previousSharing: ring.sharing }
    })
  },
})
