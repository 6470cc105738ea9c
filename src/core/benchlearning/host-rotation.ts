/**
 * Fair host rotation for ring meetings. Pure: the caller passes the current members and the
 * hosting history (meetings that took place or are planned, with their host).
 *
 * The rule, in order:
 * 1. Rounds: walking the history from the oldest meeting, a round is complete once every current
 *    member has hosted in it; the next meeting starts a new round. Within the current round only
 *    members who have not hosted yet are eligible, so nobody hosts twice before everyone once.
 *    Hosts that have left the ring count as history but never hold a round open.
 * 2. Among the eligible, the least recently hosted is proposed (never hosted counts as longest ago).
 * 3. Ties (e.g. several members that never hosted) go to the alphabetically first name (German
 *    collation), then the lower organisation id: a rule anyone can check by looking at the list.
 *    In a ring that shares under pseudonyms the caller passes each member's pseudonym as
 *    `tieBreakName`, so that ties go by pseudonym and the proposal tells peers nothing about names.
 * 4. Never the same host twice in a row: the host of the meeting before (the latest in the history)
 *    and of the meeting after (the earliest of `later`, when a meeting is planned between others)
 *    are left out while anyone else can host; the round's open members wait for the next meeting.
 * Members the moderator marks unavailable for this meeting are skipped this time only.
 * An override (the moderator chose another host) is simply a history entry like any other.
 */

import { formatList, type Locale } from '../format/format'
import { message, text } from '../messages/text'
import { conflict, invalidInput } from '../errors/app-error'

export interface RotationMember {
  organisationId: number
  name: string
  /** The name ties are broken by when it is not `name` (a pseudonym). */
  tieBreakName?: string
}

export interface HostingRecord {
  organisationId: number
  /** ISO date of the meeting's first day. */
  date: string
  /** The moderator chose this host instead of the proposal. */
  isOverride?: boolean
}

export interface HostProposal {
  organisationId: number
  /** Number of the current round (1 = the ring's first round). */
  round: number
  /** Members that have already hosted in the current round (before this proposal). */
  hostedInRound: number[]
  /** Members still to host in the current round, including the proposed one. */
  remainingInRound: number[]
  /** The proposed host's last hosting, or null when it never hosted. */
  lastHostedOn: string | null
  /** Why this member: one sentence in each language. */
  reason: { de: string; en: string }
}

export interface ProposeHostOptions {
  members: readonly RotationMember[]
  history: readonly HostingRecord[]
  /** Members that cannot host this time (they stay first in line for the next meeting). */
  unavailable?: readonly number[]
  /** Hosts of the ring's meetings after this one (already planned), for rule 4 and a true reason. */
  later?: readonly HostingRecord[]
}

interface RoundState {
  round: number
  hostedInRound: Set<number>
  lastHosted: Map<number, string>
}

function replayHistory(members: readonly RotationMember[], history: readonly HostingRecord[]): RoundState {
  const memberIds = new Set(members.map((m) => m.organisationId))
  const ordered = [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const lastHosted = new Map<number, string>()
  let hostedInRound = new Set<number>()
  let round = 1
  for (const record of ordered) {
    lastHosted.set(record.organisationId, record.date)
    if (!memberIds.has(record.organisationId)) continue
    hostedInRound.add(record.organisationId)
    if (hostedInRound.size === memberIds.size) {
      round += 1
      hostedInRound = new Set()
    }
  }
  return { round, hostedInRound, lastHosted }
}

const collator = new Intl.Collator('de')

/** The next host by the rotation rule (see the file comment); throws when no member can host. */
export function proposeNextHost(options: ProposeHostOptions): HostProposal {
  const { members, history } = options
  if (members.length === 0) throw conflict(message('host.noMembers'))
  const unavailable = new Set(options.unavailable ?? [])
  const state = replayHistory(members, history)
  const byDate = (a: HostingRecord, b: HostingRecord) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
  const previous = [...history].sort(byDate).at(-1)
  const next = [...(options.later ?? [])].sort(byDate)[0]
  const neighbours = new Map<number, HostingRecord>()
  if (previous) neighbours.set(previous.organisationId, previous)
  if (next) neighbours.set(next.organisationId, next)
  const available = members.filter((m) => !unavailable.has(m.organisationId))
  if (available.length === 0) throw invalidInput(message('host.everyoneUnavailable'))
  // Rule 4 first: a neighbour hosts again only when nobody else is available at all.
  const notNeighbour = available.filter((m) => !neighbours.has(m.organisationId))
  const pool = notNeighbour.length > 0 ? notNeighbour : available
  const open = members.filter((m) => !state.hostedInRound.has(m.organisationId))
  let candidates = pool.filter((m) => !state.hostedInRound.has(m.organisationId))
  let isOutsideRound = false
  if (candidates.length === 0) {
    // Everyone still open in this round is unavailable or hosts the meeting before or after:
    // the fairest fallback is the least recently hosted of the others; the open members keep
    // their place for the next meeting.
    candidates = pool
    isOutsideRound = true
  }
  const sorted = [...candidates].sort((a, b) => {
    const la = state.lastHosted.get(a.organisationId) ?? ''
    const lb = state.lastHosted.get(b.organisationId) ?? ''
    if (la !== lb) return la < lb ? -1 : 1
    const byName = collator.compare(a.tieBreakName ?? a.name, b.tieBreakName ?? b.name)
    return byName || a.organisationId - b.organisationId
  })
  const chosen = sorted[0]!
  const last = state.lastHosted.get(chosen.organisationId) ?? null
  const tied = sorted.filter((m) => (state.lastHosted.get(m.organisationId) ?? null) === last).length
  const planned = [...(options.later ?? [])]
    .sort(byDate)
    .find((h) => h.organisationId === chosen.organisationId)
  const facts: ReasonFacts = {
    name: chosen.name,
    round: state.round,
    last,
    planned: planned?.date ?? null,
    isOutsideRound,
    othersOpenAway: open.length > open.filter((m) => neighbours.has(m.organisationId)).length,
    openNeighbours: open
      .filter((m) => neighbours.has(m.organisationId))
      .map((m) => ({ name: m.name, date: neighbours.get(m.organisationId)!.date })),
    onlyChoice: neighbours.has(chosen.organisationId)
      ? { name: chosen.name, date: neighbours.get(chosen.organisationId)!.date }
      : null,
    tiedWith: tied - 1,
    tieBy: chosen.tieBreakName !== undefined ? 'pseudonym' : 'name',
  }
  return {
    organisationId: chosen.organisationId,
    round: state.round,
    hostedInRound: members.map((m) => m.organisationId).filter((id) => state.hostedInRound.has(id)),
    remainingInRound: open.map((m) => m.organisationId),
    lastHostedOn: last,
    reason: { de: hostReason('de', facts), en: hostReason('en', facts) },
  }
}

/**
 * Hosts for several future meetings at once (e.g. a year's schedule): each proposal is added to
 * the history before the next is made, so the sequence follows the same rule.
 */
export function proposeHostSequence(options: {
  members: readonly RotationMember[]
  history: readonly HostingRecord[]
  dates: readonly string[]
}): HostProposal[] {
  const history = [...options.history]
  return options.dates.map((date) => {
    const proposal = proposeNextHost({ members: options.members, history })
    history.push({ organisationId: proposal.organisationId, date })
    return proposal
  })
}

/** What the reason for a proposal says, before it is worded in a language. */
interface ReasonFacts {
  name: string
  round: number
  /** The proposed host's last hosting, its planned one (when it never hosted yet), or neither. */
  last: string | null
  planned: string | null
  isOutsideRound: boolean
  /** Members still open in the round were left out because they are unavailable this time. */
  othersOpenAway: boolean
  /** Members still open in the round left out because they host the meeting before or after. */
  openNeighbours: { name: string; date: string }[]
  /** The proposed host hosts the meeting before or after, and nobody else can host. */
  onlyChoice: { name: string; date: string } | null
  tiedWith: number
  tieBy: 'name' | 'pseudonym'
}

/** The reason for a proposal in one language, from the same facts as the proposal. */
function hostReason(locale: Locale, f: ReasonFacts): string {
  const hostsMeeting = (m: { name: string; date: string }) =>
    text(locale, 'host.hostsMeeting', { name: m.name, day: m.date })
  const when = f.last
    ? text(locale, 'host.lastHosted', { day: f.last })
    : f.planned
      ? text(locale, 'host.plannedOnly', { day: f.planned })
      : text(locale, 'host.neverHosted')
  const onlyChoice = f.onlyChoice ? text(locale, 'host.onlyChoice', { why: hostsMeeting(f.onlyChoice) }) : ''
  if (f.isOutsideRound) {
    const why = [
      ...(f.othersOpenAway
        ? [
            text(locale, f.openNeighbours.length > 0 ? 'host.othersAway' : 'host.allAway', {
              round: f.round,
            }),
          ]
        : []),
      ...(f.openNeighbours.length > 0
        ? [text(locale, 'host.neverTwice', { hosts: formatList(locale, f.openNeighbours.map(hostsMeeting)) })]
        : []),
    ].join('; ')
    return text(locale, 'host.longestAgo', { name: f.name, when, why }) + onlyChoice
  }
  const tie =
    f.tiedWith > 0
      ? text(locale, f.tieBy === 'pseudonym' ? 'host.tieByPseudonym' : 'host.tieByName', {
          others: f.tiedWith,
        })
      : '.'
  return text(locale, 'host.openInRound', { name: f.name, round: f.round, when }) + tie + onlyChoice
}
