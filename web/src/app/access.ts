/**
 * What the UI may show, read from the abilities the server sends with the session. The UI never
 * derives permissions from the role itself: the server owns that table (src/core/permissions).
 */
import type { SessionState } from '../api/resources'

/** Permission names of src/core/permissions; the session carries them as `can` + Name. */
export type Ability =
  | 'viewData'
  | 'uploadData'
  | 'viewImports'
  | 'manageUsers'
  | 'inviteUsers'
  | 'viewAuditLog'
  | 'manageRings'
  | 'manageNetwork'
  | 'planMeetings'
  | 'proposeTopics'
  | 'writePractices'
  | 'manageSelfAssessment'
  | 'manageCollections'
  | 'fillCollections'

export function abilityKey(ability: Ability): string {
  return `can${ability[0]!.toUpperCase()}${ability.slice(1)}`
}

export function can(state: SessionState | undefined, ability: Ability): boolean {
  if (state?.kind !== 'signed-in') return false
  return state.session.abilities[abilityKey(ability)] === true
}
