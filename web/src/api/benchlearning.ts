/**
 * Hooks and writes for benchlearning (issue 6): meetings, topics and votes, agenda, minutes,
 * actions, notifications, practice cards and the self-assessment. Every answer is validated by its
 * shared zod contract; every write invalidates the cached answers it changes.
 */
import { z } from 'zod'
import {
  actionListSchema,
  agendaProposalSchema,
  hostProposalSchema,
  meetingDetailSchema,
  meetingListSchema,
  notificationListSchema,
  scheduleProposalSchema,
  topicListSchema,
  type AddAgendaItemRequest,
  type CreateMeetingRequest,
  type UpdateMeetingRequest,
} from '../../../src/contracts/meetings'
import {
  effectCheckSchema,
  practiceListSchema,
  practiceSchema,
  type AdoptPracticeRequest,
  type CreatePracticeRequest,
  type UpdatePracticeRequest,
} from '../../../src/contracts/practices'
import {
  answerSheetSchema,
  cycleListSchema,
  selfAssessmentComparisonSchema,
  type SaveAnswersRequest,
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
  useApiQuery(meetingListSchema, MEETINGS, query)
export const useMeeting = (id: number | null) =>
  useApiQuery(meetingDetailSchema, id === null ? null : `${MEETINGS}/${id}`)
export const useHostProposal = (id: number | null) =>
  useApiQuery(hostProposalSchema, id === null ? null : `${MEETINGS}/${id}/host-proposal`)
export const useAgendaProposal = (id: number | null) =>
  useApiQuery(agendaProposalSchema, id === null ? null : `${MEETINGS}/${id}/agenda-proposal`)
export const useTopics = (ring?: string) => useApiQuery(topicListSchema, TOPICS, { ring })
export const useMyActions = () => useApiQuery(actionListSchema, ACTIONS, { scope: 'mine', status: 'open' })
export const useNotifications = () => useApiQuery(notificationListSchema, NOTIFICATIONS)

export interface PracticeFilters {
  q?: string
  topic?: string
  figure?: string
  visibility?: string
  status?: string
}
export const usePractices = (filters: PracticeFilters) =>
  useApiQuery(practiceListSchema, PRACTICES, { ...filters, limit: 100 })
export const usePractice = (id: number | null) =>
  useApiQuery(practiceSchema, id === null ? null : `${PRACTICES}/${id}`)
/** `effectUrl` comes from the adoption (null = the caller may not read it). */
export const useEffectCheck = (effectUrl: string | null) => useApiQuery(effectCheckSchema, effectUrl)

export const useCycles = () => useApiQuery(cycleListSchema, `${SELF_ASSESSMENT}/cycles`)
export const useAnswerSheet = (cycleId: number | null) =>
  useApiQuery(answerSheetSchema, cycleId === null ? null : `${SELF_ASSESSMENT}/cycles/${cycleId}/answers`)
export const useSelfAssessmentComparison = (query: { ring: string; cycle: string } | null) =>
  useApiQuery(selfAssessmentComparisonSchema, query ? `${SELF_ASSESSMENT}/compare` : null, query ?? undefined)

// ---- writes ----------------------------------------------------------------------------------

const createdSchema = z.object({ id: z.number().int() })
const doneSchema = z.object({ isDone: z.literal(true) })

async function write<S extends z.ZodType>(
  schema: S,
  method: HttpMethod,
  path: string,
  json: unknown,
  invalidates: string[],
): Promise<z.output<S>> {
  const result = await apiRequest(schema, path, { method, json })
  for (const prefix of invalidates) queryCache.invalidate(prefix)
  return result
}

/** Everything a meeting write can change: lists, details, proposals, the start page's actions. */
const MEETING_KEYS = [MEETINGS, ACTIONS, NOTIFICATIONS, TOPICS]

export const createMeeting = (request: Partial<CreateMeetingRequest> & { title: string }) =>
  write(createdSchema, 'POST', MEETINGS, request, MEETING_KEYS)
export const proposeSchedule = (request: { ringId: number; year: number; isCreate: boolean }) =>
  write(scheduleProposalSchema, 'POST', `${MEETINGS}/schedule`, request, request.isCreate ? MEETING_KEYS : [])
export const updateMeeting = (id: number, request: UpdateMeetingRequest) =>
  write(meetingDetailSchema, 'PATCH', `${MEETINGS}/${id}`, request, MEETING_KEYS)
export const registerForMeeting = (id: number, status: 'registered' | 'declined') =>
  write(doneSchema, 'PUT', `${MEETINGS}/${id}/registration`, { status, note: null }, MEETING_KEYS)
export const addAgendaItem = (meetingId: number, item: Partial<AddAgendaItemRequest>) =>
  write(createdSchema, 'POST', `${MEETINGS}/${meetingId}/agenda-items`, item, MEETING_KEYS)
export const updateAgendaItem = (
  itemId: number,
  changes: { minutes?: string | null; position?: number; durationMinutes?: number },
) => write(doneSchema, 'PATCH', `/api/v1/agenda-items/${itemId}`, changes, MEETING_KEYS)
export const removeAgendaItem = (itemId: number) =>
  write(doneSchema, 'DELETE', `/api/v1/agenda-items/${itemId}`, undefined, MEETING_KEYS)
export const addDecision = (meetingId: number, agendaItemId: number | null, text: string) =>
  write(createdSchema, 'POST', `${MEETINGS}/${meetingId}/decisions`, { agendaItemId, text }, MEETING_KEYS)
export const addActionItem = (
  meetingId: number,
  action: {
    agendaItemId: number | null
    title: string
    ownerOrganisationId: number | null
    dueOn: string | null
  },
) => write(createdSchema, 'POST', `${MEETINGS}/${meetingId}/actions`, action, MEETING_KEYS)
export const updateActionStatus = (actionId: number, status: 'open' | 'in_progress' | 'done' | 'cancelled') =>
  write(doneSchema, 'PATCH', `${ACTIONS}/${actionId}`, { status }, MEETING_KEYS)
export const addComment = (meetingId: number, agendaItemId: number | null, text: string) =>
  write(createdSchema, 'POST', `${MEETINGS}/${meetingId}/comments`, { agendaItemId, text }, MEETING_KEYS)
export const approveMinutes = (meetingId: number) =>
  write(doneSchema, 'POST', `${MEETINGS}/${meetingId}/approve-minutes`, undefined, MEETING_KEYS)

export const proposeTopic = (ringId: number | null, title: string, description: string | null) =>
  write(createdSchema, 'POST', TOPICS, { ringId, title, description }, [TOPICS, MEETINGS])
export const voteForTopic = (topicId: number, isVote: boolean) =>
  write(doneSchema, isVote ? 'PUT' : 'DELETE', `${TOPICS}/${topicId}/vote`, undefined, [TOPICS, MEETINGS])
export const setTopicStatus = (topicId: number, status: 'open' | 'scheduled' | 'done' | 'rejected') =>
  write(z.unknown(), 'PATCH', `${TOPICS}/${topicId}`, { status }, [TOPICS, MEETINGS])

const markReadSchema = z.object({ updated: z.number().int() })
export const markNotificationRead = (id: number) =>
  write(markReadSchema, 'POST', `${NOTIFICATIONS}/${id}/read`, undefined, [NOTIFICATIONS])
export const markAllNotificationsRead = () =>
  write(markReadSchema, 'POST', `${NOTIFICATIONS}/read-all`, undefined, [NOTIFICATIONS])

export const createPractice = (request: Partial<CreatePracticeRequest> & { title: string }) =>
  write(practiceSchema, 'POST', PRACTICES, request, [PRACTICES, NOTIFICATIONS])
export const updatePractice = (id: number, changes: UpdatePracticeRequest) =>
  write(practiceSchema, 'PATCH', `${PRACTICES}/${id}`, changes, [PRACTICES, NOTIFICATIONS])
export const adoptPractice = (id: number, request: Partial<AdoptPracticeRequest> & { startedOn: string }) =>
  write(z.unknown(), 'POST', `${PRACTICES}/${id}/adoptions`, request, [PRACTICES])
export const deleteAttachment = (practiceId: number, attachmentId: number) =>
  write(z.unknown(), 'DELETE', `${PRACTICES}/${practiceId}/attachments/${attachmentId}`, undefined, [
    PRACTICES,
  ])
export async function uploadAttachment(practiceId: number, file: File): Promise<void> {
  const form = new FormData()
  form.append('file', file, file.name)
  await apiUpload(practiceSchema, `${PRACTICES}/${practiceId}/attachments`, { form })
  queryCache.invalidate(PRACTICES)
}

export const saveAnswers = (cycleId: number, request: SaveAnswersRequest) =>
  write(z.unknown(), 'PUT', `${SELF_ASSESSMENT}/cycles/${cycleId}/answers`, request, [SELF_ASSESSMENT])

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
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
