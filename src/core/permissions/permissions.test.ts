import { describe, expect, it } from 'vitest'
import {
  abilitiesFor,
  assignPseudonyms,
  canManageAccount,
  canSeeNamedFigures,
  canShowAggregate,
  canUploadFor,
  canViewOrganisation,
  organisationVisibility,
  ROLES,
  type OrganisationInRings,
  type Viewer,
} from './index'

const viewer = (overrides: Partial<Viewer>): Viewer => ({
  userId: 1,
  role: 'member_lead',
  organisationId: 10,
  ringIds: [1],
  moderatedRingIds: [],
  ...overrides,
})
const own: OrganisationInRings = { id: 10, rings: [{ id: 1, sharing: 'named' }] }
const namedPeer: OrganisationInRings = { id: 11, rings: [{ id: 1, sharing: 'named' }] }
const pseudoPeer: OrganisationInRings = { id: 21, rings: [{ id: 2, sharing: 'pseudonymised' }] }
const outside: OrganisationInRings = { id: 31, rings: [{ id: 3, sharing: 'named' }] }
const ringless: OrganisationInRings = { id: 41, rings: [] }

describe('organisationVisibility', () => {
  it('shows members their own organisation in full, named peers by name, nothing outside', () => {
    const lead = viewer({})
    expect(organisationVisibility(lead, own)).toBe('full')
    expect(organisationVisibility(lead, namedPeer)).toBe('named')
    expect(organisationVisibility(lead, outside)).toBe('none')
    expect(organisationVisibility(lead, ringless)).toBe('none')
  })

  it('pseudonymises peers of a ring that shares under pseudonyms', () => {
    const member = viewer({ organisationId: 20, ringIds: [2] })
    expect(organisationVisibility(member, pseudoPeer)).toBe('pseudonymised')
    expect(canViewOrganisation(member, pseudoPeer)).toBe(true)
    expect(canSeeNamedFigures(member, pseudoPeer)).toBe(false)
  })

  it('lets moderators see all rings by default, or only the rings they are limited to', () => {
    const all = viewer({ role: 'moderator', organisationId: null, ringIds: [], moderatedRingIds: 'all' })
    expect([own, pseudoPeer, outside, ringless].map((o) => organisationVisibility(all, o))).toEqual([
      'full',
      'full',
      'full',
      'full',
    ])
    const limited = viewer({ role: 'moderator', organisationId: null, ringIds: [], moderatedRingIds: [2] })
    expect(organisationVisibility(limited, pseudoPeer)).toBe('full')
    expect(organisationVisibility(limited, own)).toBe('none')
  })

  it('lets administrators see everything', () => {
    const admin = viewer({ role: 'admin', organisationId: null, ringIds: [] })
    expect(organisationVisibility(admin, outside)).toBe('full')
  })

  it('shows a viewer without an organisation nothing one by one', () => {
    const guest = viewer({ role: 'viewer', organisationId: null, ringIds: [] })
    expect([own, namedPeer, outside].map((o) => organisationVisibility(guest, o))).toEqual([
      'none',
      'none',
      'none',
    ])
  })
})

describe('canUploadFor', () => {
  it('lets analysts upload for their own organisation only, administrators for any', () => {
    expect(canUploadFor(viewer({ role: 'member_analyst' }), 10)).toBe(true)
    expect(canUploadFor(viewer({ role: 'member_analyst' }), 11)).toBe(false)
    expect(canUploadFor(viewer({ role: 'member_lead' }), 10)).toBe(false)
    expect(canUploadFor(viewer({ role: 'viewer' }), 10)).toBe(false)
    expect(canUploadFor(viewer({ role: 'moderator', moderatedRingIds: 'all' }), 10)).toBe(false)
    expect(canUploadFor(viewer({ role: 'admin' }), 99)).toBe(true)
  })
})

describe('canManageAccount', () => {
  const limited = viewer({ role: 'moderator', organisationId: null, ringIds: [], moderatedRingIds: [1] })
  it('lets moderators manage member accounts of their rings, never network roles', () => {
    expect(canManageAccount(limited, { role: 'member_analyst', organisation: own })).toBe(true)
    expect(canManageAccount(limited, { role: 'member_analyst', organisation: outside })).toBe(false)
    expect(canManageAccount(limited, { role: 'admin', organisation: null })).toBe(false)
    expect(canManageAccount(limited, { role: 'moderator', organisation: null })).toBe(false)
    expect(canManageAccount(limited, { role: 'viewer', organisation: null })).toBe(false)
  })
  it('lets administrators manage any account and members none', () => {
    expect(canManageAccount(viewer({ role: 'admin' }), { role: 'admin', organisation: null })).toBe(true)
    expect(canManageAccount(viewer({}), { role: 'viewer', organisation: own })).toBe(false)
  })
})

describe('aggregates and abilities', () => {
  it('pools figures only over at least five organisations', () => {
    expect(canShowAggregate(4)).toBe(false)
    expect(canShowAggregate(5)).toBe(true)
  })
  it('derives the session abilities from the role', () => {
    expect(abilitiesFor(null)).toMatchObject({ isSignedIn: false, canViewData: false })
    expect(abilitiesFor(viewer({ role: 'member_analyst' }))).toMatchObject({
      canUploadData: true,
      canManageUsers: false,
      canViewAuditLog: false,
    })
    expect(abilitiesFor(viewer({ role: 'admin' }))).toMatchObject({
      canViewAuditLog: true,
      canManageUsers: true,
    })
    expect(abilitiesFor(viewer({ role: 'viewer' }))).toMatchObject({
      canViewData: true,
      canViewImports: false,
    })
  })
  it('says who plans meetings, proposes topics and writes practice cards (the web UI shows buttons by these)', () => {
    expect(abilitiesFor(viewer({ role: 'moderator' }))).toMatchObject({
      canPlanMeetings: true,
      canProposeTopics: true,
      canWritePractices: true,
    })
    expect(abilitiesFor(viewer({ role: 'member_lead' }))).toMatchObject({
      canPlanMeetings: false,
      canProposeTopics: true,
      canWritePractices: true,
    })
    expect(abilitiesFor(viewer({ role: 'viewer' }))).toMatchObject({
      canPlanMeetings: false,
      canProposeTopics: false,
      canWritePractices: false,
    })
  })
})

describe('self-assessment cycles', () => {
  it('lets only administrators and moderators open, close and reopen cycles (the page shows the form by this)', () => {
    const flags = (role: Viewer['role']) =>
      abilitiesFor(viewer({ role, moderatedRingIds: role === 'moderator' ? 'all' : [] }))
        .canManageSelfAssessment
    expect(ROLES.map((role) => [role, flags(role)])).toEqual([
      ['admin', true],
      ['moderator', true],
      ['member_lead', false],
      ['member_analyst', false],
      ['viewer', false],
    ])
    expect(abilitiesFor(null).canManageSelfAssessment).toBe(false)
    // Cycles span the network: a moderator limited to some rings is not offered the form.
    expect(abilitiesFor(viewer({ role: 'moderator', moderatedRingIds: [1] })).canManageSelfAssessment).toBe(
      false,
    )
  })
})

describe('assignPseudonyms', () => {
  it('gives every member a letter and a negative id, independent of id order, stable per secret', () => {
    const first = assignPseudonyms({ ringId: 3, ringLabel: 'Ring 3', memberIds: [5, 6, 7], secret: 's1' })
    const again = assignPseudonyms({ ringId: 3, ringLabel: 'Ring 3', memberIds: [7, 6, 5], secret: 's1' })
    expect([...first.entries()].sort()).toEqual([...again.entries()].sort())
    expect([...first.values()].map((p) => p.name).sort()).toEqual([
      'Jobcenter A (Ring 3)',
      'Jobcenter B (Ring 3)',
      'Jobcenter C (Ring 3)',
    ])
    expect([...first.values()].every((p) => p.id < 0)).toBe(true)
  })
})
