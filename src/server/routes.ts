/** Every API route, in one list: the app registers them and the OpenAPI document describes them. */
import { aboutSchema, healthSchema } from '../contracts/common'
import {
  changePasswordRoute,
  getFirstLoadRoute,
  getSessionRoute,
  signInRoute,
  signOutRoute,
} from '../features/auth/auth.routes'
import { boundaryRoutes } from '../features/areas/boundary.routes'
import { collectionRoutes } from '../features/collections/collection.routes'
import { listAuditRoute } from '../features/audit/audit.routes'
import {
  acceptInvitationRoute,
  createInvitationRoute,
  previewInvitationRoute,
} from '../features/auth/invitation.routes'
import { passwordResetRoutes } from '../features/auth/password-reset.routes'
import { listUsersRoute, updateUserRoute } from '../features/auth/user.routes'
import { mailRoutes } from '../features/mail/mail.routes'
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
import { publishedFigureRoutes } from '../features/published-figures/published-figure.routes'
import { potentialRoutes } from '../features/potentials/potential.routes'
import { councilRoutes } from '../features/reports/council/council.routes'
import { selfAssessmentRoutes } from '../features/self-assessment/self-assessment.routes'
import { ssoRoutes } from '../features/single-sign-on/sso.routes'
import { secondFactorRoutes } from '../features/auth/second-factor.routes'
import { batchRoute } from './batch'
import { healthChecks } from './monitoring'
import { definePublicRoute, type AnyRoute } from './route'

export const healthRoute = definePublicRoute({
  method: 'GET',
  url: '/api/health',
  operationId: 'getHealth',
  summary: 'Health: the server runs, reaches its database, and its checks and workers (docs/operations.md)',
  tag: 'system',
  access: { isPublic: true },
  response: healthSchema,
  async handler({ context }) {
    const checks = await Promise.all(
      healthChecks.map(async (c) => ({ name: c.name, ...(await c.check(context)) })),
    )
    return {
      status: checks.every((c) => c.status === 'ok') ? ('ok' as const) : ('degraded' as const),
      version: context.version,
      database: context.database.kind,
      isDemo: await context.isDemo(),
      checks,
      workers: context.workers.map((w) => ({
        name: w.name,
        lastRunAt: w.lastRunAt?.toISOString() ?? null,
        isFailing: w.lastError !== null,
      })),
    }
  },
})

export const aboutRoute = definePublicRoute({
  method: 'GET',
  url: '/api/v1/about',
  operationId: 'getAbout',
  summary: "What every page's footer shows: the version, and whether the data are the demo's",
  tag: 'system',
  access: { isPublic: true },
  response: aboutSchema,
  // The same for everybody; whether the network is the demo's is in the data version.
  cacheKey: () => 'all',
  async handler({ context }) {
    return { version: context.version, isDemo: await context.isDemo() }
  },
})

export const allRoutes: AnyRoute[] = [
  healthRoute,
  aboutRoute,
  batchRoute,
  signInRoute,
  getSessionRoute,
  getFirstLoadRoute,
  signOutRoute,
  changePasswordRoute,
  acceptInvitationRoute,
  previewInvitationRoute,
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
  ...publishedFigureRoutes,
  ...passwordResetRoutes,
  ...mailRoutes,
  ...ssoRoutes,
  ...secondFactorRoutes,
  ...potentialRoutes,
  ...councilRoutes,
] as AnyRoute[]
