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
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { FOR_ANY, queryAndScopeKey, route } from '../../server/route'
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
  db: Kysely<DB>,
  options: { viewer: Viewer; key: string; now: Date; indicators: readonly string[] },
) {
  const confidentiality = await loadConfidentiality(db, isoDate(options.now))
  await findOrganisationWithRawValues(db, {
    key: options.key,
    viewer: options.viewer,
    confidentiality,
    valueClass: await classOfIndicators(db, options.indicators),
  })
}

export const listObservationsRoute = route('observations', 'GET /api/v1/observations', {
  operationId: 'listObservations',
  summary: 'Values of one indicator for one organisation, optionally as known on a past date',
  access: FOR_ANY,
  query: observationsQuerySchema,
  response: observationListSchema,
  async handler({ query, context, viewer, now }) {
    await requireRawValues(context.database.db, {
      viewer,
      key: query.org,
      now,
      indicators: [query.indicator],
    })
    return readObservations(context.database.db, query)
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
  async handler({ query, context, viewer, now }) {
    await requireRawValues(context.database.db, { viewer, key: query.org, now, indicators: query.indicators })
    return readObservationSeries(context.database.db, query)
  },
})

export const listValueRevisionsRoute = route('observations', 'GET /api/v1/observations/revisions', {
  operationId: 'listValueRevisions',
  summary: 'Every revision of one value (organisation × indicator × period × breakdown), oldest first',
  access: FOR_ANY,
  query: valueRevisionsQuerySchema,
  response: valueRevisionListSchema,
  async handler({ query, context, viewer, now }) {
    // The same rule as the values themselves (listObservations).
    return listValueRevisions(context.database.db, { viewer, query, at: isoDate(now) })
  },
})
