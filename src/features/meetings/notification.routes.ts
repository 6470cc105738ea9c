/** Routes of the caller's notifications: the list (with the timed ones added) and marking them read. */
import {
  idParamsSchema,
  markReadResponseSchema,
  notificationListQuerySchema,
  notificationListSchema,
} from '../../contracts/meetings'
import { defineRoute, type RouteInput } from '../../server/route'
import { listNotifications } from './list-notifications'
import { readerOf, TAG } from './meeting-route-parts'
import { markUserNotificationsRead } from './notification.repository'
import { refreshTimedNotifications } from './refresh-timed-notifications'

export const listNotificationsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/notifications',
  operationId: 'listNotifications',
  summary: "The caller's notifications (upcoming meeting, invitation, new practice, action due, minutes)",
  tag: TAG,
  access: { roles: 'any' },
  query: notificationListQuerySchema,
  response: notificationListSchema,
  async handler(input) {
    const { viewer, now } = readerOf(input)
    const db = input.context.database.db
    await refreshTimedNotifications(db, {
      userId: viewer.userId,
      organisationId: viewer.organisationId,
      ringIds: viewer.role === 'moderator' || viewer.role === 'admin' ? [] : viewer.ringIds,
      now,
      viewer,
    })
    return listNotifications(db, { userId: viewer.userId, isUnreadOnly: input.query.isUnreadOnly })
  },
})

/** Marks the caller's notification `id`, or all of them, read. */
async function markRead<Q, P, B>(input: RouteInput<Q, P, B>, id?: number) {
  const { viewer, now } = readerOf(input)
  return {
    updated: await markUserNotificationsRead(input.context.database.db, { userId: viewer.userId, id, now }),
  }
}

export const markNotificationReadRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/notifications/:id/read',
  operationId: 'markNotificationRead',
  summary: 'Mark one notification read',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  response: markReadResponseSchema,
  handler: (input) => markRead(input, input.params.id),
})

export const markAllNotificationsReadRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/notifications/read-all',
  operationId: 'markAllNotificationsRead',
  summary: 'Mark all notifications of the caller read',
  tag: TAG,
  access: { roles: 'any' },
  response: markReadResponseSchema,
  handler: (input) => markRead(input),
})

export const notificationRoutes = [
  listNotificationsRoute,
  markNotificationReadRoute,
  markAllNotificationsReadRoute,
]
