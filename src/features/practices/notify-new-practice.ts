/**
 * "New practice in my ring": when a card is first published, the members of the rings it is shared
 * with (all the author organisation's rings today; only its ring for a ring-only card) hear of it,
 * except the author. Written in the publishing transaction, with the mail each recipient chose
 * (features/mail). Each payload names the author organisation as that recipient may see it: by name,
 * by its pseudonym in a ring that shares under pseudonyms, or not at all.
 */
import type { Kysely } from 'kysely'
import { canReadPractice } from '../../core/benchlearning/practice-permissions'
import type { Viewer } from '../../core/permissions'
import { isoDate } from '../../core/periods/dates'
import type { DB, PracticeVisibility } from '../../db/schema'
import { queueNotificationMail } from '../mail/queue-notification-mail'
import { insertNotifications, type NewNotification } from '../meetings/notification.repository'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { labelOrganisation } from './practice-scope'
import { findActiveMembersOf, findOrganisationName } from './practice.repository'

export interface PublishedPractice {
  id: number
  title: string
  organisationId: number
  ringId: number | null
  visibility: PracticeVisibility
  authorUserId: number | null
}

/** The key of a card's notices: publishing again after a return to draft tells no one twice. */
export const newPracticeNoticeKey = (practiceId: number) => `new_practice:${practiceId}`

export async function notifyNewPractice(
  db: Kysely<DB>,
  practice: PublishedPractice,
  now: Date,
): Promise<void> {
  const confidentiality = await loadConfidentiality(db, isoDate(now))
  const ringsOf = (organisationId: number) =>
    (confidentiality.rings.get(organisationId)?.rings ?? []).map((r) => r.id)
  const ringIds =
    practice.visibility === 'ring'
      ? practice.ringId === null
        ? []
        : [practice.ringId]
      : ringsOf(practice.organisationId)
  const memberOrganisations = [...confidentiality.rings.values()]
    .filter((o) => o.rings.some((r) => ringIds.includes(r.id)))
    .map((o) => o.id)
  const name = await findOrganisationName(db, practice.organisationId)
  const notifications: NewNotification[] = []
  for (const user of await findActiveMembersOf(db, memberOrganisations)) {
    if (user.id === practice.authorUserId) continue
    const viewer: Viewer = {
      userId: user.id,
      role: user.role,
      organisationId: user.organisation_id,
      ringIds: user.organisation_id === null ? [] : ringsOf(user.organisation_id),
      moderatedRingIds: [],
    }
    if (!canReadPractice(viewer, { ...practice, status: 'published' })) continue
    const by = labelOrganisation(confidentiality, viewer, { id: practice.organisationId, name })
    notifications.push({
      userId: user.id,
      kind: 'new_practice',
      payload: {
        practiceId: practice.id,
        title: practice.title,
        ...(by.kind === 'anonymous' ? {} : { organisationName: by.name }),
      },
      dedupeKey: newPracticeNoticeKey(practice.id),
    })
  }
  await queueNotificationMail(db, await insertNotifications(db, notifications, now), now)
}
