/**
 * The daily digest: every message a person chose to get daily ("held") from before today (UTC) goes
 * out in one mail. The digest row and the marks of its messages are written in one transaction, and
 * the held rows are locked with SKIP LOCKED, so two processes never put a message in two digests.
 */
import { addDays, isoDate } from '../../core/periods/dates'
import type { Database } from '../../db/connect'
import { randomUUID } from 'node:crypto'
import { findUserById } from '../auth/user.repository'
import { claimHeldMail, findUsersWithHeldMail, insertOutboxRows, markDigested } from './outbox.repository'

export async function collectDigests(database: Database, options: { now: Date }): Promise<number> {
  const today = isoDate(options.now)
  const before = new Date(`${today}T00:00:00Z`)
  let digests = 0
  for (const userId of await findUsersWithHeldMail(database.db, before)) {
    digests += await database.transaction(async ({ db }) => {
      const held = await claimHeldMail(db, { userId, before })
      const user = await findUserById(db, userId)
      if (held.length === 0 || !user) return 0
      const [row] = await insertOutboxRows(
        db,
        [
          {
            kind: 'digest',
            userId,
            recipient: user.email,
            payload: { day: addDays(today, -1), count: held.length },
            messageKey: `digest.${randomUUID()}`,
            status: 'pending',
          },
        ],
        options.now,
      )
      await markDigested(db, { ids: held.map((h) => h.id), digestId: row!.id })
      return 1
    })
  }
  return digests
}
