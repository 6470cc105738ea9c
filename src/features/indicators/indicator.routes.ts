import { indicatorListSchema } from '../../contracts/indicators'
import { FOR_ANY, route } from '../../server/route'
import { kpiMemo } from '../kpi/kpi-cache'
import { listIndicators } from './indicator.repository'

export const listIndicatorsRoute = route('indicators', 'GET /api/v1/indicators', {
  operationId: 'listIndicators',
  summary: 'The indicator catalogue: raw series and context indicators with source and licence',
  access: FOR_ANY,
  response: indicatorListSchema,
  // The same list for every caller.
  cacheKey: () => 'all',
  async handler({ context }) {
    const db = context.database.db
    // The same list for every caller until an indicator changes (indicators are in the data version).
    return { indicators: await (await kpiMemo(db))('indicators', () => listIndicators(db)) }
  },
})
