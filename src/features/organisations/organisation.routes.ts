import {
  organisationListSchema,
  organisationsQuerySchema,
  ringListSchema,
  ringsQuerySchema,
} from '../../contracts/organisations'
import { isoDate } from '../../core/periods/dates'
import { FOR_ANY, queryAndScopeKey, route } from '../../server/route'
import { listVisibleRings } from '../networks/list-visible-rings'
import { listVisibleOrganisations } from './list-visible-organisations'

export const listOrganisationsRoute = route('organisations', 'GET /api/v1/organisations', {
  operationId: 'listOrganisations',
  summary: 'Organisations with their areas (district keys), sites, partners and ring',
  access: FOR_ANY,
  query: organisationsQuerySchema,
  response: organisationListSchema,
  cacheKey: ({ query, viewer }) => queryAndScopeKey(query, viewer),
  async handler({ query, context, viewer, now }) {
    return {
      organisations: await listVisibleOrganisations(context.database.db, {
        viewer,
        at: query.at ?? isoDate(now),
      }),
    }
  },
})

export const listRingsRoute = route('organisations', 'GET /api/v1/rings', {
  operationId: 'listRings',
  summary: 'Comparison rings (Vergleichsringe) and their members on a given day',
  access: FOR_ANY,
  query: ringsQuerySchema,
  response: ringListSchema,
  cacheKey: ({ query, viewer }) => queryAndScopeKey(query, viewer),
  async handler({ query, context, viewer, now }) {
    const at = query.at ?? isoDate(now)
    return { at, rings: await listVisibleRings(context.database.db, { viewer, at }) }
  },
})
