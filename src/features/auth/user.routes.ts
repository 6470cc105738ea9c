import { updateUserRequestSchema, userIdParamsSchema, userListSchema, userSchema } from '../../contracts/auth'
import { PERMISSIONS } from '../../core/permissions'
import { readerOnDayOf, route, writerWithIpOf } from '../../server/route'
import { listVisibleUsers } from './list-visible-users'
import { updateUser } from './update-user'

export const listUsersRoute = route('users', 'GET /api/v1/users', {
  operationId: 'listUsers',
  summary: 'Accounts: all for administrators, member accounts of their rings for moderators',
  access: { roles: PERMISSIONS.manageUsers },
  response: userListSchema,
  handler: async (input) => ({
    users: await listVisibleUsers(input.context.database.db, readerOnDayOf(input)),
  }),
})

export const updateUserRoute = route('users', 'PATCH /api/v1/users/:id', {
  operationId: 'updateUser',
  summary: 'Change an account: name, role, organisation, language, disabled, moderated rings',
  access: { roles: PERMISSIONS.manageUsers },
  params: userIdParamsSchema,
  body: updateUserRequestSchema,
  response: userSchema,
  handler: (input) =>
    updateUser(input.context.database, {
      ...writerWithIpOf(input),
      id: input.params.id,
      changes: input.body,
    }),
})
