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
  // Meeting dates and records closed (core/benchlearning/meeting-life.ts).
  'meeting.lastDayBeforeFirst': {
    de: 'Ende: Der letzte Tag {endsOn:date} liegt vor dem ersten Tag {startsOn:date}',
    en: 'endsOn: the last day {endsOn:date} is before the first day {startsOn:date}',
  },
  'meeting.expectedDayOnOrAfterStart': {
    de: 'erwartet: ein Tag am oder nach dem ersten Tag',
    en: 'expected a day on or after startsOn',
  },
  'meeting.timesBothOrNeither': {
    de: 'Uhrzeiten: Beginn und Ende angeben (ein Treffen mit Uhrzeit) oder keine von beiden (ganztägig)',
    en: 'startTime and endTime: give both (a timed meeting) or neither (all-day)',
  },
  'meeting.timeMissing': { de: 'fehlt', en: 'missing' },
  'meeting.endNotAfterStart': {
    de: 'Ende: {endTime} Uhr liegt nicht nach dem Beginn um {startTime} Uhr am selben Tag',
    en: 'endTime: {endTime} is not after startTime {startTime} on the same day',
  },
  'meeting.expectedLaterTime': { de: 'erwartet: eine spätere Uhrzeit', en: 'expected a later time' },
  'meeting.datesFixed': {
    de: 'Termin: Treffen {id} ist {status:meetingStatus}; sein Termin kann sich nicht mehr ändern ({fields})',
    en: '{fields}: meeting {id} is {status:meetingStatus}; its dates can no longer change',
  },
  'meeting.expectedUnchanged': { de: 'erwartet: {before}', en: 'expected {before}' },
  'meeting.minutesOnlyHeld': {
    de: 'Protokoll: wird geschrieben, sobald Treffen {id} durchgeführt wurde (es ist {status:meetingStatus})',
    en: 'minutes: written once meeting {id} was held (it is {status:meetingStatus})',
  },
  'meeting.setHeldFirst': {
    de: 'zuerst das Treffen als durchgeführt markieren',
    en: 'set the status to held first',
  },
  'meeting.approvedClosed.agenda': {
    de: 'Tagesordnung: Das Protokoll von Treffen {id} ist freigegeben und geschlossen',
    en: 'agenda: the minutes of meeting {id} are approved and closed',
  },
  'meeting.approvedClosed.minutes': {
    de: 'Protokoll: Das Protokoll von Treffen {id} ist freigegeben und geschlossen',
    en: 'minutes: the minutes of meeting {id} are approved and closed',
  },
  'meeting.approvedClosed.decision': {
    de: 'Beschluss: Das Protokoll von Treffen {id} ist freigegeben und geschlossen',
    en: 'decision: the minutes of meeting {id} are approved and closed',
  },
  'meeting.approvedClosed.action': {
    de: 'Aufgabe: Das Protokoll von Treffen {id} ist freigegeben und geschlossen',
    en: 'action: the minutes of meeting {id} are approved and closed',
  },
  'meeting.cancelledClosed.agenda': {
    de: 'Tagesordnung: Treffen {id} wurde abgesagt; dazu wird nichts mehr festgehalten',
    en: 'agenda: meeting {id} was cancelled; nothing more is recorded for it',
  },
  'meeting.cancelledClosed.minutes': {
    de: 'Protokoll: Treffen {id} wurde abgesagt; dazu wird nichts mehr festgehalten',
    en: 'minutes: meeting {id} was cancelled; nothing more is recorded for it',
  },
  'meeting.cancelledClosed.decision': {
    de: 'Beschluss: Treffen {id} wurde abgesagt; dazu wird nichts mehr festgehalten',
    en: 'decision: meeting {id} was cancelled; nothing more is recorded for it',
  },
  'meeting.cancelledClosed.action': {
    de: 'Aufgabe: Treffen {id} wurde abgesagt; dazu wird nichts mehr festgehalten',
    en: 'action: meeting {id} was cancelled; nothing more is recorded for it',
  },
} as const satisfies Record<string, { de: string; en: string }>
