import {
  observationListSchema,
  observationSeriesListSchema,
  observationSeriesQuerySchema,
  observationsQuerySchema,
  valueRevisionListSchema,
  valueRevisionsQuerySchema,
} from '../../contracts/observations'
import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import type { AppContext } from '../../server/context'
import { FOR_ANY, queryAndScopeKey, readerOnDayOf, route } from '../../server/route'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { listValueRevisions } from './list-value-revisions'
import { classOfIndicators, findOrganisationWithRawValues } from './raw-value-access'
import { readObservationSeries, readObservations } from './read-observations'

/**
 * Figures next to a name: own organisation, named ring peers, moderated rings, and public values of
 * anyone. Pseudonymised peers and organisations outside the ring (for network values) get the same
 * answer as an unknown key, so that these routes tell nobody which figures belong to whom.
 */
async function requireRawValues(
  input: { context: AppContext; viewer: Viewer; now: Date; query: { org: string } },
  indicators: readonly string[],
) {
  const db = input.context.database.db
  const confidentiality = await loadConfidentiality(db, isoDate(input.now))
  await findOrganisationWithRawValues(db, {
    key: input.query.org,
    viewer: input.viewer,
    confidentiality,
    valueClass: await classOfIndicators(db, indicators),
  })
}

export const listObservationsRoute = route('observations', 'GET /api/v1/observations', {
  operationId: 'listObservations',
  summary: 'Values of one indicator for one organisation, optionally as known on a past date',
  access: FOR_ANY,
  query: observationsQuerySchema,
  response: observationListSchema,
  async handler(input) {
    await requireRawValues(input, [input.query.indicator])
    return readObservations(input.context.database.db, input.query)
  },
})

export const listObservationSeriesRoute = route('observations', 'GET /api/v1/observations/series', {
  operationId: 'listObservationSeries',
  summary: 'Values of several indicators for one organisation in one answer (the rule of /observations)',
  access: FOR_ANY,
  query: observationSeriesQuerySchema,
  response: observationSeriesListSchema,
  // Values change only with an import batch (in the data version); as of a past instant is computed afresh.
  cacheKey: ({ query, viewer }) => (query.asOf ? undefined : queryAndScopeKey(query, viewer)),
  async handler(input) {
    await requireRawValues(input, input.query.indicators)
    return readObservationSeries(input.context.database.db, input.query)
  },
})

export const listValueRevisionsRoute = route('observations', 'GET /api/v1/observations/revisions', {
  operationId: 'listValueRevisions',
  summary: 'Every revision of one value (organisation × indicator × period × breakdown), oldest first',
  access: FOR_ANY,
  query: valueRevisionsQuerySchema,
  response: valueRevisionListSchema,
  // The same rule as the values themselves (listObservations).
  handler: (input) =>
    listValueRevisions(input.context.database.db, { ...readerOnDayOf(input), query: input.query }),
})
