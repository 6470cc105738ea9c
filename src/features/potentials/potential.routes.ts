/**
 * Routes of improvement potentials: the organisation's potentials, the ring's learning spotlight
 * and "we want to try this" (a practice card as a topic for the ring's next meeting).
 */
import { PERMISSIONS } from '../../core/permissions'
import { idParamsSchema, tryPracticeResponseSchema } from '../../contracts/meetings'
import {
  learningSpotlightQuerySchema,
  learningSpotlightSchema,
  potentialsQuerySchema,
  potentialsSchema,
} from '../../contracts/potentials'
import { readerOf, route, writerOf } from '../../server/route'
import { findImprovementPotentials } from './find-improvement-potentials'
import { findLearningSpotlight } from './find-learning-spotlight'
import { tryPractice } from './try-practice'

const TAG = 'improvement potential'

export const getPotentialsRoute = route(TAG, 'GET /api/v1/potentials', {
  operationId: 'getImprovementPotentials',
  summary:
    'Improvement potential of one organisation per figure (to its expected value and to better peers) with its evidence',
  access: { roles: 'any' },
  query: potentialsQuerySchema,
  response: potentialsSchema,
  handler: (input) =>
    findImprovementPotentials(input.context.database.db, { ...readerOf(input), query: input.query }),
})

export const getLearningSpotlightRoute = route(TAG, 'GET /api/v1/rings/:id/learning-spotlight', {
  operationId: 'getLearningSpotlight',
  summary: "The ring's learning spotlight: each member's most realistic potential with practices and effects",
  access: { roles: 'any' },
  params: idParamsSchema,
  query: learningSpotlightQuerySchema,
  response: learningSpotlightSchema,
  handler: ({ params, query, ...input }) =>
    findLearningSpotlight(input.context.database.db, {
      ...readerOf(input),
      ringId: params.id,
      period: query.period,
    }),
})

export const tryPracticeRoute = route(TAG, 'POST /api/v1/practices/:id/try', {
  operationId: 'tryPractice',
  summary:
    "We want to try this: the practice card as a topic for the caller's ring's next meeting, once per organisation",
  access: { roles: PERMISSIONS.proposeTopics },
  params: idParamsSchema,
  response: tryPracticeResponseSchema,
  handler: (input) =>
    tryPractice(input.context.database, { ...writerOf(input), practiceId: input.params.id }),
})

export const potentialRoutes = [getPotentialsRoute, getLearningSpotlightRoute, tryPracticeRoute]
