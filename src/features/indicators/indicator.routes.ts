import { indicatorListSchema } from '../../contracts/indicators'
import { defineRoute } from '../../server/route'
import { listIndicators } from './indicator.repository'

export const listIndicatorsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/indicators',
  operationId: 'listIndicators',
  summary: 'The indicator catalogue: raw series and context indicators with source and licence',
  tag: 'indicators',
  access: { roles: 'any' },
  response: indicatorListSchema,
  async handler({ context }) {
    return { indicators: await listIndicators(context.database.db) }
  },
})
