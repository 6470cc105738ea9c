import { render, type ServerMessageKey } from '../messages/text'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors/app-error'
import {
  checkAgendaEditable,
  checkCancellation,
  checkCommentsOpen,
  checkFollowUpsOpen,
  checkDateChange,
  checkMeetingDates,
  checkMinutesApprovable,
  checkMinutesEditable,
  checkRegistrationOpen,
  isUpcoming,
  nextStatusAllowed,
  refuseStatusChange,
  type MeetingFacts,
  type MeetingStatus,
} from './meeting-life'

const meeting = (status: MeetingStatus): MeetingFacts => ({
  id: 7,
  status,
  startsOn: '2027-01-20',
  endsOn: '2027-01-21',
})

function refusal(thrower: () => void): { code: string; message: string } | null {
  try {
    thrower()
    return null
  } catch (error) {
    if (!isAppError(error)) throw error
    return { code: error.code, message: error.message }
  }
}

describe('status changes', () => {
  const change = (from: MeetingStatus, to: MeetingStatus, today = '2027-01-20', registeredCount = 3) =>
    refuseStatusChange({ meeting: meeting(from), to, today, registeredCount })

  it('go one step forward: planned → invited → held', () => {
    expect(change('planned', 'invited')).toBeNull()
    expect(change('invited', 'held')).toBeNull()
  })

  it('are no change when the status stays', () => {
    expect(change('held', 'held', '2020-01-01', 0)).toBeNull()
  })

  it('never go back', () => {
    expect(change('held', 'invited')).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/forward only/),
    })
    expect(change('invited', 'planned')?.code).toBe('conflict')
  })

  it('do not skip the invitation', () => {
    expect(change('planned', 'held')?.message).toBe(
      'status: meeting 7 is planned; it becomes invited before it can be held',
    )
  })

  it('leave the approval to its own step', () => {
    expect(change('held', 'minutes_approved')).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/approve-minutes/),
    })
  })

  it('mark a meeting held on its first day or later, not before', () => {
    const early = change('invited', 'held', '2027-01-19')
    expect(early?.message).toBe(
      'status: meeting 7 starts on 20 Jan 2027; it can be marked held from that day on (today is 19 Jan 2027)',
    )
    // The same refusal for a German reader: dates and words in German, raw values in the parameters.
    expect(render('de', { key: early!.key as ServerMessageKey, params: early!.params! })).toBe(
      'Status: Treffen 7 beginnt am 20.01.2027; es kann ab diesem Tag als durchgeführt markiert werden (heute ist der 19.01.2027)',
    )
    expect(early?.params).toEqual({ id: 7, startsOn: '2027-01-20', today: '2027-01-19' })
    expect(change('invited', 'held', '2027-03-01')).toBeNull()
  })

  it('mark a meeting held only when someone registered', () => {
    expect(change('invited', 'held', '2027-01-20', 0)).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/no one is registered for meeting 7/),
    })
  })

  it('offer the next step only when it would be allowed', () => {
    const next = (status: MeetingStatus, today: string, registeredCount = 1) =>
      nextStatusAllowed({ meeting: meeting(status), today, registeredCount })
    expect(next('planned', '2026-01-01', 0)).toBe('invited')
    expect(next('invited', '2026-01-01')).toBeNull()
    expect(next('invited', '2027-01-20', 0)).toBeNull()
    expect(next('invited', '2027-01-20')).toBe('held')
    expect(next('held', '2027-01-20')).toBeNull()
    expect(next('minutes_approved', '2027-01-20')).toBeNull()
  })
})

describe('what each state allows', () => {
  const allowed = (status: MeetingStatus) => ({
    agenda: refusal(() => checkAgendaEditable(meeting(status))) === null,
    minutes: refusal(() => checkMinutesEditable(meeting(status))) === null,
    followUps: refusal(() => checkFollowUpsOpen(meeting(status), 'decision')) === null,
    registration: refusal(() => checkRegistrationOpen(meeting(status))) === null,
    comments: refusal(() => checkCommentsOpen(meeting(status))) === null,
    approval: refusal(() => checkMinutesApprovable(meeting(status))) === null,
  })

  it('before the meeting: agenda and registration', () => {
    for (const status of ['planned', 'invited'] as const)
      expect(allowed(status)).toEqual({
        agenda: true,
        minutes: false,
        followUps: true,
        registration: true,
        comments: false,
        approval: false,
      })
  })

  it('held: minutes, comments and approval, no longer the agenda', () => {
    expect(allowed('held')).toEqual({
      agenda: false,
      minutes: true,
      followUps: true,
      registration: false,
      comments: true,
      approval: true,
    })
    expect(refusal(() => checkAgendaEditable(meeting('held')))?.message).toBe(
      'agenda: meeting 7 was held; its agenda is closed (only the minutes of its items are written now)',
    )
  })

  it('approved: nothing', () => {
    expect(Object.values(allowed('minutes_approved')).some(Boolean)).toBe(false)
  })

  it('cancelled: nothing, and never upcoming', () => {
    expect(Object.values(allowed('cancelled')).some(Boolean)).toBe(false)
    expect(isUpcoming(meeting('cancelled'), '2027-01-01')).toBe(false)
    expect(refusal(() => checkAgendaEditable(meeting('cancelled')))?.message).toBe(
      'agenda: meeting 7 was cancelled; nothing more is recorded for it',
    )
  })

  it('upcoming: not held and not over', () => {
    expect(isUpcoming(meeting('invited'), '2027-01-21')).toBe(true)
    expect(isUpcoming(meeting('invited'), '2027-01-22')).toBe(false)
    expect(isUpcoming(meeting('held'), '2027-01-20')).toBe(false)
  })
})

describe('dates', () => {
  const dates = { startsOn: '2027-01-20', endsOn: '2027-01-20', startTime: '10:00', endTime: '16:00' }

  it('keep the last day after the first and the times in order', () => {
    expect(refusal(() => checkMeetingDates(dates))).toBeNull()
    expect(refusal(() => checkMeetingDates({ ...dates, endsOn: '2027-01-19' }))?.code).toBe('invalid_input')
    expect(refusal(() => checkMeetingDates({ ...dates, endTime: null }))?.message).toMatch(/give both/)
    expect(refusal(() => checkMeetingDates({ ...dates, endTime: '09:00' }))?.message).toMatch(/not after/)
  })

  it("are refused in the reader's language", () => {
    const german = (thrower: () => void): string => {
      try {
        thrower()
      } catch (error) {
        if (isAppError(error) && error.key)
          return render('de', { key: error.key as ServerMessageKey, params: error.params ?? {} })
      }
      return 'no catalogue message'
    }
    expect(german(() => checkMeetingDates({ ...dates, endsOn: '2027-01-19' }))).toBe(
      'Ende: Der letzte Tag 19.01.2027 liegt vor dem ersten Tag 20.01.2027',
    )
    expect(german(() => checkMeetingDates({ ...dates, endTime: '09:00' }))).toBe(
      'Ende: 09:00 Uhr liegt nicht nach dem Beginn um 10:00 Uhr am selben Tag',
    )
    expect(german(() => checkAgendaEditable(meeting('cancelled')))).toBe(
      'Tagesordnung: Treffen 7 wurde abgesagt; dazu wird nichts mehr festgehalten',
    )
  })

  it('stay as they were once the meeting was held', () => {
    const next = { ...dates, startsOn: '2027-01-19' }
    expect(refusal(() => checkDateChange({ meeting: meeting('invited'), before: dates, next }))).toBeNull()
    expect(refusal(() => checkDateChange({ meeting: meeting('held'), before: dates, next }))).toEqual({
      code: 'conflict',
      message: 'startsOn: meeting 7 is held; its dates can no longer change',
    })
    expect(
      refusal(() => checkDateChange({ meeting: meeting('held'), before: dates, next: dates })),
    ).toBeNull()
  })
})

describe('cancellation', () => {
  it('is allowed while planned or invited, with the reason trimmed', () => {
    expect(checkCancellation(meeting('planned'), '  Raum nicht verfügbar ')).toBe('Raum nicht verfügbar')
    expect(checkCancellation(meeting('invited'), 'Streik')).toBe('Streik')
  })

  it('is refused once the meeting was held, or when it is already cancelled', () => {
    for (const [status, label] of [
      ['held', 'held'],
      ['minutes_approved', 'minutes approved'],
    ] as const)
      expect(refusal(() => checkCancellation(meeting(status), 'zu spät'))).toEqual({
        code: 'conflict',
        message: `status: meeting 7 is ${label}; a meeting is cancelled before it is held, never after`,
      })
    expect(refusal(() => checkCancellation(meeting('cancelled'), 'noch einmal'))?.message).toBe(
      'status: meeting 7 is already cancelled',
    )
  })

  it('needs a reason of 1 to 1000 characters', () => {
    expect(refusal(() => checkCancellation(meeting('planned'), '   '))?.code).toBe('invalid_input')
    expect(refusal(() => checkCancellation(meeting('planned'), 'x'.repeat(1001)))?.code).toBe('invalid_input')
    expect(checkCancellation(meeting('planned'), 'x'.repeat(1000))).toHaveLength(1000)
  })

  it('is its own step: not a status change, and a cancelled meeting changes no more', () => {
    const options = { today: '2027-01-20', registeredCount: 3 }
    expect(refuseStatusChange({ ...options, meeting: meeting('invited'), to: 'cancelled' })?.message).toBe(
      'status: a meeting is cancelled by its own step, with a reason (POST /api/v1/meetings/:id/cancel)',
    )
    expect(refuseStatusChange({ ...options, meeting: meeting('cancelled'), to: 'held' })?.code).toBe(
      'conflict',
    )
    expect(nextStatusAllowed({ ...options, meeting: meeting('cancelled') })).toBeNull()
  })

  it('fixes the dates', () => {
    const before = { startsOn: '2027-01-20', endsOn: '2027-01-21', startTime: null, endTime: null }
    const next = { ...before, startsOn: '2027-01-19' }
    expect(refusal(() => checkDateChange({ meeting: meeting('cancelled'), before, next }))?.message).toBe(
      'startsOn: meeting 7 is cancelled; its dates can no longer change',
    )
  })
})
