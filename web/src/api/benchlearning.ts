/**
 * Hooks and writes for benchlearning (issue 6): meetings, topics and votes, agenda, minutes,
 * actions, notifications, practice cards and the self-assessment. Every answer is validated by its
 * shared zod contract; every write invalidates the cached answers it changes.
 */
import type { z } from 'zod'
import type { NameWarningDto } from '../../../src/contracts/name-warnings'
import { saveBlob } from '../lib/save-blob'
import type { Answer } from './client'
import type {
  actionListSchema,
  agendaProposalSchema,
  hostProposalSchema,
  markReadResponseSchema,
  meetingDetailSchema,
  meetingListSchema,
  notificationListSchema,
  scheduleProposalSchema,
  topicListSchema,
  actionItemStatusSchema,
  addActionItemRequestSchema,
  registrationRequestSchema,
  scheduleRequestSchema,
  updateAgendaItemRequestSchema,
  tryPracticeResponseSchema,
  updateTopicRequestSchema,
  AddAgendaItemRequest,
  CreateMeetingRequest,
  UpdateMeetingRequest,
} from '../../../src/contracts/meetings'
import type {
  effectCheckSchema,
  practiceListSchema,
  practiceSchema,
  AdoptPracticeRequest,
  CreatePracticeRequest,
  UpdatePracticeRequest,
} from '../../../src/contracts/practices'
import type {
  answerSheetSchema,
  cycleListSchema,
  cycleSchema,
  compareQuerySchema,
  selfAssessmentComparisonSchema,
  CreateCycleRequest,
  SaveAnswersRequest,
  UpdateCycleRequest,
} from '../../../src/contracts/self-assessment'
import { apiRequest, apiUpload, toApiError, type HttpMethod } from './client'
import { queryCache } from './query-cache'
import { useApiQuery } from './use-query'

const MEETINGS = '/api/v1/meetings'
const TOPICS = '/api/v1/topics'
const ACTIONS = '/api/v1/actions'
const NOTIFICATIONS = '/api/v1/notifications'
const PRACTICES = '/api/v1/practices'
const SELF_ASSESSMENT = '/api/v1/self-assessment'

// ---- reads -----------------------------------------------------------------------------------

export const useMeetings = (query?: { ring?: string; year?: number }) =>
  useApiQuery<Answer<typeof meetingListSchema>>(MEETINGS, query)
export const useMeeting = (id: number | null) =>
  useApiQuery<Answer<typeof meetingDetailSchema>>(id === null ? null : `${MEETINGS}/${id}`)
export const useHostProposal = (id: number | null) =>
  useApiQuery<Answer<typeof hostProposalSchema>>(id === null ? null : `${MEETINGS}/${id}/host-proposal`)
/** The proposal's suggested items are written in the reader's language (`lang`). */
export const useAgendaProposal = (id: number | null, lang: 'de' | 'en') =>
  useApiQuery<Answer<typeof agendaProposalSchema>>(id === null ? null : `${MEETINGS}/${id}/agenda-proposal`, {
    lang,
  })
export const useTopics = (ring?: string) => useApiQuery<Answer<typeof topicListSchema>>(TOPICS, { ring })
export const useMyActions = () =>
  useApiQuery<Answer<typeof actionListSchema>>(ACTIONS, { scope: 'mine', status: 'open' })
export const useNotifications = () => useApiQuery<Answer<typeof notificationListSchema>>(NOTIFICATIONS)

export interface PracticeFilters {
  q?: string
  topic?: string
  figure?: string
  visibility?: string
  status?: string
}
export const usePractices = (filters: PracticeFilters) =>
  useApiQuery<Answer<typeof practiceListSchema>>(PRACTICES, { ...filters, limit: 100 })
export const usePractice = (id: number | null) =>
  useApiQuery<Answer<typeof practiceSchema>>(id === null ? null : `${PRACTICES}/${id}`)
/** `effectUrl` comes from the adoption (null = the caller may not read it). */
export const useEffectCheck = (effectUrl: string | null) =>
  useApiQuery<Answer<typeof effectCheckSchema>>(effectUrl)

export const useCycles = () => useApiQuery<Answer<typeof cycleListSchema>>(`${SELF_ASSESSMENT}/cycles`)
export const useAnswerSheet = (cycleId: number | null) =>
  useApiQuery<Answer<typeof answerSheetSchema>>(
    cycleId === null ? null : `${SELF_ASSESSMENT}/cycles/${cycleId}/answers`,
  )
export const useSelfAssessmentComparison = (
  query: Pick<z.input<typeof compareQuerySchema>, 'ring' | 'cycle'> | null,
) =>
  useApiQuery<Answer<typeof selfAssessmentComparisonSchema>>(
    query ? `${SELF_ASSESSMENT}/compare` : null,
    query ?? undefined,
  )

// ---- writes ----------------------------------------------------------------------------------

/** The answers of creating writes and of writes that only confirm. */
type Created = { id: number }
type Done = { isDone: true }

async function write<T>(method: HttpMethod, path: string, json: unknown, invalidates: string[]): Promise<T> {
  const result = await apiRequest<T>(path, { method, json })
  for (const prefix of invalidates) queryCache.invalidate(prefix)
  return result
}

/** Everything a meeting write can change: lists, details, proposals, the start page's actions. */
const MEETING_KEYS = [MEETINGS, ACTIONS, NOTIFICATIONS, TOPICS]

export const createMeeting = (request: Partial<CreateMeetingRequest> & { title: string }) =>
  write<Created>('POST', MEETINGS, request, MEETING_KEYS)
export const proposeSchedule = (request: z.input<typeof scheduleRequestSchema>) =>
  write<Answer<typeof scheduleProposalSchema>>(
    'POST',
    `${MEETINGS}/schedule`,
    request,
    request.isCreate === true ? MEETING_KEYS : [],
  )
export const updateMeeting = (id: number, request: UpdateMeetingRequest) =>
  write<Answer<typeof meetingDetailSchema>>('PATCH', `${MEETINGS}/${id}`, request, MEETING_KEYS)
export const registerForMeeting = (id: number, status: z.infer<typeof registrationRequestSchema>['status']) =>
  write<Done>('PUT', `${MEETINGS}/${id}/registration`, { status, note: null }, MEETING_KEYS)
export const addAgendaItem = (meetingId: number, item: Partial<AddAgendaItemRequest>) =>
  write<Created>('POST', `${MEETINGS}/${meetingId}/agenda-items`, item, MEETING_KEYS)
export const updateAgendaItem = (
  itemId: number,
  changes: Pick<z.input<typeof updateAgendaItemRequestSchema>, 'minutes' | 'position' | 'durationMinutes'>,
) => write<Done>('PATCH', `/api/v1/agenda-items/${itemId}`, changes, MEETING_KEYS)
export const removeAgendaItem = (itemId: number) =>
  write<Done>('DELETE', `/api/v1/agenda-items/${itemId}`, undefined, MEETING_KEYS)
export const addDecision = (meetingId: number, agendaItemId: number | null, text: string) =>
  write<Created>('POST', `${MEETINGS}/${meetingId}/decisions`, { agendaItemId, text }, MEETING_KEYS)
export const addActionItem = (meetingId: number, action: z.input<typeof addActionItemRequestSchema>) =>
  write<Created>('POST', `${MEETINGS}/${meetingId}/actions`, action, MEETING_KEYS)
export const updateActionStatus = (actionId: number, status: z.infer<typeof actionItemStatusSchema>) =>
  write<Done>('PATCH', `${ACTIONS}/${actionId}`, { status }, MEETING_KEYS)
/** A saved text, with warnings when it names an organisation (peers see pseudonyms). */
type CreatedWithWarnings = Created & { warnings?: NameWarningDto[] }
export const addComment = (meetingId: number, agendaItemId: number | null, text: string) =>
  write<CreatedWithWarnings>(
    'POST',
    `${MEETINGS}/${meetingId}/comments`,
    { agendaItemId, text },
    MEETING_KEYS,
  )
export const approveMinutes = (meetingId: number) =>
  write<Done>('POST', `${MEETINGS}/${meetingId}/approve-minutes`, undefined, MEETING_KEYS)

export const proposeTopic = (ringId: number | null, title: string, description: string | null) =>
  write<CreatedWithWarnings>('POST', TOPICS, { ringId, title, description }, [TOPICS, MEETINGS])
/** "Das wollen wir ausprobieren": the card as a topic of the caller's ring, once per organisation. */
export const tryPractice = (practiceId: number) =>
  write<Answer<typeof tryPracticeResponseSchema>>('POST', `/api/v1/practices/${practiceId}/try`, undefined, [
    TOPICS,
    MEETINGS,
  ])
export const voteForTopic = (topicId: number, isVote: boolean) =>
  write<Done>(isVote ? 'PUT' : 'DELETE', `${TOPICS}/${topicId}/vote`, undefined, [TOPICS, MEETINGS])
export const setTopicStatus = (topicId: number, status: z.infer<typeof updateTopicRequestSchema>['status']) =>
  write<unknown>('PATCH', `${TOPICS}/${topicId}`, { status }, [TOPICS, MEETINGS])

export const markNotificationRead = (id: number) =>
  write<Answer<typeof markReadResponseSchema>>('POST', `${NOTIFICATIONS}/${id}/read`, undefined, [
    NOTIFICATIONS,
  ])
export const markAllNotificationsRead = () =>
  write<Answer<typeof markReadResponseSchema>>('POST', `${NOTIFICATIONS}/read-all`, undefined, [
    NOTIFICATIONS,
  ])

/** A saved card, with warnings when its texts name an organisation (peers see pseudonyms). */
type SavedPractice = Answer<typeof practiceSchema> & { warnings: NameWarningDto[] }
export const createPractice = (request: Partial<CreatePracticeRequest> & { title: string }) =>
  write<SavedPractice>('POST', PRACTICES, request, [PRACTICES, NOTIFICATIONS])
export const updatePractice = (id: number, changes: UpdatePracticeRequest) =>
  write<SavedPractice>('PATCH', `${PRACTICES}/${id}`, changes, [PRACTICES, NOTIFICATIONS])
export const adoptPractice = (id: number, request: Partial<AdoptPracticeRequest> & { startedOn: string }) =>
  write<unknown>('POST', `${PRACTICES}/${id}/adoptions`, request, [PRACTICES])
export const deleteAttachment = (practiceId: number, attachmentId: number) =>
  write<unknown>('DELETE', `${PRACTICES}/${practiceId}/attachments/${attachmentId}`, undefined, [PRACTICES])
export async function uploadAttachment(practiceId: number, file: File): Promise<void> {
  const form = new FormData()
  form.append('file', file, file.name)
  await apiUpload<Answer<typeof practiceSchema>>(`${PRACTICES}/${practiceId}/attachments`, { form })
  queryCache.invalidate(PRACTICES)
}

export const saveAnswers = (cycleId: number, request: SaveAnswersRequest) =>
  write<unknown>('PUT', `${SELF_ASSESSMENT}/cycles/${cycleId}/answers`, request, [SELF_ASSESSMENT])
/** Opens a cycle with the default template (the seven PES enabler areas, maturity 1–5). */
export const createCycle = (request: CreateCycleRequest) =>
  write<Answer<typeof cycleSchema>>('POST', `${SELF_ASSESSMENT}/cycles`, request, [SELF_ASSESSMENT])
/** Renames a cycle or moves its dates (closing and reopening move the end date). */
export const updateCycle = (cycleId: number, changes: UpdateCycleRequest) =>
  write<Answer<typeof cycleSchema>>('PATCH', `${SELF_ASSESSMENT}/cycles/${cycleId}`, changes, [
    SELF_ASSESSMENT,
  ])

/**
 * Fetches a file the server renders (the meeting pack PDF) and hands it to the browser as a
 * download, so the page can say "being produced …" while chromium prints it on the server.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin' })
  if (!response.ok) {
    let payload: unknown
    try {
      payload = await response.json()
    } catch {
      payload = undefined
    }
    throw toApiError(response.status, payload)
  }
  saveBlob(await response.blob(), fileName)
}
export const cancelMeeting = (id: number, reason: string) =>
  write<Done>('POST', `${MEETINGS}/${id}/cancel`, { reason }, MEETING_KEYS)
