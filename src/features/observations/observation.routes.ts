import { observationListSchema, observationsQuerySchema } from '../../contracts/observations'
import { defineRoute } from '../../server/route'
import { readObservations } from './read-observations'

export const listObservationsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/observations',
  operationId: 'listObservations',
  summary: 'Values of one indicator for one organisation, optionally as known on a past date',
  tag: 'observations',
  access: { roles: 'any' },
  query: observationsQuerySchema,
  response: observationListSchema,
  async handler({ query, context }) {
    return readObservations(context.database.db, query)
  },
})
