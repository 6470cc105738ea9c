import { observationListSchema, observationsQuerySchema } from '../../contracts/observations'
import { defineRoute, requireViewer } from '../../server/route'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { findOrganisationByKey, organisationNotFound } from '../organisations/find-organisation'
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
    const caller = requireViewer(viewer)
    const db = context.database.db
    // Figures next to a name: own organisation, named ring peers, moderated rings. Pseudonymised
    // peers and organisations outside the ring get the same answer as an unknown key, so that
    // this route tells nobody which figures belong to whom.
    const today = context.now().toISOString().slice(0, 10)
    const organisation = await findOrganisationByKey(db, query.org, today)
    const visibility = (await loadConfidentiality(db, today)).visibilityOf(caller, organisation.id)
    if (visibility !== 'full' && visibility !== 'named') throw organisationNotFound(query.org)
    return readObservations(db, query)
  },
})
