/**
 * Meetings, topics and votes, agenda, minutes and follow-ups, notifications and the meeting pack:
 * the API as the server, the web UI and the CLI (--json) see it. See docs/benchlearning.md.
 *
 * Conventions for the UI:
 * - Organisations appear as `OrgRef` ({ id, name, isPseudonymised }): in a ring that shares
 *   under pseudonyms, peers are "Jobcenter C (Vergleichsring 2)" with a negative id.
 * - Every meeting (and list item) carries `abilities` computed by the server: show a button only
 *   when its flag is true (e.g. `canEditAgenda`, `canApproveMinutes`, `canRegister`, `canComment`).
 * - Dates are ISO days ("2027-03-10"); times are local Europe/Berlin "HH:MM"; null times = all-day.
 * - Writes need the `x-csrf-token` header like every other write.
 */
import { z } from 'zod'
import { abilitiesSchema } from './auth'
import { sourceMixSchema } from './published-figures'
import {
  idText,
  isoDate,
  keyText,
  listText,
  MAX_LIST_ITEMS,
  MAX_SHORT_TEXT,
  localizedTextSchema,
  refinement,
  serverTextSchema,
  refusedAs,
} from './common'
import { message } from '../core/messages/text'

const id = z.number().int()
const timeText = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, refusedAs('pattern.time'))

export const meetingKindSchema = z
  .enum(['ring_meeting', 'annual_day', 'thematic_forum'])
  .describe('ring_meeting: one ring; annual_day / thematic_forum: network-wide, open to all rings')
export const meetingStatusSchema = z
  .enum(['planned', 'invited', 'held', 'minutes_approved', 'cancelled'])
  .describe('planned → invited → held → minutes_approved (forward only); cancelled before held')
export const agendaItemKindSchema = z.enum([
  'key_figure_review',
  'practice_presentation',
  'discussion',
  'input',
])
export const agendaItemSourceSchema = z
  .enum(['manual', 'topic', 'spotlight', 'open_action'])
  .describe('where the item came from: added by hand, a voted topic, a data spotlight, an open action')
export const actionItemStatusSchema = z.enum(['open', 'in_progress', 'done', 'cancelled'])
export const notificationKindSchema = z.enum([
  'upcoming_meeting',
  'invitation',
  'new_practice',
  'action_due',
  'minutes_to_approve',
])

export const MEETING_STATUS_LABELS_DE: Record<z.infer<typeof meetingStatusSchema>, string> = {
  planned: 'geplant',
  invited: 'eingeladen',
  held: 'durchgeführt',
  minutes_approved: 'Protokoll freigegeben',
  cancelled: 'abgesagt',
}
export const AGENDA_KIND_LABELS_DE: Record<z.infer<typeof agendaItemKindSchema>, string> = {
  key_figure_review: 'Kennzahlen-Review',
  practice_presentation: 'Praxisbeispiel',
  discussion: 'Diskussion',
  input: 'Input',
}

export const orgRefSchema = z
  .object({ id, name: z.string().max(MAX_SHORT_TEXT), isPseudonymised: z.boolean() })
  .meta({ id: 'OrgRef' })
export type OrgRef = z.infer<typeof orgRefSchema>

export const personRefSchema = z.object({ id, name: z.string() }).meta({ id: 'PersonRef' })

// ---- Meetings ----

export const meetingSummarySchema = z
  .object({
    id,
    kind: meetingKindSchema,
    ring: z.object({ id, code: z.string(), name: z.string() }).nullable().describe('null = network-wide'),
    title: z.string(),
    startsOn: isoDate,
    endsOn: isoDate,
    startTime: timeText.nullable(),
    endTime: timeText.nullable(),
    venue: z.string().nullable(),
    host: orgRefSchema.nullable(),
    hostSource: z.enum(['rotation', 'override', 'none']),
    moderator: personRefSchema.nullable(),
    status: meetingStatusSchema,
    isUpcoming: z
      .boolean()
      .describe('not yet held and not over: listed under upcoming meetings (a held meeting is past)'),
    isDemo: z.boolean(),
    registeredCount: z.number().int(),
    myRegistration: z.enum(['registered', 'declined']).nullable(),
    abilities: abilitiesSchema,
  })
  .meta({ id: 'MeetingSummary' })
export type MeetingSummaryDto = z.infer<typeof meetingSummarySchema>

export const meetingListQuerySchema = z.object({
  ring: keyText().optional().describe('ring code (e.g. R01) or id; network-wide events are always listed'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: meetingStatusSchema.optional(),
})
export const meetingListSchema = z.object({ meetings: z.array(meetingSummarySchema) })

export const createMeetingRequestSchema = z.object({
  kind: meetingKindSchema.default('ring_meeting'),
  ringId: id.nullable().default(null).describe('required for ring_meeting; null for network-wide events'),
  title: z.string().trim().min(1).max(200),
  startsOn: isoDate,
  endsOn: isoDate,
  startTime: timeText.nullable().default(null),
  endTime: timeText.nullable().default(null),
  venue: z.string().max(300).nullable().default(null),
  hostOrganisationId: id
    .nullable()
    .optional()
    .describe('absent: the rotation proposes the host (ring meetings); a value: the moderator overrides'),
  moderatorUserId: id.nullable().optional().describe('default: the caller when a moderator'),
})
export type CreateMeetingRequest = z.infer<typeof createMeetingRequestSchema>

export const updateMeetingRequestSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  startTime: timeText.nullable().optional(),
  endTime: timeText.nullable().optional(),
  venue: z.string().max(300).nullable().optional(),
  hostOrganisationId: id.nullable().optional().describe('sets the host by hand (recorded as an override)'),
  moderatorUserId: id.nullable().optional(),
  status: meetingStatusSchema
    .optional()
    .describe('forward only; "invited" notifies participants; "minutes_approved" use approve-minutes'),
})
export type UpdateMeetingRequest = z.infer<typeof updateMeetingRequestSchema>

export const cancelMeetingRequestSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .describe('why the meeting does not take place; shown on the meeting and sent to the invited'),
})
export type CancelMeetingRequest = z.infer<typeof cancelMeetingRequestSchema>

export const registrationRequestSchema = z.object({
  status: z.enum(['registered', 'declined']),
  note: z.string().max(500).nullable().default(null),
})

export const hostProposalQuerySchema = z.object({
  unavailable: listText({
    item: idText,
    max: MAX_LIST_ITEMS,
    noun: 'an organisation id',
    plural: 'organisations',
  })
    .optional()
    .describe('comma-separated organisation ids that cannot host this time'),
})

export const hostProposalSchema = z
  .object({
    host: orgRefSchema,
    round: z.number().int(),
    hostedInRound: z.array(orgRefSchema),
    remainingInRound: z.array(orgRefSchema),
    lastHostedOn: isoDate.nullable(),
    reason: localizedTextSchema,
    history: z.array(
      z.object({
        meetingId: id,
        startsOn: isoDate,
        host: orgRefSchema,
        isOverride: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'HostProposal' })
export type HostProposalDto = z.infer<typeof hostProposalSchema>

export const scheduleRequestSchema = z.object({
  ringId: id,
  year: z.number().int().min(2000).max(2100),
  count: z.number().int().min(1).max(12).default(3),
  durationDays: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1.5),
  isCreate: z
    .boolean()
    .default(false)
    .describe('false: only propose; true: create the meetings (status planned) in one transaction'),
})
export const scheduleProposalSchema = z
  .object({
    ring: z.object({ id, code: z.string(), name: z.string() }),
    year: z.number().int(),
    note: serverTextSchema,
    slots: z.array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        startsOn: isoDate,
        endsOn: isoDate,
        startTime: timeText,
        endTime: timeText,
        host: orgRefSchema,
        reason: localizedTextSchema,
      }),
    ),
    createdMeetingIds: z.array(id),
  })
  .meta({ id: 'ScheduleProposal' })
export type ScheduleProposalDto = z.infer<typeof scheduleProposalSchema>

// ---- Topics and votes ----

export const topicSchema = z
  .object({
    id,
    ring: z.object({ id, code: z.string(), name: z.string() }).nullable(),
    title: z.string(),
    description: z.string().nullable(),
    proposedBy: orgRefSchema.nullable(),
    proposedAt: z.string(),
    status: z.enum(['open', 'scheduled', 'done', 'rejected']),
    votes: z.number().int(),
    organisations: z.number().int().describe('distinct organisations that voted'),
    rank: z.number().int().describe('1 = most support; equal support shares a rank'),
    hasMyVote: z.boolean(),
    isDemo: z.boolean(),
    practiceId: id
      .nullable()
      .describe('the practice card the topic was proposed from ("we want to try this")'),
    abilities: abilitiesSchema,
  })
  .meta({ id: 'Topic' })
export type TopicDto = z.infer<typeof topicSchema>

export const topicListQuerySchema = z.object({
  ring: keyText().optional().describe('ring code or id'),
  status: z.enum(['open', 'scheduled', 'done', 'rejected']).optional(),
})
export const topicListSchema = z.object({
  topics: z.array(topicSchema),
  votingRule: serverTextSchema.describe('the ranking rule, for the UI to show in its language'),
})
export const proposeTopicRequestSchema = z.object({
  ringId: id.nullable().describe('null = a network-wide topic'),
  title: z.string().trim().min(3).max(200),
  description: z.string().max(4000).nullable().default(null),
})
export const tryPracticeResponseSchema = z.object({
  topicId: id.describe("the topic for the caller's ring's next meeting, linked to the card"),
  isNew: z.boolean().describe('false: the organisation had proposed this card before (nothing changed)'),
})
export const updateTopicRequestSchema = z.object({
  status: z.enum(['open', 'scheduled', 'done', 'rejected']),
})

// ---- Agenda ----

export const spotlightSchema = z
  .object({
    kind: z.enum(['largest_change', 'beyond_expectation', 'excellence']),
    figureCode: keyText(),
    figureNameDe: z.string().max(MAX_SHORT_TEXT),
    figureNameEn: z
      .string()
      .max(MAX_SHORT_TEXT)
      .optional()
      .describe('absent on spotlights frozen before it was kept (the German name stands in)'),
    organisation: orgRefSchema,
    period: keyText(),
    numbers: z.record(keyText(), z.number()),
    judgement: z
      .enum(['better', 'worse', 'neutral'])
      .optional()
      .describe("better or worse for the figure's direction; absent on spotlights frozen before it was kept"),
    source: sourceMixSchema
      .optional()
      .describe(
        'where the values behind the numbers come from (absent on spotlights frozen before it was recorded)',
      ),
  })
  .meta({ id: 'Spotlight' })
export type SpotlightDto = z.infer<typeof spotlightSchema>

export const agendaItemSchema = z
  .object({
    id,
    position: z.number().int(),
    kind: agendaItemKindSchema,
    title: z.string(),
    description: z.string().nullable(),
    presenter: orgRefSchema.nullable(),
    presenterName: z.string().nullable(),
    durationMinutes: z.number().int(),
    source: agendaItemSourceSchema,
    topicId: id.nullable(),
    actionItemId: id.nullable(),
    spotlight: spotlightSchema.nullable(),
    minutes: z.string().nullable(),
  })
  .meta({ id: 'AgendaItem' })
export type AgendaItemDto = z.infer<typeof agendaItemSchema>

export const addAgendaItemRequestSchema = z.object({
  kind: agendaItemKindSchema,
  title: z.string().trim().min(1).max(300),
  description: z.string().max(4000).nullable().default(null),
  presenterOrganisationId: id.nullable().default(null),
  presenterName: z.string().max(200).nullable().default(null),
  durationMinutes: z.number().int().min(5).max(600),
  position: z.number().int().min(1).optional().describe('default: at the end'),
  source: agendaItemSourceSchema.default('manual'),
  topicId: id.nullable().default(null),
  actionItemId: id.nullable().default(null),
  spotlight: spotlightSchema.nullable().default(null),
})
export type AddAgendaItemRequest = z.infer<typeof addAgendaItemRequestSchema>

export const updateAgendaItemRequestSchema = z.object({
  kind: agendaItemKindSchema.optional(),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(4000).nullable().optional(),
  presenterOrganisationId: id.nullable().optional(),
  presenterName: z.string().max(200).nullable().optional(),
  durationMinutes: z.number().int().min(5).max(600).optional(),
  position: z.number().int().min(1).optional(),
  minutes: z.string().max(20000).nullable().optional().describe('the minutes of this item (moderator)'),
})

// ---- Minutes, decisions, actions, comments ----

export const decisionSchema = z
  .object({ id, agendaItemId: id.nullable(), text: z.string() })
  .meta({ id: 'Decision' })
export const addDecisionRequestSchema = z.object({
  agendaItemId: id.nullable().default(null),
  text: z.string().trim().min(1).max(4000),
})

export const actionItemSchema = z
  .object({
    id,
    meetingId: id,
    meetingTitle: z.string(),
    meetingStartsOn: isoDate,
    agendaItemId: id.nullable(),
    title: z.string(),
    ownerOrganisation: orgRefSchema.nullable(),
    ownerUser: personRefSchema.nullable(),
    dueOn: isoDate.nullable(),
    status: actionItemStatusSchema,
    isOverdue: z.boolean(),
    abilities: abilitiesSchema,
  })
  .meta({ id: 'ActionItem' })
export type ActionItemDto = z.infer<typeof actionItemSchema>

export const addActionItemRequestSchema = z
  .object({
    agendaItemId: id.nullable().default(null),
    title: z.string().trim().min(1).max(500),
    ownerOrganisationId: id.nullable().default(null),
    ownerUserId: id.nullable().default(null),
    dueOn: isoDate.nullable().default(null),
  })
  .refine((a) => a.ownerOrganisationId !== null || a.ownerUserId !== null, {
    ...refinement(message('action.ownerRequired')),
    path: ['ownerOrganisationId'],
  })
export const updateActionItemRequestSchema = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  status: actionItemStatusSchema.optional(),
  dueOn: isoDate.nullable().optional(),
  ownerOrganisationId: id.nullable().optional(),
  ownerUserId: id.nullable().optional(),
})
export const actionListQuerySchema = z.object({
  scope: z
    .enum(['mine', 'visible'])
    .default('mine')
    .describe('mine: owned by me or my organisation (the start page); visible: all I may see'),
  status: z.enum(['open', 'all']).default('open').describe('open = open or in progress'),
  ring: keyText().optional(),
})
export const actionListSchema = z.object({ actions: z.array(actionItemSchema) })

export const agendaProposalSchema = z
  .object({
    meetingId: id,
    topics: z.array(topicSchema).describe('open topics of the ring (and network-wide), best supported first'),
    spotlights: z.array(spotlightSchema),
    spotlightNotes: z.array(z.string()),
    dataPeriod: z.string().nullable().describe('month of the key figures the spotlights use'),
    openActions: z.array(actionItemSchema),
    /** Ready-to-add items (POST them to /agenda-items), in a sensible order. */
    suggestedItems: z.array(addAgendaItemRequestSchema),
  })
  .meta({ id: 'AgendaProposal' })

export const commentSchema = z
  .object({
    id,
    agendaItemId: id.nullable(),
    author: personRefSchema.nullable(),
    organisation: orgRefSchema.nullable(),
    text: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'MinutesComment' })
export const addCommentRequestSchema = z.object({
  agendaItemId: id.nullable().default(null),
  text: z.string().trim().min(1).max(4000),
})

export const meetingDetailSchema = meetingSummarySchema
  .extend({
    participants: z
      .array(
        z.object({
          organisation: orgRefSchema,
          isHost: z.boolean(),
          registrations: z.array(
            z.object({
              person: personRefSchema,
              status: z.enum(['registered', 'declined']),
              note: z.string().nullable(),
            }),
          ),
        }),
      )
      .describe('the invited organisations (ring members on the first day, or every network member)'),
    agenda: z.array(agendaItemSchema),
    totalMinutes: z.number().int(),
    decisions: z.array(decisionSchema),
    actions: z.array(actionItemSchema),
    comments: z.array(commentSchema),
    minutesApprovedAt: z.string().nullable(),
    cancellation: z
      .object({ reason: z.string(), at: z.string() })
      .nullable()
      .describe('why and when the meeting was cancelled; null unless cancelled'),
  })
  .meta({ id: 'MeetingDetail' })
export type MeetingDetailDto = z.infer<typeof meetingDetailSchema>

// ---- Notifications ----

export const notificationSchema = z
  .object({
    id,
    kind: notificationKindSchema,
    titleDe: z.string(),
    messageDe: z.string(),
    /** The same in English (both are built from kind and payload when the list is read). */
    titleEn: z.string(),
    messageEn: z.string(),
    /** A path in the web UI to open, e.g. /meetings/12 */
    link: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' })
export type NotificationDto = z.infer<typeof notificationSchema>
export const notificationListQuerySchema = z.object({
  isUnreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})
export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number().int(),
})
export const markReadResponseSchema = z.object({ updated: z.number().int() })

// ---- Meeting pack ----

export const meetingPackQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .describe('month of the key figures; default: the latest computed month'),
  lang: z.enum(['de', 'en']).default('de').describe('language of the pack'),
})

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() })
export const okSchema = z.object({ isDone: z.literal(true) })
