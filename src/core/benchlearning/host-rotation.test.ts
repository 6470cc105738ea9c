import { describe, expect, it } from 'vitest'
import { proposeHostSequence, proposeNextHost } from './host-rotation'

const A = { organisationId: 1, name: 'Aachen' }
const B = { organisationId: 2, name: 'Bonn' }
const C = { organisationId: 3, name: 'Celle' }
const members = [C, A, B]
/** Past meetings as [host organisation id, day]. */
const hostings = (...entries: [number, string][]) =>
  entries.map(([organisationId, date]) => ({ organisationId, date }))

describe('proposeNextHost', () => {
  it('breaks ties by the pseudonym in a pseudonymised ring, never by the real name', () => {
    const pseudonymised = [
      { ...A, tieBreakName: 'Jobcenter C (Ring 2)' },
      { ...B, tieBreakName: 'Jobcenter A (Ring 2)' },
      { ...C, tieBreakName: 'Jobcenter B (Ring 2)' },
    ]
    const proposal = proposeNextHost({ members: pseudonymised, history: [] })
    expect(proposal.organisationId).toBe(2)
    expect(proposal.reason.de).toMatch(
      /bei Gleichstand mit 2 weiteren entscheidet das Pseudonym \(alphabetisch\)\.$/,
    )
    expect(proposal.reason.en).toMatch(/; tied with 2 others, the pseudonym decides \(alphabetically\)\.$/)
    expect(proposeNextHost({ members, history: [] }).reason.de).toMatch(/entscheidet der Name/)
  })

  it('refuses with a catalogue message when nobody can host, never with a bare error', () => {
    expect(() => proposeNextHost({ members, history: [], unavailable: [1, 2, 3] })).toThrow(
      expect.objectContaining({ code: 'invalid_input', key: 'host.everyoneUnavailable' }),
    )
    expect(() => proposeNextHost({ members: [], history: [] })).toThrow(
      expect.objectContaining({ code: 'conflict', key: 'host.noMembers' }),
    )
  })

  it('proposes the member that has not hosted in the current round', () => {
    const history = hostings([2, '2025-03-12'], [1, '2025-07-09'])
    const proposal = proposeNextHost({ members, history })
    expect(proposal).toMatchObject({
      organisationId: 3,
      round: 1,
      hostedInRound: [1, 2],
      remainingInRound: [3],
    })
    expect(proposal.lastHostedOn).toBeNull()
    expect(proposal.reason.de).toBe(
      'Celle ist in Runde 1 noch nicht Gastgeber gewesen und war noch nie Gastgeber.',
    )
    expect(proposal.reason.en).toBe('Celle has not hosted in round 1 yet and has never hosted.')
  })

  it('starts a new round once everyone hosted, with the least recently hosted first', () => {
    const history = hostings([2, '2025-03-12'], [1, '2025-07-09'], [3, '2025-11-12'])
    const proposal = proposeNextHost({ members, history })
    expect(proposal).toMatchObject({
      organisationId: 2,
      round: 2,
      hostedInRound: [],
      lastHostedOn: '2025-03-12',
    })
    expect(proposal.reason.de).toContain('zuletzt am 12.03.2025 Gastgeber')
  })

  it('breaks ties by name in German collation, then by id', () => {
    const o = { organisationId: 7, name: 'Öhringen' }
    const p = { organisationId: 5, name: 'Pforzheim' }
    expect(proposeNextHost({ members: [p, o], history: [] }).organisationId).toBe(7)
    const twin1 = { organisationId: 9, name: 'Kreis X' }
    const twin2 = { organisationId: 4, name: 'Kreis X' }
    expect(proposeNextHost({ members: [twin1, twin2], history: [] }).organisationId).toBe(4)
  })

  it('counts an override as a hosting and never proposes anyone twice in a round', () => {
    // A hosted twice (the second time by the moderator's override): B and C are still open.
    const history = [
      { organisationId: 1, date: '2025-03-12' },
      { organisationId: 1, date: '2025-07-09', isOverride: true },
    ]
    const proposal = proposeNextHost({ members, history })
    expect(proposal.organisationId).toBe(2)
    expect(proposal.hostedInRound).toEqual([1])
  })

  it('ignores former members for completing a round but keeps them in the history', () => {
    const history = hostings([99, '2024-11-13'], [1, '2025-03-12'], [2, '2025-07-09'])
    expect(proposeNextHost({ members, history })).toMatchObject({ organisationId: 3, round: 1 })
  })

  it('skips members that are unavailable this time', () => {
    expect(proposeNextHost({ members, history: [], unavailable: [1] }).organisationId).toBe(2)
    // Everyone open in the round is unavailable: the least recently hosted of the others.
    const history = hostings([2, '2025-03-12'], [1, '2025-07-09'])
    const fallback = proposeNextHost({ members, history, unavailable: [3] })
    expect(fallback.organisationId).toBe(2)
    expect(fallback.reason.de).toContain('verhindert')
  })
})

describe('proposeNextHost: never the same host twice in a row, and a true reason', () => {
  it('does not propose the host of the meeting after, when a meeting is planned between others', () => {
    // Celle hosts November; a meeting in September is added later. The round rule alone would
    // pick Celle (the only one open in round 1): Celle twice in a row.
    const history = hostings([1, '2025-03-12'], [2, '2025-07-09'])
    const later = hostings([3, '2025-11-12'])
    expect(proposeNextHost({ members, history }).organisationId).toBe(3)
    const proposal = proposeNextHost({ members, history, later })
    // Not Celle (next) and not Bonn (before): Aachen, the least recently hosted.
    expect(proposal.organisationId).toBe(1)
    expect(proposal.lastHostedOn).toBe('2025-03-12')
    expect(proposal.reason.de).toBe(
      'Aachen war am längsten nicht Gastgeber (zuletzt am 12.03.2025 Gastgeber); Celle richtet schon das Treffen am 12.11.2025 aus (nie zweimal hintereinander).',
    )
    expect(proposal.reason.en).toBe(
      'Aachen has gone longest without hosting (last hosted on 12 Mar 2025); Celle already hosts the meeting on 12 Nov 2025 (never twice in a row).',
    )
  })

  it('never proposes the previous host again while anyone else can host', () => {
    // Round 1 open: Celle, unavailable. Aachen hosted last (by override): Bonn, not Aachen.
    const history = [
      { organisationId: 2, date: '2025-03-12' },
      { organisationId: 1, date: '2025-07-09', isOverride: true },
    ]
    const proposal = proposeNextHost({ members, history, unavailable: [3] })
    expect(proposal.organisationId).toBe(2)
    expect(proposal.reason.de).toContain(
      'Bonn war am längsten nicht Gastgeber (zuletzt am 12.03.2025 Gastgeber)',
    )
    // Only the previous host is available: it hosts again, and the reason says why.
    const only = proposeNextHost({ members, history, unavailable: [2, 3] })
    expect(only.organisationId).toBe(1)
    expect(only.reason.de).toContain('Niemand sonst kann diesmal Gastgeber sein')
  })

  it('never calls a member that hosted before or is planned to host "noch nie Gastgeber"', () => {
    const history = hostings([1, '2025-03-12'], [3, '2025-11-12'])
    const proposal = proposeNextHost({ members, history })
    expect(proposal.organisationId).toBe(2)
    expect(proposal.reason.de).toBe(
      'Bonn ist in Runde 1 noch nicht Gastgeber gewesen und war noch nie Gastgeber.',
    )
    // Bonn is already planned for a later meeting (not the next one): "bisher nicht", with the date.
    const planned = proposeNextHost({
      members,
      history: hostings([1, '2025-03-12']),
      later: hostings([3, '2025-11-12'], [2, '2026-03-11']),
    })
    expect(planned.organisationId).toBe(2)
    expect(planned.reason.de).toContain('war bisher nicht Gastgeber (erst am 11.03.2026 vorgesehen)')
    expect(planned.reason.de).not.toContain('noch nie')
    // Every proposal in a sequence of meetings: no host twice in a row, every reason true.
    const sequence = proposeHostSequence({
      members,
      history: hostings([3, '2024-11-13']),
      dates: ['2025-03-12', '2025-07-09', '2025-11-12', '2026-03-11', '2026-07-08'],
    })
    const ids = [3, ...sequence.map((h) => h.organisationId)]
    for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1])
    for (const h of sequence)
      if (h.lastHostedOn !== null) expect(h.reason.de).not.toContain('noch nie Gastgeber')
  })
})

describe('proposeHostSequence', () => {
  it('plans a year and the first meeting of the next round', () => {
    const hosts = proposeHostSequence({
      members,
      history: [],
      dates: ['2027-03-10', '2027-07-14', '2027-11-10', '2028-03-08'],
    })
    expect(hosts.map((h) => h.organisationId)).toEqual([1, 2, 3, 1])
    expect(hosts.map((h) => h.round)).toEqual([1, 1, 1, 2])
  })
})
