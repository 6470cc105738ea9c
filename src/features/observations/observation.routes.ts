import {
  observationListSchema,
  observationsQuerySchema,
  valueRevisionListSchema,
  valueRevisionsQuerySchema,
} from '../../contracts/observations'
import { defineRoute, requireViewer } from '../../server/route'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { listValueRevisions } from './list-value-revisions'
import { findOrganisationWithRawValues } from './raw-value-access'
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
  async handler({ query, context, viewer }) {
    const db = context.database.db
    // Figures next to a name: own organisation, named ring peers, moderated rings. Pseudonymised
    // peers and organisations outside the ring get the same answer as an unknown key, so that
    // this route tells nobody which figures belong to whom.
    const today = context.now().toISOString().slice(0, 10)
    await findOrganisationWithRawValues(db, {
      key: query.org,
      viewer: requireViewer(viewer),
      confidentiality: await loadConfidentiality(db, today),
    })
    return readObservations(db, query)
  },
})

export const listValueRevisionsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/observations/revisions',
  operationId: 'listValueRevisions',
  summary: 'Every revision of one value (organisation × indicator × period × breakdown), oldest first',
  tag: 'observations',
  access: { roles: 'any' },
  query: valueRevisionsQuerySchema,
  response: valueRevisionListSchema,
  async handler({ query, context, viewer }) {
    // The same rule as the values themselves (listObservations).
    return listValueRevisions(context.database.db, {
      viewer: requireViewer(viewer),
      query,
      at: context.now().toISOString().slice(0, 10),
    })
  },
})
