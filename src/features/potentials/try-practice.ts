/**
 * "Das wollen wir ausprobieren": the caller's organisation proposes a practice card as a topic for
 * its ring's next meeting. The topic keeps the card (it links to it); proposing the same card again
 * answers the existing topic. A card the caller may not read is answered like an unknown one.
 */
import { invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { isoDate } from '../../core/periods/dates'
import type { Database } from '../../db/connect'
import type { MeetingWriter } from '../meetings/load-visible-meeting'
import { proposeTopic } from '../meetings/propose-topic'
import { findPracticeTopic } from '../meetings/topic.repository'
import { listRingsAt } from '../networks/network.repository'
import { findReadablePractice } from '../practices/read-practice'

/** Topic titles are at most this long (contracts/meetings proposeTopicRequestSchema). */
const MAX_TITLE = 200

export async function tryPractice(
  database: Database,
  options: MeetingWriter & { practiceId: number },
): Promise<{ topicId: number; isNew: boolean }> {
  const { viewer, practiceId } = options
  const practice = await findReadablePractice(database.db, { viewer, id: practiceId })
  const organisationId = viewer.organisationId
  const ring =
    organisationId === null
      ? undefined
      : (await listRingsAt(database.db, isoDate(options.now))).find((r) =>
          r.members.some((m) => m.organisationId === organisationId),
        )
  if (organisationId === null || !ring) throw invalidInput(message('practice.tryWithoutRing'))
  const earlier = await findPracticeTopic(database.db, { organisationId, practiceId })
  if (earlier) return { topicId: earlier.id, isNew: false }
  const topicId = await proposeTopic(database, {
    ...options,
    ringId: ring.id,
    title: `Ausprobieren: ${practice.title}`.slice(0, MAX_TITLE),
    description: `Wir wollen das Praxisbeispiel „${practice.title}“ ausprobieren und möchten es beim nächsten Treffen besprechen.`,
    practiceId,
  })
  return { topicId, isNew: true }
}
