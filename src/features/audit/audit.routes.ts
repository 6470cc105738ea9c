import { auditListSchema, auditQuerySchema } from '../../contracts/auth'
import { PERMISSIONS } from '../../core/permissions'
import { defineRoute } from '../../server/route'
import { listAuditEntries } from './record-audit'

export const listAuditRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/audit',
  operationId: 'listAudit',
  summary: 'The audit log: every write with who, when, what, before and after (newest first)',
  tag: 'users',
  access: { roles: PERMISSIONS.viewAuditLog },
  query: auditQuerySchema,
  response: auditListSchema,
  async handler({ query, context }) {
    return { entries: await listAuditEntries(context.database.db, query) }
  },
})
