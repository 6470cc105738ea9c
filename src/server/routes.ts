/** Every API route, in one list: the app registers them and the OpenAPI document describes them. */
import { healthSchema } from '../contracts/common'
import { changePasswordRoute, getSessionRoute, signInRoute, signOutRoute } from '../features/auth/auth.routes'
import { boundaryRoutes } from '../features/areas/boundary.routes'
import { collectionRoutes } from '../features/collections/collection.routes'
import { listAuditRoute } from '../features/audit/audit.routes'
import { acceptInvitationRoute, createInvitationRoute } from '../features/auth/invitation.routes'
import { listUsersRoute, updateUserRoute } from '../features/auth/user.routes'
import { listIndicatorsRoute } from '../features/indicators/indicator.routes'
import { kpiRoutes } from '../features/kpi/kpi.routes'
import {
  listImportBatchesRoute,
  listImportChangesRoute,
  listMappingsRoute,
  uploadImportRoute,
} from '../features/imports/import.routes'
import { allMeetingRoutes } from '../features/meetings/all-meeting-routes'
import {
  listObservationSeriesRoute,
  listObservationsRoute,
  listValueRevisionsRoute,
} from '../features/observations/observation.routes'
import { listOrganisationsRoute, listRingsRoute } from '../features/organisations/organisation.routes'
import { updateRingSharingRoute } from '../features/networks/ring-sharing.routes'
import { peerRoutes } from '../features/peers/peer.routes'
import { practiceRoutes } from '../features/practices/practice.routes'
import { selfAssessmentRoutes } from '../features/self-assessment/self-assessment.routes'
import { definePublicRoute, type AnyRoute } from './route'

export const healthRoute = definePublicRoute({
  method: 'GET',
  url: '/api/health',
  operationId: 'getHealth',
  summary: 'Liveness: the server runs and reaches its database',
  tag: 'system',
  access: { isPublic: true },
  response: healthSchema,
  async handler({ context }) {
    return {
      status: 'ok' as const,
      version: context.version,
      database: context.database.kind,
      isDemo: await context.isDemo(),
    }
  },
})

export const allRoutes: AnyRoute[] = [
  healthRoute,
  signInRoute,
  getSessionRoute,
  signOutRoute,
  changePasswordRoute,
  acceptInvitationRoute,
  createInvitationRoute,
  listUsersRoute,
  updateUserRoute,
  listAuditRoute,
  listOrganisationsRoute,
  listRingsRoute,
  updateRingSharingRoute,
  listIndicatorsRoute,
  listObservationsRoute,
  listObservationSeriesRoute,
  listValueRevisionsRoute,
  uploadImportRoute,
  listImportBatchesRoute,
  listImportChangesRoute,
  listMappingsRoute,
  ...kpiRoutes,
  ...practiceRoutes,
  ...selfAssessmentRoutes,
  ...allMeetingRoutes,
  ...peerRoutes,
  ...boundaryRoutes,
  ...collectionRoutes,
] as AnyRoute[]
