/** The council report of one organisation as a tagged landscape PDF or an editable PowerPoint file. */
import { z } from 'zod'
import { councilReportParamsSchema, councilReportQuerySchema } from '../../../contracts/potentials'
import { route } from '../../../server/route'
import { buildCouncilPptx } from './build-council-pptx'
import { buildCouncilReport, parseSections } from './build-council-report'
import { printCouncilPdf } from './print-council-report'

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation'

export const getCouncilReportRoute = route('improvement potential', 'GET /api/v1/reports/organisation/:org', {
  operationId: 'getCouncilReport',
  summary:
    'Report for the district council (Kreistag, Sozialausschuss): position, context, potentials, measures as PDF slides or PPTX',
  access: { roles: 'any' },
  params: councilReportParamsSchema,
  query: councilReportQuerySchema,
  response: z.string().describe('application/pdf or the PowerPoint type'),
  produces: 'application/pdf',
  async handler({ params, query, context, viewer, now, reply }) {
    const deck = await buildCouncilReport(context.database.db, {
      viewer,
      org: params.org,
      period: query.period,
      locale: query.lang,
      sections: parseSections(query.sections),
      now,
    })
    const isPdf = query.format === 'pdf'
    const file = isPdf ? await printCouncilPdf(deck) : await buildCouncilPptx(deck)
    return reply
      .type(isPdf ? 'application/pdf' : PPTX_TYPE)
      .header('content-disposition', `attachment; filename="${deck.fileStem}.${query.format}"`)
      .send(file)
  },
})

export const councilRoutes = [getCouncilReportRoute]
