/**
 * The session abilities the web UI shows buttons by must say the same as the routes' role lists:
 * a button for a write the server refuses (or a missing button for one it allows) is a bug.
 */
import { describe, expect, it } from 'vitest'
import { PERMISSIONS } from '../core/permissions'
import { createMeetingRoute, proposeScheduleRoute } from '../features/meetings/meeting.routes'
import { proposeTopicRoute, voteRoute } from '../features/meetings/topic.routes'
import { createPracticeRoute, adoptPracticeRoute } from '../features/practices/practice.routes'

function rolesOf(route: { access: unknown }): readonly string[] {
  const access = route.access as { roles?: readonly string[] | 'any' }
  return access.roles === 'any' || access.roles === undefined ? [] : access.roles
}

describe('abilities match the route rules', () => {
  it('planMeetings = who may create meetings and schedules', () => {
    expect([...rolesOf(createMeetingRoute)].sort()).toEqual([...PERMISSIONS.planMeetings].sort())
    expect([...rolesOf(proposeScheduleRoute)].sort()).toEqual([...PERMISSIONS.planMeetings].sort())
  })
  it('proposeTopics = who may propose and vote', () => {
    expect([...rolesOf(proposeTopicRoute)].sort()).toEqual([...PERMISSIONS.proposeTopics].sort())
    expect([...rolesOf(voteRoute)].sort()).toEqual([...PERMISSIONS.proposeTopics].sort())
  })
  it('writePractices = who may write cards and record adoptions', () => {
    expect([...rolesOf(createPracticeRoute)].sort()).toEqual([...PERMISSIONS.writePractices].sort())
    expect([...rolesOf(adoptPracticeRoute)].sort()).toEqual([...PERMISSIONS.writePractices].sort())
  })
})
