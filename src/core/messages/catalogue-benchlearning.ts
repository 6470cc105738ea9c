/**
 * Server texts of meetings, data collections, host rotation, spotlights and plausibility checks, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const BENCHLEARNING_MESSAGES = {
  // Topics: how the list is ranked (core/benchlearning/votes.ts)
  'topic.votingRule': {
    de: 'Jede Person kann jedes Thema einmal unterstützen. Die Reihenfolge ergibt sich zuerst aus der Zahl der unterstützenden Jobcenter, dann aus der Zahl der Stimmen; bei Gleichstand teilen sich Themen einen Rang (das früher vorgeschlagene steht oben).',
    en: 'Each person can support each topic once. The order follows first the number of supporting job centres, then the number of votes; topics that tie share a rank (the one proposed earlier stands first).',
  },
  // Host rotation: why a member is proposed (core/benchlearning/host-rotation.ts)
  'host.lastHosted': { de: 'zuletzt am {day:date} Gastgeber', en: 'last hosted on {day:date}' },
  'host.plannedOnly': {
    de: 'bisher nicht Gastgeber (erst am {day:date} vorgesehen)',
    en: 'has not hosted so far (planned only for {day:date})',
  },
  'host.neverHosted': { de: 'noch nie Gastgeber', en: 'has never hosted' },
  'host.hostsMeeting': {
    de: '{name} richtet schon das Treffen am {day:date} aus',
    en: '{name} already hosts the meeting on {day:date}',
  },
  'host.othersAway': {
    de: 'die anderen, die in Runde {round} noch offen sind, sind diesmal verhindert',
    en: 'the others still open in round {round} cannot host this time',
  },
  'host.allAway': {
    de: 'alle, die in Runde {round} noch offen sind, sind diesmal verhindert',
    en: 'none of those still open in round {round} can host this time',
  },
  'host.neverTwice': { de: '{hosts} (nie zweimal hintereinander)', en: '{hosts} (never twice in a row)' },
  'host.onlyChoice': {
    de: ' Niemand sonst kann diesmal Gastgeber sein ({why}).',
    en: ' Nobody else can host this time ({why}).',
  },
  'host.longestAgo': {
    de: '{name} war am längsten nicht Gastgeber ({when}); {why}.',
    en: '{name} has gone longest without hosting ({when}); {why}.',
  },
  'host.openInRound': {
    de: '{name} ist in Runde {round} noch nicht Gastgeber gewesen und war {when}',
    en: '{name} has not hosted in round {round} yet and {when}',
  },
  'host.tieByName': {
    de: '; bei Gleichstand mit {others} weiteren entscheidet der Name (alphabetisch).',
    en: '; tied with {others|# other|# others}, the name decides (alphabetically).',
  },
  'host.tieByPseudonym': {
    de: '; bei Gleichstand mit {others} weiteren entscheidet das Pseudonym (alphabetisch).',
    en: '; tied with {others|# other|# others}, the pseudonym decides (alphabetically).',
  },
  // A name the reader may not see, inside a text the server wrote (meetings/load-meeting-scope.ts)
  'meeting.hiddenOrganisation': { de: 'eine Organisation', en: 'an organisation' },
  'meeting.scheduleNote': {
    de: 'Vorschlag: Termine gleichmäßig über das Jahr (jeweils zweiter Mittwoch), Gastgeber nach der Rotationsregel. Schulferien und Feiertage werden nicht berücksichtigt – bitte bei Bedarf von Hand verschieben.',
    en: 'Proposal: dates spread evenly over the year (each on the second Wednesday), hosts by the rotation rule. School holidays and public holidays are not taken into account – please move dates by hand where needed.',
  },
} as const satisfies Record<string, { de: string; en: string }>
