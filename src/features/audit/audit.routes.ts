import { auditListSchema, auditQuerySchema } from '../../contracts/auth'
import { PERMISSIONS } from '../../core/permissions'
import { route } from '../../server/route'
import { listAuditEntries } from './record-audit'

export const listAuditRoute = route('users', 'GET /api/v1/audit', {
  operationId: 'listAudit',
  summary: 'The audit log: every write with who, when, what, before and after (newest first)',
  access: { roles: PERMISSIONS.viewAuditLog },
  query: auditQuerySchema,
  response: auditListSchema,
  async handler({ query, context }) {
    return { entries: await listAuditEntries(context.database.db, query) }
  },
})
