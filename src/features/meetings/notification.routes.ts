/** Routes of the caller's notifications: the list (with the timed ones added) and marking them read. */
import * as contract from '../../contracts/meetings'
import { queryAndPersonKey, type RouteInput } from '../../server/route'
import { listNotifications } from './list-notifications'
import { FOR_ANY, meetingRoute, readerOf } from './meeting-route-parts'
import { markUserNotificationsRead } from './notification.repository'
import { refreshTimedNotifications } from './refresh-timed-notifications'

export const listNotificationsRoute = meetingRoute('GET /api/v1/notifications', {
  operationId: 'listNotifications',
  summary: "The caller's notifications (upcoming meeting, invitation, new practice, action due, minutes)",
  access: FOR_ANY,
  query: contract.notificationListQuerySchema,
  response: contract.notificationListSchema,
  // Read on every page load (the bell): remembered per person until a meeting, action or
  // notification changes, or the day does (the timed ones are derived for the day).
  cacheKey: ({ query, viewer }) => queryAndPersonKey(query, viewer),
  isActivityCached: true,
  async handler(input) {
    const { viewer, now } = readerOf(input)
    const db = input.context.database.db
    // Moderators and administrators see every ring's meetings in the list, not as notifications.
    const ringIds = viewer.role === 'moderator' || viewer.role === 'admin' ? [] : viewer.ringIds
    await refreshTimedNotifications(db, {
      userId: viewer.userId,
      organisationId: viewer.organisationId,
      ringIds,
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

export const markNotificationReadRoute = meetingRoute('POST /api/v1/notifications/:id/read', {
  operationId: 'markNotificationRead',
  summary: 'Mark one notification read',
  access: FOR_ANY,
  params: contract.idParamsSchema,
  response: contract.markReadResponseSchema,
  handler: (input) => markRead(input, input.params.id),
})

export const markAllNotificationsReadRoute = meetingRoute('POST /api/v1/notifications/read-all', {
  operationId: 'markAllNotificationsRead',
  summary: 'Mark all notifications of the caller read',
  access: FOR_ANY,
  response: contract.markReadResponseSchema,
  handler: (input) => markRead(input),
})
