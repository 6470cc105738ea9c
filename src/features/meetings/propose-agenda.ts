/**
 * The agenda proposal: the ring's open actions, data spotlights and the best-voted open topics as
 * items the moderation can take over with one click each.
 */
import type { Kysely } from 'kysely'
import { spotlightWords } from '../../core/benchlearning/spotlight-text'
import type { Locale } from '../../core/format/format'
import { message, render } from '../../core/messages/text'
import type { Viewer } from '../../core/permissions'
import type { AddAgendaItemRequest } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { listTopics } from './list-topics'
import { loadAgendaBlocks } from './load-agenda-blocks'
import { loadManagedMeeting } from './load-visible-meeting'

/** Durations the proposal uses (minutes). */
const MINUTES_PER_TOPIC = 60
const MINUTES_PER_SPOTLIGHT = 30
const MINUTES_PER_OPEN_ACTION = 10
const TOPICS_IN_PROPOSAL = 3

/** What every suggested item leaves empty unless it says otherwise. */
const SUGGESTION = {
  presenterOrganisationId: null,
  presenterName: null,
  topicId: null,
  actionItemId: null,
  spotlight: null,
} as const

export async function proposeAgenda(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetingId: number; period?: string; now: Date; locale?: Locale },
) {
  const { meeting, scope, today } = await loadManagedMeeting(db, { ...options, what: 'editAgenda' })
  const topics = (
    await listTopics(db, {
      viewer: options.viewer,
      ringId: meeting.ring_id,
      status: 'open',
      now: options.now,
    })
  ).filter((t) => (meeting.ring_id === null ? t.ring === null : true))
  const locale = options.locale ?? 'de'
  const blocks = await loadAgendaBlocks(db, { scope, meeting, period: options.period, today })
  const suggestedItems: AddAgendaItemRequest[] = [
    ...blocks.openActions.map((a) => ({
      ...SUGGESTION,
      kind: 'discussion' as const,
      title: render(
        locale,
        a.ownerOrganisation
          ? message('agenda.openActionOwned', { title: a.title, owner: a.ownerOrganisation.name })
          : message('agenda.openAction', { title: a.title }),
      ),
      description: render(
        locale,
        a.dueOn
          ? message('agenda.openActionFromDue', { meeting: a.meetingTitle, due: a.dueOn })
          : message('agenda.openActionFrom', { meeting: a.meetingTitle }),
      ),
      presenterOrganisationId:
        a.ownerOrganisation && !a.ownerOrganisation.isPseudonymised ? a.ownerOrganisation.id : null,
      durationMinutes: MINUTES_PER_OPEN_ACTION,
      source: 'open_action' as const,
      actionItemId: a.id,
    })),
    ...blocks.spotlights.map((s) => ({
      ...SUGGESTION,
      kind: 'key_figure_review' as const,
      title: spotlightWords(locale, s).title,
      description: spotlightWords(locale, s).sentence,
      durationMinutes: MINUTES_PER_SPOTLIGHT,
      source: 'spotlight' as const,
      spotlight: s,
    })),
    ...topics.slice(0, TOPICS_IN_PROPOSAL).map((t) => ({
      ...SUGGESTION,
      kind: 'discussion' as const,
      title: t.title,
      description: t.description,
      presenterOrganisationId: t.proposedBy && !t.proposedBy.isPseudonymised ? t.proposedBy.id : null,
      durationMinutes: MINUTES_PER_TOPIC,
      source: 'topic' as const,
      topicId: t.id,
    })),
  ]
  return {
    meetingId: meeting.id,
    topics,
    spotlights: blocks.spotlights,
    spotlightNotes: blocks.spotlightNotes.map((note) => render(locale, note)),
    dataPeriod: blocks.dataPeriod,
    openActions: blocks.openActions,
    suggestedItems,
  }
}
