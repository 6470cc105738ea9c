/**
 * How the caller sees organisations and people in meeting responses. Meetings are about people
 * who meet, but the ring's sharing setting still holds: in a ring that shares under pseudonyms,
 * peers appear as "Jobcenter C (Vergleichsring 2)", and their people by that label only.
 */
import type { Kysely } from 'kysely'
import type { Viewer } from '../../core/permissions'
import type { Locale } from '../../core/format/format'
import { text as renderText } from '../../core/messages/text'
import type { OrgRef } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { listOrganisationNames } from './meeting.repository'

export interface MeetingScope {
  viewer: Viewer
  /** The organisation as the caller may see it, or null when it must stay hidden. */
  orgRef(organisationId: number | null): OrgRef | null
  /** A person: by name when their organisation is visible by name (or they have none). */
  personRef(user: { id: number; name: string; organisationId: number | null } | null): {
    id: number
    name: string
  } | null
  /**
   * A text the server wrote (a spotlight's title, "Offene Aufgabe: … (Jobcenter X)", a host
   * rotation's reason) with every organisation name the caller may not read replaced by what they
   * see: the pseudonym, or "eine Organisation" ("an organisation" in English texts).
   */
  maskNames(text: string, locale?: Locale): string
  /** `maskNames` of a text written in both languages. */
  maskLocalized(text: { de: string; en: string }): { de: string; en: string }
}

/** Everything visible by name: for the CLI and other local, trusted callers. */
export const SYSTEM_VIEWER: Viewer = {
  userId: 0,
  role: 'admin',
  organisationId: null,
  ringIds: [],
  moderatedRingIds: 'all',
}

/** The organisation as the caller sees it, or a placeholder when it is hidden from them. */
export const orgOrHidden = (scope: MeetingScope, id: number): OrgRef =>
  scope.orgRef(id) ?? { id: 0, name: 'andere Organisation', isPseudonymised: true }

export async function loadMeetingScope(
  db: Kysely<DB>,
  options: { viewer: Viewer; at: string },
): Promise<MeetingScope> {
  const { viewer } = options
  const confidentiality = await loadConfidentiality(db, options.at)
  const names = await listOrganisationNames(db)
  const orgRef = (organisationId: number | null): OrgRef | null => {
    if (organisationId === null) return null
    const visibility = confidentiality.visibilityOf(viewer, organisationId)
    if (visibility === 'full' || visibility === 'named')
      return {
        id: organisationId,
        name: names.get(organisationId) ?? `#${organisationId}`,
        isPseudonymised: false,
      }
    if (visibility === 'pseudonymised') {
      const pseudonym = confidentiality.pseudonymFor(viewer, organisationId)
      if (pseudonym) return { id: pseudonym.id, name: pseudonym.name, isPseudonymised: true }
    }
    return null
  }
  // Longest names first, so that "Jobcenter Kassel" does not break up "Jobcenter Kassel Stadt".
  const byLength = [...names].sort(([, a], [, b]) => b.length - a.length)
  const maskNames = (text: string, locale: Locale = 'de') => {
    let result = text
    for (const [id, name] of byLength) {
      if (!result.includes(name)) continue
      const ref = orgRef(id)
      if (!ref || ref.isPseudonymised)
        result = result.split(name).join(ref?.name ?? renderText(locale, 'meeting.hiddenOrganisation'))
    }
    return result
  }
  return {
    viewer,
    orgRef,
    maskNames,
    maskLocalized(text) {
      return { de: maskNames(text.de, 'de'), en: maskNames(text.en, 'en') }
    },
    personRef(user) {
      if (!user) return null
      if (user.organisationId === null) return { id: user.id, name: user.name }
      const org = orgRef(user.organisationId)
      if (!org) return null
      return org.isPseudonymised
        ? { id: 0, name: `Person aus ${org.name}` }
        : { id: user.id, name: user.name }
    },
  }
}
