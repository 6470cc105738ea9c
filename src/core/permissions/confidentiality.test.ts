import { describe, expect, it } from 'vitest'
import { combineConfidentiality, valueVisibility } from './confidentiality'
import type { OrganisationInRings, Viewer } from './permissions'

const member: Viewer = {
  userId: 1,
  role: 'member_lead',
  organisationId: 1,
  ringIds: [10, 20],
  moderatedRingIds: [],
}
const own: OrganisationInRings = { id: 1, rings: [{ id: 10, sharing: 'named' }] }
const namedPeer: OrganisationInRings = { id: 2, rings: [{ id: 10, sharing: 'named' }] }
const pseudonymisedPeer: OrganisationInRings = { id: 3, rings: [{ id: 20, sharing: 'pseudonymised' }] }
const otherRing: OrganisationInRings = { id: 4, rings: [{ id: 30, sharing: 'named' }] }
const outsideNetwork: OrganisationInRings = { id: 5, rings: [] }

describe('valueVisibility', () => {
  it('shows public values of organisations outside the ring and the network by name', () => {
    expect(valueVisibility(member, otherRing, 'public')).toBe('named')
    expect(valueVisibility(member, outsideNetwork, 'public')).toBe('named')
  })
  it('keeps network values of organisations outside the ring hidden (aggregates only)', () => {
    expect(valueVisibility(member, otherRing, 'network')).toBe('none')
    expect(valueVisibility(member, outsideNetwork, 'network')).toBe('none')
  })
  it('keeps a pseudonymised peer under its pseudonym, also for public values', () => {
    expect(valueVisibility(member, pseudonymisedPeer, 'public')).toBe('pseudonymised')
    expect(valueVisibility(member, pseudonymisedPeer, 'network')).toBe('pseudonymised')
  })
  it('changes nothing for the own organisation and named peers', () => {
    for (const c of ['public', 'network'] as const) {
      expect(valueVisibility(member, own, c)).toBe('full')
      expect(valueVisibility(member, namedPeer, c)).toBe('named')
    }
  })
  it('gives a moderator of some rings public values of other rings by name, network values not', () => {
    const moderator: Viewer = {
      userId: 2,
      role: 'moderator',
      organisationId: null,
      ringIds: [],
      moderatedRingIds: [10],
    }
    expect(valueVisibility(moderator, otherRing, 'public')).toBe('named')
    expect(valueVisibility(moderator, otherRing, 'network')).toBe('none')
    expect(valueVisibility(moderator, namedPeer, 'network')).toBe('full')
  })
})

describe('combineConfidentiality', () => {
  it('is public only when every input is public', () => {
    expect(combineConfidentiality(['public', 'public'])).toBe('public')
    expect(combineConfidentiality(['public', 'network'])).toBe('network')
    expect(combineConfidentiality([])).toBe('network')
  })
})
