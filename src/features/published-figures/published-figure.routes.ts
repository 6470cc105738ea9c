import { PERMISSIONS } from '../../core/permissions'
import { importBatchParamsSchema } from '../../contracts/imports'
import {
  figureReconciliationParamsSchema,
  figureReconciliationQuerySchema,
  figureReconciliationSchema,
  reconciliationSchema,
} from '../../contracts/published-figures'
import { defineRoute, readerOnDayOf } from '../../server/route'
import { loadBatchReconciliation } from './load-batch-reconciliation'
import { loadFigureReconciliation } from './load-figure-reconciliation'

export const getImportReconciliationRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/imports/:id/reconciliation',
  operationId: 'getImportReconciliation',
  summary:
    'The reconciliation report of an import of published figure values: every value whose computation differs from the publication beyond rounding',
  tag: 'imports',
  access: { roles: PERMISSIONS.viewImports },
  params: importBatchParamsSchema,
  response: reconciliationSchema,
  handler: (input) =>
    loadBatchReconciliation(input.context.database.db, { ...readerOnDayOf(input), batchId: input.params.id }),
})

export const getFigureReconciliationRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/kpi/figures/:code/reconciliation',
  operationId: 'getFigureReconciliation',
  summary:
    'The published values of a figure and month reconciled with the computed ones, for the organisations you see in full',
  tag: 'kpi',
  access: { roles: 'any' },
  params: figureReconciliationParamsSchema,
  query: figureReconciliationQuerySchema,
  response: figureReconciliationSchema,
  handler: ({ params, query, ...input }) =>
    loadFigureReconciliation(input.context.database.db, {
      ...readerOnDayOf(input),
      code: params.code,
      period: query.period,
      breakdown: query.breakdown,
    }),
})

export const publishedFigureRoutes = [getImportReconciliationRoute, getFigureReconciliationRoute]
