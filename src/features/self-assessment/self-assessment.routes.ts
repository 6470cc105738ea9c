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
import { PERMISSIONS } from '../../core/permissions'
import { FOR_ANY, requireNetworkWideManager, route } from '../../server/route'
import { compareSelfAssessments } from './compare-self-assessments'
import { createCycle, listCycles, updateCycle } from './manage-cycles'
import { readAnswers, saveAnswers } from './self-assessment-answers'

async function readCycle(db: Parameters<typeof listCycles>[0], id: number) {
  const cycle = (await listCycles(db)).find((c) => c.id === id)
  if (!cycle) throw notFound(message('cycle.unknown', { cycle: id, codes: '–' }))
  return cycle
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
  access: { roles: PERMISSIONS.manageSelfAssessment },
  body: createCycleRequestSchema,
  response: cycleSchema,
  async handler({ body, context, request, actor, viewer, now }) {
    requireNetworkWideManager(viewer, 'cycles')
    const id = await createCycle(context.database, {
      request: body,
      actor,
      now,
      ip: request.ip,
    })
    return readCycle(context.database.db, id)
  },
})

export const updateCycleRoute = route('self-assessment', 'PATCH /api/v1/self-assessment/cycles/:id', {
  operationId: 'updateSelfAssessmentCycle',
  summary: 'Change a cycle’s template (areas, scale labels; the scale range only before the first answer)',
  access: { roles: PERMISSIONS.manageSelfAssessment },
  params: cycleParamsSchema,
  body: updateCycleRequestSchema,
  response: cycleSchema,
  async handler({ params, body, context, request, actor, viewer, now }) {
    requireNetworkWideManager(viewer, 'cycles')
    await updateCycle(context.database, {
      id: params.id,
      request: body,
      actor,
      now,
      ip: request.ip,
    })
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
  async handler({ params, query, context, viewer, now }) {
    return readAnswers(context.database.db, {
      viewer,
      cycleId: params.id,
      organisationId: query.org,
      at: isoDate(now),
    })
  },
})

export const saveAnswersRoute = route('self-assessment', 'PUT /api/v1/self-assessment/cycles/:id/answers', {
  operationId: 'saveSelfAssessmentAnswers',
  summary: 'Save the own organisation’s scores and evidence notes (administrators: any organisation)',
  access: { roles: PERMISSIONS.answerSelfAssessment },
  params: cycleParamsSchema,
  body: saveAnswersRequestSchema,
  response: answerSheetSchema,
  async handler({ params, body, context, viewer, request, actor, now }) {
    const organisationId = await saveAnswers(context.database, {
      viewer,
      cycleId: params.id,
      request: body,
      actor,
      now,
      ip: request.ip,
    })
    return readAnswers(context.database.db, {
      viewer,
      cycleId: params.id,
      organisationId,
      at: isoDate(now),
    })
  },
})

export const compareSelfAssessmentsRoute = route('self-assessment', 'GET /api/v1/self-assessment/compare', {
  operationId: 'compareSelfAssessments',
  summary: 'Ring comparison per enabler area: score, mean, median, best, gap, change; radar series',
  access: FOR_ANY,
  query: compareQuerySchema,
  response: selfAssessmentComparisonSchema,
  async handler({ query, context, viewer, now }) {
    return compareSelfAssessments(context.database.db, {
      ringId: query.ring,
      cycleId: query.cycle,
      organisationId: query.org,
      viewer,
      now,
    })
  },
})

export const selfAssessmentRoutes = [
  listCyclesRoute,
  createCycleRoute,
  updateCycleRoute,
  getAnswersRoute,
  saveAnswersRoute,
  compareSelfAssessmentsRoute,
]
