/**
 * A meeting's life, as a state machine: planned → invited → held → minutes_approved, one step at a
 * time and forward only; before it is held a meeting may instead be cancelled (with a reason, by its
 * own step, cancel-meeting), which ends it. What each state allows:
 *
 * | state            | agenda   | minutes of items | decisions, actions | registration | comments |
 * | ---------------- | -------- | ---------------- | ------------------ | ------------ | -------- |
 * | planned          | editable | –                | recorded           | open         | –        |
 * | invited          | editable | –                | recorded           | open         | –        |
 * | held             | closed   | editable         | recorded           | closed       | open     |
 * | minutes_approved | closed   | closed           | closed             | closed       | closed   |
 * | cancelled        | closed   | –                | closed             | closed       | –        |
 *
 * Decisions and actions may be agreed ahead (in preparation) and are closed with the minutes;
 * the status of an action is followed up after approval too (by its owner).
 *
 * A meeting is marked held on or after its first day, and only when someone registered for it
 * (registrations are how attendance is recorded). The minutes are approved by their own step
 * (approve-minutes), not by a status change. Once held, the dates stay as they were.
 */
import { conflict, detail, invalidInput, type AppError } from '../errors/app-error'
import { message, type Message } from '../messages/text'

export const MEETING_STATUSES = ['planned', 'invited', 'held', 'minutes_approved', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]
/** The statuses of the forward path, in order (cancelled is a way out of it, not a step on it). */
const FORWARD: readonly MeetingStatus[] = ['planned', 'invited', 'held', 'minutes_approved']
/** The most characters of a cancellation's reason. */
export const CANCEL_REASON_MAX = 1000

/** What the rules read of a meeting. */
export interface MeetingFacts {
  id: number
  status: MeetingStatus
  /** First and last day, ISO ("2027-01-20"). */
  startsOn: string
  endsOn: string
}

const NEXT: Record<MeetingStatus, MeetingStatus | null> = {
  planned: 'invited',
  invited: 'held',
  held: 'minutes_approved',
  minutes_approved: null,
  cancelled: null,
}

export const isAgendaEditable = (status: MeetingStatus) => status === 'planned' || status === 'invited'
export const areMinutesEditable = (status: MeetingStatus) => status === 'held'
export const isRegistrationOpen = (status: MeetingStatus) => status === 'planned' || status === 'invited'
export const areCommentsOpen = (status: MeetingStatus) => status === 'held'
export const areDatesFixed = (status: MeetingStatus) => !isAgendaEditable(status)
/** A meeting is cancelled before it is held (planned or invited), never after. */
export const isCancellable = (status: MeetingStatus) => status === 'planned' || status === 'invited'

/** Upcoming: not yet held and not over (a held meeting is past even on its own day). */
export function isUpcoming(meeting: Pick<MeetingFacts, 'status' | 'endsOn'>, today: string): boolean {
  return isRegistrationOpen(meeting.status) && meeting.endsOn >= today
}

export interface StatusChange {
  meeting: MeetingFacts
  to: MeetingStatus
  /** The day of the request by the injected clock (ISO). */
  today: string
  /** People registered (not declined) for the meeting. */
  registeredCount: number
}

/**
 * Why the change is refused, as the AppError to throw, or null when it is allowed. A change to the
 * status the meeting already has is no change and allowed.
 */
export function refuseStatusChange(change: StatusChange): AppError | null {
  const { meeting, to, today } = change
  const from = meeting.status
  if (to === from) return null
  const onStatus = (text: Message) => [detail(text, { field: 'status', value: to })]
  const id = meeting.id
  if (to === 'minutes_approved')
    return invalidInput(message('meeting.approveByOwnStep'), onStatus(message('meeting.useApproveMinutes')))
  if (to === 'cancelled')
    return invalidInput(message('meeting.cancelByOwnStep'), onStatus(message('meeting.useCancel')))
  if (from === 'cancelled')
    return conflict(message('meeting.cancelledNoChange', { id }), onStatus(message('meeting.statusFinal')))
  if (FORWARD.indexOf(to) < FORWARD.indexOf(from))
    return conflict(
      message('meeting.forwardOnly', { id, from }),
      onStatus(message('meeting.expectedFromOrLater', { from })),
    )
  const next = NEXT[from]
  if (next !== to)
    return conflict(
      message('meeting.stepFirst', { id, from, next: String(next), to }),
      onStatus(message('meeting.expectedStatus', { status: String(next) })),
    )
  if (to === 'held' && today < meeting.startsOn)
    return conflict(
      message('meeting.heldBeforeStart', { id, startsOn: meeting.startsOn, today }),
      onStatus(message('meeting.expectedOnOrAfter', { day: meeting.startsOn })),
    )
  if (to === 'held' && change.registeredCount === 0)
    return conflict(
      message('meeting.heldWithoutParticipants', { id }),
      onStatus(message('meeting.expectedRegistration')),
    )
  return null
}

export function checkStatusChange(change: StatusChange): void {
  const refusal = refuseStatusChange(change)
  if (refusal) throw refusal
}

/** The next status a moderator may set now, or null (none, or only approval by its own step). */
export function nextStatusAllowed(options: Omit<StatusChange, 'to'>): MeetingStatus | null {
  const to = NEXT[options.meeting.status]
  if (to === null || to === 'minutes_approved') return null
  return refuseStatusChange({ ...options, to }) === null ? to : null
}

export interface MeetingDates {
  startsOn: string
  endsOn: string
  startTime: string | null
  endTime: string | null
}

/** The dates of a meeting: the last day not before the first, both times or neither, in order. */
export function checkMeetingDates(dates: MeetingDates): void {
  if (dates.endsOn < dates.startsOn)
    throw invalidInput(
      message('meeting.lastDayBeforeFirst', { endsOn: dates.endsOn, startsOn: dates.startsOn }),
      [detail(message('meeting.expectedDayOnOrAfterStart'), { field: 'endsOn', value: dates.endsOn })],
    )
  if ((dates.startTime === null) !== (dates.endTime === null))
    throw invalidInput(message('meeting.timesBothOrNeither'), [
      detail(message('meeting.timeMissing'), { field: dates.startTime === null ? 'startTime' : 'endTime' }),
    ])
  if (dates.startTime && dates.endTime && dates.startsOn === dates.endsOn && dates.endTime <= dates.startTime)
    throw invalidInput(
      message('meeting.endNotAfterStart', { endTime: dates.endTime, startTime: dates.startTime }),
      [detail(message('meeting.expectedLaterTime'), { field: 'endTime', value: dates.endTime })],
    )
}

/** A change of dates: checked as dates, and refused once the meeting was held. */
export function checkDateChange(options: {
  meeting: MeetingFacts
  before: MeetingDates
  next: MeetingDates
}): void {
  const { meeting, before, next } = options
  const changed = (Object.keys(next) as (keyof MeetingDates)[]).filter((key) => next[key] !== before[key])
  if (changed.length > 0 && areDatesFixed(meeting.status))
    throw conflict(
      message('meeting.datesFixed', { fields: changed.join(', '), id: meeting.id, status: meeting.status }),
      changed.map((field) =>
        detail(message('meeting.expectedUnchanged', { before: String(before[field]) }), {
          field,
          value: String(next[field]),
        }),
      ),
    )
  checkMeetingDates(next)
}

/** The agenda (items, their order and texts) is built before the meeting; once held it is closed. */
export function checkAgendaEditable(meeting: MeetingFacts): void {
  if (meeting.status === 'cancelled') throw cancelledClosed(meeting, 'agenda')
  if (!isAgendaEditable(meeting.status))
    throw conflict(
      message(meeting.status === 'held' ? 'meeting.agendaClosedHeld' : 'meeting.agendaClosedApproved', {
        id: meeting.id,
      }),
    )
}

/** The minutes of the agenda items are written once the meeting was held, until approval. */
export function checkMinutesEditable(meeting: MeetingFacts): void {
  if (meeting.status === 'minutes_approved') throw minutesClosed(meeting, 'minutes')
  if (!areMinutesEditable(meeting.status))
    throw conflict(message('meeting.minutesOnlyHeld', { id: meeting.id, status: meeting.status }), [
      detail(message('meeting.setHeldFirst'), { field: 'minutes' }),
    ])
}

/** Decisions and actions are recorded until the minutes are approved. */
export function checkFollowUpsOpen(meeting: MeetingFacts, what: 'decision' | 'action'): void {
  if (meeting.status === 'minutes_approved') throw minutesClosed(meeting, what)
  if (meeting.status === 'cancelled') throw cancelledClosed(meeting, what)
}

/** What a closed meeting refuses to record, by the part it was asked to change. */
type ClosedPart = 'agenda' | 'minutes' | 'decision' | 'action'
const minutesClosed = (meeting: MeetingFacts, what: ClosedPart) =>
  conflict(message(`meeting.approvedClosed.${what}`, { id: meeting.id }))
const cancelledClosed = (meeting: MeetingFacts, what: ClosedPart) =>
  conflict(message(`meeting.cancelledClosed.${what}`, { id: meeting.id }))

export function checkRegistrationOpen(meeting: MeetingFacts): void {
  if (!isRegistrationOpen(meeting.status))
    throw conflict(message('meeting.registrationClosed', { id: meeting.id, status: meeting.status }))
}

export function checkCommentsOpen(meeting: MeetingFacts): void {
  if (!areCommentsOpen(meeting.status))
    throw conflict(
      meeting.status === 'minutes_approved'
        ? message('meeting.commentsClosedApproved', { id: meeting.id })
        : message('meeting.commentsNotYet', { id: meeting.id, status: meeting.status }),
    )
}

/** Approval closes the minutes of a held meeting. */
export function checkMinutesApprovable(meeting: MeetingFacts): void {
  if (meeting.status !== 'held')
    throw conflict(message('meeting.minutesApprovableOnlyHeld', { id: meeting.id, status: meeting.status }))
}

/**
 * A cancellation: allowed while the meeting is planned or invited, with a reason (trimmed, 1 to
 * CANCEL_REASON_MAX characters). Returns the reason to store.
 */
export function checkCancellation(meeting: MeetingFacts, reason: string): string {
  if (meeting.status === 'cancelled') throw conflict(message('meeting.alreadyCancelled', { id: meeting.id }))
  if (!isCancellable(meeting.status))
    throw conflict(message('meeting.cancelOnlyBeforeHeld', { id: meeting.id, status: meeting.status }), [
      detail(message('meeting.expectedPlannedOrInvited'), { field: 'status', value: meeting.status }),
    ])
  const trimmed = reason.trim()
  const max = CANCEL_REASON_MAX
  if (trimmed.length === 0 || trimmed.length > max)
    throw invalidInput(message('meeting.cancelReasonMissing', { max }), [
      detail(message('meeting.cancelReasonLength', { max, length: trimmed.length }), { field: 'reason' }),
    ])
  return trimmed
}
