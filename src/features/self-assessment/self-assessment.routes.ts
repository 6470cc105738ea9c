import { message } from '../../core/messages/text'
import {
  answerSheetSchema,
  answersQuerySchema,
  compareQuerySchema,
  createCycleRequestSchema,
  cycleListSchema,
  cycleParamsSchema,
  cycleSchema,
  saveAnswersRequestSchema,
  selfAssessmentComparisonSchema,
  updateCycleRequestSchema,
} from '../../contracts/self-assessment'
import { notFound } from '../../core/errors/app-error'
import { isoDate } from '../../core/periods/dates'
import { PERMISSIONS, type Viewer } from '../../core/permissions'
import type { AppContext } from '../../server/context'
import { FOR_ANY, readerOf, requireNetworkWideManager, route, writerWithIpOf } from '../../server/route'
import { compareSelfAssessments } from './compare-self-assessments'
import { createCycle, listCycles, updateCycle } from './manage-cycles'
import { readAnswers, saveAnswers } from './self-assessment-answers'

async function readCycle(db: Parameters<typeof listCycles>[0], id: number) {
  const cycle = (await listCycles(db)).find((c) => c.id === id)
  if (!cycle) throw notFound(message('cycle.unknown', { cycle: id, codes: '–' }))
  return cycle
}

const MANAGERS = { roles: PERMISSIONS.manageSelfAssessment }

/** The writer of a change to a cycle's template: administrators and moderators of all rings only. */
function cycleWriterOf(input: Parameters<typeof writerWithIpOf>[0]) {
  requireNetworkWideManager(input.viewer, 'cycles')
  return writerWithIpOf(input)
}

/** One organisation's answers in the cycle of the path, as the caller sees them on the request's day. */
function readAnswersOf(
  input: { context: AppContext; viewer: Viewer; now: Date; params: { id: number } },
  organisationId: number | undefined,
) {
  const { context, viewer, params, now } = input
  return readAnswers(context.database.db, { viewer, cycleId: params.id, organisationId, at: isoDate(now) })
}

export const listCyclesRoute = route('self-assessment', 'GET /api/v1/self-assessment/cycles', {
  operationId: 'listSelfAssessmentCycles',
  summary: 'Self-assessment cycles with their enabler areas and maturity scale',
  access: FOR_ANY,
  response: cycleListSchema,
  async handler({ context }) {
    return { cycles: await listCycles(context.database.db) }
  },
})

export const createCycleRoute = route('self-assessment', 'POST /api/v1/self-assessment/cycles', {
  operationId: 'createSelfAssessmentCycle',
  summary: 'Open a cycle (default template: the seven PES enabler areas, maturity 1–5)',
  access: MANAGERS,
  body: createCycleRequestSchema,
  response: cycleSchema,
  async handler(input) {
    const id = await createCycle(input.context.database, { ...cycleWriterOf(input), request: input.body })
    return readCycle(input.context.database.db, id)
  },
})

export const updateCycleRoute = route('self-assessment', 'PATCH /api/v1/self-assessment/cycles/:id', {
  operationId: 'updateSelfAssessmentCycle',
  summary: 'Change a cycle’s template (areas, scale labels; the scale range only before the first answer)',
  access: MANAGERS,
  params: cycleParamsSchema,
  body: updateCycleRequestSchema,
  response: cycleSchema,
  async handler(input) {
    const { params, body, context } = input
    await updateCycle(context.database, { ...cycleWriterOf(input), id: params.id, request: body })
    return readCycle(context.database.db, params.id)
  },
})

export const getAnswersRoute = route('self-assessment', 'GET /api/v1/self-assessment/cycles/:id/answers', {
  operationId: 'getSelfAssessmentAnswers',
  summary: 'One organisation’s answers with evidence notes (own in full; ring peers as the ring shares)',
  access: FOR_ANY,
  params: cycleParamsSchema,
  query: answersQuerySchema,
  response: answerSheetSchema,
  handler: (input) => readAnswersOf(input, input.query.org),
})

export const saveAnswersRoute = route('self-assessment', 'PUT /api/v1/self-assessment/cycles/:id/answers', {
  operationId: 'saveSelfAssessmentAnswers',
  summary: 'Save the own organisation’s scores and evidence notes (administrators: any organisation)',
  access: { roles: PERMISSIONS.answerSelfAssessment },
  params: cycleParamsSchema,
  body: saveAnswersRequestSchema,
  response: answerSheetSchema,
  async handler(input) {
    const options = { ...writerWithIpOf(input), cycleId: input.params.id, request: input.body }
    return readAnswersOf(input, await saveAnswers(input.context.database, options))
  },
})

export const compareSelfAssessmentsRoute = route('self-assessment', 'GET /api/v1/self-assessment/compare', {
  operationId: 'compareSelfAssessments',
  summary: 'Ring comparison per enabler area: score, mean, median, best, gap, change; radar series',
  access: FOR_ANY,
  query: compareQuerySchema,
  response: selfAssessmentComparisonSchema,
  handler: ({ query, ...input }) =>
    compareSelfAssessments(input.context.database.db, {
      ...readerOf(input),
      ringId: query.ring,
      cycleId: query.cycle,
      organisationId: query.org,
    }),
})

export const selfAssessmentRoutes = [
  listCyclesRoute,
  createCycleRoute,
  updateCycleRoute,
  getAnswersRoute,
  saveAnswersRoute,
  compareSelfAssessmentsRoute,
]
