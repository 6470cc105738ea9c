/** The sharing setting of a ring over HTTP (set-ring-sharing.ts). */
import {
  ringIdParamsSchema,
  ringSharingSchema,
  updateRingSharingRequestSchema,
} from '../../contracts/organisations'
import { PERMISSIONS } from '../../core/permissions'
import { route } from '../../server/route'
import { setRingSharing } from './set-ring-sharing'

export const updateRingSharingRoute = route('organisations', 'PATCH /api/v1/rings/:id/sharing', {
  operationId: 'updateRingSharing',
  summary: "Change a ring's sharing setting (named or pseudonymised); audited",
  access: { roles: PERMISSIONS.manageRings },
  params: ringIdParamsSchema,
  body: updateRingSharingRequestSchema,
  response: ringSharingSchema,
  async handler({ params, body, context, viewer, actor, now, request }) {
    return setRingSharing(context.database, {
      viewer,
      actor,
      ringId: params.id,
      sharing: body.sharing,
      now,
      ip: request.ip,
    })
  },
})
