/**
 * Once a day the worker derives every active person's timed notifications (actions due, meetings
 * coming up) as their own list would, so that those who do not open the app hear of them by mail.
 * Each notification is written once per person (dedupe key), so sweeps of several processes or a
 * person's own page load queue its message once.
 */
import { isoDate } from '../../core/periods/dates'
import type { Database } from '../../db/connect'
import { findUserById, loadViewer } from '../auth/user.repository'
import { refreshTimedNotifications } from '../meetings/refresh-timed-notifications'
import { findActiveUserIds } from './outbox.repository'

export async function sweepTimedNotifications(database: Database, options: { now: Date }): Promise<void> {
  const day = isoDate(options.now)
  for (const userId of await findActiveUserIds(database.db)) {
    await database.transaction(async ({ db }) => {
      const user = await findUserById(db, userId)
      if (!user || user.isDisabled) return
      const viewer = await loadViewer(db, user, day)
      // As the notification list does: moderators and administrators follow meetings in the list.
      const ringIds = viewer.role === 'moderator' || viewer.role === 'admin' ? [] : viewer.ringIds
      await refreshTimedNotifications(db, {
        userId,
        organisationId: viewer.organisationId,
        ringIds,
        now: options.now,
        viewer,
      })
    })
  }
}
