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
  // Agenda items (features/meetings/add-agenda-item.ts, load-managed-agenda-item.ts, agenda.repository.ts).
  'agenda.topicRequired': {
    de: 'topicId: Ein Punkt aus einem Thema nennt das Thema',
    en: 'topicId: an item from a topic names the topic',
  },
  'agenda.actionRequired': {
    de: 'actionItemId: Ein Punkt aus einer offenen Aufgabe nennt die Aufgabe',
    en: 'actionItemId: an item from an open action names the action',
  },
  'agenda.spotlightRequired': {
    de: 'spotlight: Ein Punkt aus einem Schlaglicht enthält das Schlaglicht',
    en: 'spotlight: an item from a spotlight carries it',
  },
  'agenda.requiredForSource': {
    de: 'erforderlich für die Quelle {source}',
    en: 'required for source {source}',
  },
  'agenda.spotlightPseudonymised': {
    de: 'spotlight: Ein pseudonymisiertes Schlaglicht kann nicht gespeichert werden',
    en: 'spotlight: a pseudonymised spotlight cannot be stored',
  },
  'agenda.askModeration': { de: 'Bitte wenden Sie sich an die Moderation', en: 'ask the moderation' },
  'agenda.noItem': {
    de: 'Einen Tagesordnungspunkt {id} gibt es nicht',
    en: 'no agenda item with the id {id}',
  },
  'agenda.notOfMeeting': {
    de: 'agendaItemId: Punkt {itemId} steht nicht auf der Tagesordnung von Treffen {meetingId}',
    en: 'agendaItemId: item {itemId} is not on the agenda of meeting {meetingId}',
  },
  'agenda.expectedItemOfMeeting': {
    de: 'erwartet: ein Punkt dieses Treffens',
    en: 'expected an item of this meeting',
  },
  // Meetings: finding, scheduling and moderating them (features/meetings).
  'meeting.none': { de: 'Ein Treffen {id} gibt es nicht', en: 'no meeting with the id {id}' },
  'meeting.onlyModeration.editAgenda': {
    de: 'Nur die Moderation bearbeitet die Tagesordnung',
    en: 'only the moderation edits the agenda',
  },
  'meeting.onlyModeration.writeMinutes': {
    de: 'Nur die Moderation schreibt das Protokoll',
    en: 'only the moderation writes the minutes',
  },
  'meeting.onlyModeration.cancel': {
    de: 'Nur die Moderation sagt ein Treffen ab',
    en: 'only the moderation cancels a meeting',
  },
  'meeting.onlyModeration.approveMinutes': {
    de: 'Nur die Moderation gibt ein Protokoll frei',
    en: 'only the moderation approves minutes',
  },
  'meeting.onlyModeration.change': {
    de: 'Nur die Moderation ändert ein Treffen',
    en: 'only the moderation changes a meeting',
  },
  'meeting.unknownRingKey': {
    de: '{field}: Einen Ring mit dem Kürzel oder der Nummer „{key}“ gibt es nicht',
    en: "{field}: no ring with the code or id '{key}'",
  },
  'meeting.expectedRing': { de: 'erwartet: einer von {codes}', en: 'expected one of {codes}' },
  'meeting.unknownRingId': {
    de: 'ringId: Einen Ring {ringId} gibt es nicht',
    en: 'ringId: no ring with the id {ringId}',
  },
  'meeting.unknownRing': { de: 'unbekannter Ring', en: 'unknown ring' },
  'meeting.noNetwork': {
    de: 'Es gibt noch kein Netzwerk für eine netzwerkweite Veranstaltung oder ein Thema',
    en: 'there is no network yet to hold a network-wide event or topic in',
  },
  'spotlight.note.none': {
    de: 'keine Datenschlaglichter: {reason:inLanguage}',
    en: 'no data spotlights: {reason:inLanguage}',
  },
  'spotlight.note.tooFewMembers': {
    de: 'der Ring hat in diesem Monat weniger als zwei Mitglieder',
    en: 'the ring has fewer than two members in this month',
  },
  'spotlight.note.noContextModel': {
    de: '{code}: kein Kontextmodell ({reason:inLanguage})',
    en: '{code}: no context model ({reason:inLanguage})',
  },
  'spotlight.note.figure': { de: '{code}: {reason:inLanguage}', en: '{code}: {reason:inLanguage}' },
  'schedule.countRange': {
    de: 'erwartet: 1 bis 12 Treffen im Jahr, erhalten {count}',
    en: 'expected 1 to 12 meetings per year, got {count}',
  },
  'host.noMembers': { de: 'Der Ring hat keine Mitglieder', en: 'the ring has no members' },
  'host.everyoneUnavailable': {
    de: 'Alle Mitglieder sind als verhindert markiert; niemand kann Gastgeber sein',
    en: 'every member is marked unavailable; nobody can host',
  },
  'meeting.networkWideRoles': {
    de: 'Netzwerkweite Veranstaltungen planen nur Moderation und Administration',
    en: 'only moderators and administrators plan network-wide events',
  },
  'topic.proposeRoles': {
    de: 'Themen schlagen nur Leitungen, Analysten und die Moderation vor',
    en: 'only leads, analysts and moderators propose topics',
  },
  'topic.proposeOwnRing': {
    de: 'Themen schlagen Sie nur für Ihren eigenen Ring vor (Ring {ringId} ist nicht Ihrer)',
    en: 'you may propose topics only for your own ring (ring {ringId} is not yours)',
  },
  'meeting.notYourRing': {
    de: 'Sie moderieren Ring {ringId} nicht',
    en: 'you do not moderate ring {ringId}',
  },
  'meeting.ringWithoutMembers': {
    de: 'Ring {ring} hat am {day:date} keine Mitglieder',
    en: 'ring {ring} has no members on {day:date}',
  },
  'meeting.registerOnlyInvited': {
    de: 'Nur Leitungen und Analysten einer eingeladenen Organisation melden sich zu einem Treffen an',
    en: 'only leads and analysts of an invited organisation register for a meeting',
  },
  'meeting.ringNeeded': {
    de: 'ringId: Ein Ringtreffen braucht seinen Ring',
    en: 'ringId: a ring meeting needs its ring',
  },
  'meeting.requiredForRingMeeting': {
    de: 'erforderlich für ein Ringtreffen',
    en: 'required for kind ring_meeting',
  },
  'meeting.networkWideNoRing': {
    de: 'ringId: Eine Veranstaltung der Art {kind} gilt für das ganze Netzwerk und hat keinen Ring',
    en: 'ringId: a {kind} is network-wide and has no ring',
  },
  'meeting.expectedNoRing': { de: 'erwartet: kein Ring (null)', en: 'expected null' },
  // Topics (features/meetings/vote-for-topic.ts, update-topic-status.ts, find-visible-topic.ts).
  'topic.none': { de: 'Ein Thema {id} gibt es nicht', en: 'no topic with the id {id}' },
  'topic.onlyModeration': {
    de: 'Nur die Moderation ändert ein Thema',
    en: 'only the moderation changes a topic',
  },
  'topic.voteRoles': {
    de: 'Nur Leitungen, Analysten und die Moderation des Rings stimmen ab',
    en: 'only leads, analysts and moderators of the ring vote',
  },
  'topic.notOpen': {
    de: 'Das Thema ist {status:topicStatus}; abgestimmt wird nur über offene Themen',
    en: 'the topic is {status:topicStatus}; only open topics take votes',
  },
  'topic.status.open': { de: 'offen', en: 'open' },
  'topic.status.scheduled': { de: 'eingeplant', en: 'scheduled' },
  'topic.status.done': { de: 'erledigt', en: 'done' },
  'topic.status.rejected': { de: 'abgelehnt', en: 'rejected' },
  // Action items (features/meetings/add-action-item.ts, update-action-item.ts, minutes.repository.ts).
  'action.none': { de: 'Eine Aufgabe {id} gibt es nicht', en: 'no action item with the id {id}' },
  'action.ownerRequired': {
    de: 'ownerOrganisationId: Eine Aufgabe braucht eine verantwortliche Organisation oder Person',
    en: 'ownerOrganisationId: an action needs an owner organisation or person',
  },
  'action.requiredUnlessUser': {
    de: 'erforderlich, wenn keine ownerUserId angegeben ist',
    en: 'required unless ownerUserId is given',
  },
  'action.cannotRemoveBothOwners': {
    de: 'Beide Verantwortlichen können nicht entfernt werden',
    en: 'cannot remove both owners',
  },
  'action.organisationNotInvited': {
    de: 'ownerOrganisationId: Organisation {organisationId} nimmt an diesem Treffen nicht teil',
    en: 'ownerOrganisationId: organisation {organisationId} does not take part in this meeting',
  },
  'action.expectedInvitedOrganisation': {
    de: 'erwartet: eine eingeladene Organisation',
    en: 'expected an invited organisation',
  },
  'action.userNotInvited': {
    de: 'ownerUserId: Person {userId} nimmt an diesem Treffen nicht teil',
    en: 'ownerUserId: user {userId} does not take part in this meeting',
  },
  'action.expectedInvitedPerson': {
    de: 'erwartet: eine Person einer eingeladenen Organisation',
    en: 'expected a person of an invited organisation',
  },
  'action.onlyModerationOrOwner': {
    de: 'Nur die Moderation – beim Status auch die Verantwortlichen – ändert eine Aufgabe',
    en: 'only the moderation, or the owner for the status, changes an action item',
  },
  // Names in free text (core/pseudonymity/find-organisation-names.ts).
  'names.inText': {
    de: '{field}: Dieser Text nennt {names} – in einem Ring, der unter Pseudonymen teilt, sehen die anderen Organisationen nur unter Pseudonymen',
    en: '{field}: this text names {names} — peers in a ring that shares under pseudonyms see organisations only under pseudonyms',
  },
  // Data spotlights (core/benchlearning/spotlight-text.ts): titles and sentences from their numbers.
  'spotlight.title.largest_change': {
    de: 'Größte Veränderung: {figure} ({code}) bei {organisation}',
    en: 'Largest change: {figure} ({code}) at {organisation}',
  },
  'spotlight.title.beyond_expectation': {
    de: 'Abweichung vom Erwartungswert: {figure} ({code}) bei {organisation}',
    en: 'Beyond the expected value: {figure} ({code}) at {organisation}',
  },
  'spotlight.title.excellence': {
    de: 'Beispiel guter Praxis: {figure} ({code}) bei {organisation}',
    en: 'Example of good practice: {figure} ({code}) at {organisation}',
  },
  'spotlight.change.better': {
    de: '{organisation}: {figure} ({code}) {value:fixed}\u00a0% im {period:period} nach {previous:fixed}\u00a0% ein Jahr zuvor ({change:signed} Prozentpunkte) – eine Verbesserung; die größte Veränderung dieser Kennzahl im Ring.',
    en: '{organisation}: {figure} ({code}) {value:fixed}\u00a0% in {period:period} after {previous:fixed}\u00a0% a year before ({change:signed} percentage points) – an improvement; the largest change of this figure in the ring.',
  },
  'spotlight.change.worse': {
    de: '{organisation}: {figure} ({code}) {value:fixed}\u00a0% im {period:period} nach {previous:fixed}\u00a0% ein Jahr zuvor ({change:signed} Prozentpunkte) – eine Verschlechterung; die größte Veränderung dieser Kennzahl im Ring.',
    en: '{organisation}: {figure} ({code}) {value:fixed}\u00a0% in {period:period} after {previous:fixed}\u00a0% a year before ({change:signed} percentage points) – a deterioration; the largest change of this figure in the ring.',
  },
  'spotlight.change.neutral': {
    de: '{organisation}: {figure} ({code}) {value:fixed}\u00a0% im {period:period} nach {previous:fixed}\u00a0% ein Jahr zuvor ({change:signed} Prozentpunkte); die größte Veränderung dieser Kennzahl im Ring.',
    en: '{organisation}: {figure} ({code}) {value:fixed}\u00a0% in {period:period} after {previous:fixed}\u00a0% a year before ({change:signed} percentage points); the largest change of this figure in the ring.',
  },
  'spotlight.above.better': {
    de: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% im {period:period}, über dem erwarteten Wert von {expected:fixed}\u00a0% und außerhalb des 95-%-Prognoseintervalls ({lower:fixed} bis {upper:fixed}\u00a0%) – besser als unter diesen Rahmenbedingungen erwartet.',
    en: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% in {period:period}, above the expected value of {expected:fixed}\u00a0% and outside the 95\u00a0% prediction interval ({lower:fixed} to {upper:fixed}\u00a0%) – better than expected under these conditions.',
  },
  'spotlight.above.worse': {
    de: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% im {period:period}, über dem erwarteten Wert von {expected:fixed}\u00a0% und außerhalb des 95-%-Prognoseintervalls ({lower:fixed} bis {upper:fixed}\u00a0%) – schlechter als unter diesen Rahmenbedingungen erwartet.',
    en: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% in {period:period}, above the expected value of {expected:fixed}\u00a0% and outside the 95\u00a0% prediction interval ({lower:fixed} to {upper:fixed}\u00a0%) – worse than expected under these conditions.',
  },
  'spotlight.above.neutral': {
    de: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% im {period:period}, über dem erwarteten Wert von {expected:fixed}\u00a0% und außerhalb des 95-%-Prognoseintervalls ({lower:fixed} bis {upper:fixed}\u00a0%).',
    en: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% in {period:period}, above the expected value of {expected:fixed}\u00a0% and outside the 95\u00a0% prediction interval ({lower:fixed} to {upper:fixed}\u00a0%).',
  },
  'spotlight.below.better': {
    de: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% im {period:period}, unter dem erwarteten Wert von {expected:fixed}\u00a0% und außerhalb des 95-%-Prognoseintervalls ({lower:fixed} bis {upper:fixed}\u00a0%) – besser als unter diesen Rahmenbedingungen erwartet.',
    en: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% in {period:period}, below the expected value of {expected:fixed}\u00a0% and outside the 95\u00a0% prediction interval ({lower:fixed} to {upper:fixed}\u00a0%) – better than expected under these conditions.',
  },
  'spotlight.below.worse': {
    de: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% im {period:period}, unter dem erwarteten Wert von {expected:fixed}\u00a0% und außerhalb des 95-%-Prognoseintervalls ({lower:fixed} bis {upper:fixed}\u00a0%) – schlechter als unter diesen Rahmenbedingungen erwartet.',
    en: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% in {period:period}, below the expected value of {expected:fixed}\u00a0% and outside the 95\u00a0% prediction interval ({lower:fixed} to {upper:fixed}\u00a0%) – worse than expected under these conditions.',
  },
  'spotlight.below.neutral': {
    de: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% im {period:period}, unter dem erwarteten Wert von {expected:fixed}\u00a0% und außerhalb des 95-%-Prognoseintervalls ({lower:fixed} bis {upper:fixed}\u00a0%).',
    en: '{organisation}: {figure} ({code}) {actual:fixed}\u00a0% in {period:period}, below the expected value of {expected:fixed}\u00a0% and outside the 95\u00a0% prediction interval ({lower:fixed} to {upper:fixed}\u00a0%).',
  },
  'spotlight.leader': {
    de: '{organisation} führt den Ring bei {figure} ({code}) mit {value:fixed}\u00a0% im {period:period} (Median des Rings {median:fixed}\u00a0%) und lag in {months} von {considered} Monaten im besten Viertel.',
    en: '{organisation} leads the ring in {figure} ({code}) with {value:fixed}\u00a0% in {period:period} (ring median {median:fixed}\u00a0%) and was in the best quarter in {months} of {considered} months.',
  },
  // The agenda proposal's items from open actions (features/meetings/propose-agenda.ts).
  'agenda.openAction': { de: 'Offene Aufgabe: {title}', en: 'Open action: {title}' },
  'agenda.openActionOwned': { de: 'Offene Aufgabe: {title} ({owner})', en: 'Open action: {title} ({owner})' },
  'agenda.openActionFrom': { de: 'Aus {meeting}. Stand berichten.', en: 'From {meeting}. Report progress.' },
  'agenda.openActionFromDue': {
    de: 'Aus {meeting}, fällig am {due:date}. Stand berichten.',
    en: 'From {meeting}, due on {due:date}. Report progress.',
  },
} as const satisfies Record<string, { de: string; en: string }>
