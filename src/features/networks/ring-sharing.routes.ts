/** The sharing setting of a ring over HTTP (set-ring-sharing.ts). */
import {
  ringIdParamsSchema,
  ringSharingSchema,
  updateRingSharingRequestSchema,
} from '../../contracts/organisations'
import { PERMISSIONS } from '../../core/permissions'
import { route, writerWithIpOf } from '../../server/route'
import { setRingSharing } from './set-ring-sharing'

export const updateRingSharingRoute = route('organisations', 'PATCH /api/v1/rings/:id/sharing', {
  operationId: 'updateRingSharing',
  summary: "Change a ring's sharing setting (named or pseudonymised); audited",
  access: { roles: PERMISSIONS.manageRings },
  params: ringIdParamsSchema,
  body: updateRingSharingRequestSchema,
  response: ringSharingSchema,
  handler: (input) =>
    setRingSharing(input.context.database, {
      ...writerWithIpOf(input),
      ringId: input.params.id,
      sharing: input.body.sharing,
    }),
})
