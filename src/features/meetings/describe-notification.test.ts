/**
 * Every notification kind in German and English, with the payloads the writers put in (meeting
 * status changes in manage-meetings.ts and the demo, the timed ones in notifications.ts, a ring's
 * new practice through notifyRingMembers). Expected texts are written out by hand.
 */
import { describe, expect, it } from 'vitest'
import { describeNotification } from './describe-notification'

const meeting = { meetingId: 12, title: 'Ring 3: Treffen 2/2026', startsOn: '2026-03-05' }

describe('describeNotification', () => {
  it('writes an invitation in both languages', () => {
    expect(describeNotification('invitation', meeting)).toEqual({
      titleDe: 'Einladung',
      messageDe:
        'Sie sind zu Ring 3: Treffen 2/2026 am 05.03.2026 eingeladen. Bitte melden Sie sich an oder ab.',
      titleEn: 'Invitation',
      messageEn: 'You are invited to Ring 3: Treffen 2/2026 on 5 Mar 2026. Please register or decline.',
      link: '/meetings/12',
    })
  })

  it('asks members to comment on minutes, and the moderator also to approve them', () => {
    expect(describeNotification('minutes_to_approve', meeting)).toMatchObject({
      titleDe: 'Protokoll zur Durchsicht',
      messageDe: 'Das Protokoll von Ring 3: Treffen 2/2026 liegt vor: bitte bis zur Freigabe kommentieren.',
      titleEn: 'Minutes to review',
      messageEn: 'The minutes of Ring 3: Treffen 2/2026 are ready: please comment before they are approved.',
    })
    expect(describeNotification('minutes_to_approve', { ...meeting, isModerator: true })).toMatchObject({
      messageDe:
        'Das Protokoll von Ring 3: Treffen 2/2026 liegt vor: bitte bis zur Freigabe kommentieren und freigeben.',
      messageEn:
        'The minutes of Ring 3: Treffen 2/2026 are ready: please comment before they are approved, and approve them.',
    })
  })

  it('announces an upcoming meeting with its venue, and without one', () => {
    const upcoming = { meetingId: 7, title: 'Jahrestagung 2026', startsOn: '2026-06-11', venue: 'Hanau' }
    expect(describeNotification('upcoming_meeting', upcoming)).toEqual({
      titleDe: 'Treffen steht bevor',
      messageDe: 'Jahrestagung 2026 beginnt am 11.06.2026 in Hanau.',
      titleEn: 'Meeting coming up',
      messageEn: 'Jahrestagung 2026 starts on 11 Jun 2026 in Hanau.',
      link: '/meetings/7',
    })
    expect(describeNotification('upcoming_meeting', { ...upcoming, venue: null })).toMatchObject({
      messageDe: 'Jahrestagung 2026 beginnt am 11.06.2026.',
      messageEn: 'Jahrestagung 2026 starts on 11 Jun 2026.',
    })
  })

  it('names a due action with the meeting it comes from', () => {
    const due = {
      actionId: 4,
      title: 'Kennzahlen K2 prüfen',
      dueOn: '2026-12-01',
      meetingId: 9,
      meetingTitle: 'Ring 1: Treffen 3/2026',
    }
    expect(describeNotification('action_due', due)).toEqual({
      titleDe: 'Aufgabe fällig',
      messageDe: '„Kennzahlen K2 prüfen“ (aus Ring 1: Treffen 3/2026) ist am 01.12.2026 fällig.',
      titleEn: 'Action due',
      messageEn: '“Kennzahlen K2 prüfen” (from Ring 1: Treffen 3/2026) is due on 1 Dec 2026.',
      link: '/meetings/9',
    })
  })

  it('links a new practice of the ring, with or without the organisation that wrote it', () => {
    expect(
      describeNotification('new_practice', {
        practiceId: 31,
        title: 'Digitale Erstberatung',
        organisationName: 'KCA Main-Kinzig-Kreis',
      }),
    ).toEqual({
      titleDe: 'Neues Praxisbeispiel in Ihrem Ring',
      messageDe: 'Digitale Erstberatung (KCA Main-Kinzig-Kreis)',
      titleEn: 'New good practice in your ring',
      messageEn: 'Digitale Erstberatung (KCA Main-Kinzig-Kreis)',
      link: '/practices/31',
    })
    expect(describeNotification('new_practice', { title: 'Ohne Link' })).toMatchObject({
      messageEn: 'Ohne Link',
      link: null,
    })
  })

  it('leaves a date out rather than printing a broken one', () => {
    expect(describeNotification('invitation', { title: 'Treffen', startsOn: 'bald' })).toMatchObject({
      messageDe: 'Sie sind zu Treffen eingeladen. Bitte melden Sie sich an oder ab.',
      messageEn: 'You are invited to Treffen. Please register or decline.',
      link: null,
    })
  })
})
