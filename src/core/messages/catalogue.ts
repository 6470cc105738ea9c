/**
 * The server's texts in German and English, one place: errors, import errors and notices, reasons
 * and names the server produces. Keys are typed (core/messages/text.ts), so a missing key fails the
 * type check; catalogue.test.ts checks that both languages name the same parameters and that no
 * text reads in the other language. Placeholders: `{name}`, `{name:date}`, `{name:period}`.
 * English texts keep the wording the server used before it had this catalogue. Each feature area keeps
 * its texts in a part (catalogue-*.ts) spread in here.
 */
import { BENCHLEARNING_MESSAGES } from './catalogue-benchlearning'
import { CLI_MESSAGES } from './catalogue-cli'
import { DATA_MESSAGES } from './catalogue-data'
import { FEATURE_MESSAGES } from './catalogue-features'
import { IMPORT_MESSAGES } from './catalogue-imports'
import { PEER_MESSAGES } from './catalogue-peers'
import { KPI_MESSAGES } from './catalogue-kpi'
import { ROUTE_MESSAGES } from './catalogue-routes'
import { REQUEST_MESSAGES } from './catalogue-requests'

export const SERVER_MESSAGES = {
  ...DATA_MESSAGES,
  ...IMPORT_MESSAGES,
  ...FEATURE_MESSAGES,
  ...BENCHLEARNING_MESSAGES,
  ...ROUTE_MESSAGES,
  ...REQUEST_MESSAGES,
  ...PEER_MESSAGES,
  ...KPI_MESSAGES,
  ...CLI_MESSAGES,
  // Import: values, periods, keys and indicators of a row
  'import.unknownIndicator': {
    de: 'unbekannte Kennzahl ‚{code}‘',
    en: "unknown indicator '{code}'",
  },
  'import.wrongFrequencyMonthly': {
    de: '{code} wird monatlich geliefert: erwartet wird ein Monat wie 2021-05',
    en: '{code} is monthly: expected a month such as 2021-05',
  },
  'import.wrongFrequencyYearly': {
    de: '{code} wird jährlich geliefert: erwartet wird ein Jahr wie 2021',
    en: '{code} is yearly: expected a year such as 2021',
  },
  'import.unknownBreakdown': {
    de: '{code} hat die Aufgliederungen {breakdowns}',
    en: '{code} has the breakdowns {breakdowns}',
  },
  'import.otherOrganisation': {
    de: 'diese Zeile gehört zu einer anderen Organisation; Sie dürfen nur Daten für {name} hochladen',
    en: 'this row belongs to another organisation; you may upload data only for {name}',
  },
  'import.districtNotServed': {
    de: '{label}: kein Jobcenter in benchlearn betreut diesen Kreis',
    en: '{label}: no organisation in benchlearn serves this district',
  },
  'import.districtsNotServed': {
    de: 'Kreise, die kein Jobcenter in benchlearn betreut (nicht eingelesen)',
    en: 'districts that no organisation in benchlearn serves (not imported)',
  },
  'import.duplicateInBatch': {
    de: 'Zeile {earlier} enthält schon {indicator} {period} ({breakdown}) für dieselbe Organisation',
    en: 'row {earlier} already gives {indicator} {period} ({breakdown}) for the same organisation',
  },
  'import.duplicateInFile': {
    de: 'doppelt: Zeile {earlier} enthält schon {key} / {indicator} / {period} / {breakdown}; jede Kombination aus Organisation, Kennzahl, Zeitraum und Aufgliederung darf je Datei einmal vorkommen',
    en: 'duplicate: row {earlier} already holds {key} / {indicator} / {period} / {breakdown}; each organisation, indicator, period and breakdown may appear once per file',
  },
  'import.noOrganisationWithId': {
    de: 'keine Organisation mit der Nummer {key}',
    en: 'no organisation with id {key}',
  },
  'import.notNuts3': {
    de: '‚{key}‘ ist kein deutscher NUTS-3-Code (erwartet z. B. DE112)',
    en: "'{key}' is not a German NUTS-3 code (expected e.g. DE112)",
  },
  'import.nuts3NoDistrict': {
    de: 'NUTS-3-Code {key} passt zu keinem deutschen Kreis',
    en: 'NUTS-3 code {key} matches no German district (Kreis)',
  },
  'import.notDistrictKey': {
    de: '‚{key}‘ ist kein Kreisschlüssel (erwartet ein fünfstelliger AGS wie 06435 oder acht Ziffern wie 06435000)',
    en: "'{key}' is not a district key (expected a 5-digit AGS like 06435 or 8 digits like 06435000)",
  },
  'import.unknownDistrict': {
    de: 'AGS {key} ist kein Kreis, den benchlearn kennt',
    en: 'AGS {key} is not a German district (Kreis) known to benchlearn',
  },
  'import.notANumberComma': {
    de: '„{text}“ ist keine Zahl; erwartet wird eine Zahl wie {example} (Dezimalkomma), eine leere Zelle oder ein Statistik-Zeichen ({symbols})',
    en: '"{text}" is not a number; expected a number such as {example} (decimal comma), an empty cell or a statistics symbol ({symbols})',
  },
  'import.notANumberPoint': {
    de: '„{text}“ ist keine Zahl; erwartet wird eine Zahl wie {example} (Dezimalpunkt), eine leere Zelle oder ein Statistik-Zeichen ({symbols})',
    en: '"{text}" is not a number; expected a number such as {example} (decimal point), an empty cell or a statistics symbol ({symbols})',
  },
  'import.fieldCount': {
    de: 'erwartet {expected} Felder wie in der Kopfzeile, gefunden {found}',
    en: 'expected {expected} fields as in the header, found {found}',
  },
  'import.fieldCountQuotes': {
    de: 'erwartet {expected} Felder wie in der Kopfzeile, gefunden {found}; fehlen einem Wert mit „{delimiter}“ die Anführungszeichen?',
    en: 'expected {expected} fields as in the header, found {found}; is a value containing "{delimiter}" missing its quotes?',
  },
  'import.truncated': {
    de: 'die letzte Zeile hat {found} von {expected} Feldern („{cells}“): die Datei wirkt abgeschnitten (beim Herunterladen oder Speichern); bitte neu exportieren',
    en: 'the last row has {found} of {expected} fields ("{cells}"): the file looks truncated (cut off while downloading or saving); export it again',
  },
  'import.indicatorEmpty': {
    de: 'die Kennzahl fehlt; erwartet wird ein Kennzahl-Code wie integrations oder K2',
    en: 'the indicator is empty; expected an indicator code such as integrations or K2',
  },
  'import.notIndicatorCode': {
    de: '„{raw}“ ist kein Kennzahl-Code; erwartet werden Buchstaben, Ziffern und _ (wie integrations oder K2) oder eine Zuordnung mit long.indicatorCodes',
    en: '"{raw}" is not an indicator code; expected letters, digits and _ (such as integrations or K2), or a mapping with long.indicatorCodes',
  },
  'import.keyEmptyAgs': {
    de: 'der Schlüssel fehlt; erwartet wird ein Kreisschlüssel (AGS) mit 5 Ziffern wie 06435 oder 8 Ziffern mit 000 am Ende wie 06435000',
    en: 'the key is empty; expected a Kreis key (AGS) of 5 digits such as 06435, or 8 digits ending in 000 such as 06435000',
  },
  'import.keyEmptyNuts3': {
    de: 'der Schlüssel fehlt; erwartet wird ein deutscher NUTS-3-Code wie DE71E',
    en: 'the key is empty; expected a German NUTS-3 code such as DE71E',
  },
  'import.keyEmptyId': {
    de: 'der Schlüssel fehlt; erwartet wird eine Organisationsnummer',
    en: 'the key is empty; expected an organisation id',
  },
  'import.keyEmptyAuto': {
    de: 'der Schlüssel fehlt; erwartet wird ein Organisationsschlüssel (AGS, NUTS-3 oder Nummer)',
    en: 'the key is empty; expected an organisation key (AGS, NUTS-3 or id)',
  },
  'import.keyInvalidAgs': {
    de: '„{key}“ ist kein Kreisschlüssel (AGS) mit 5 Ziffern wie 06435 oder 8 Ziffern mit 000 am Ende wie 06435000',
    en: '"{key}" is not a Kreis key (AGS) of 5 digits such as 06435, or 8 digits ending in 000 such as 06435000',
  },
  'import.keyInvalidNuts3': {
    de: '„{key}“ ist kein deutscher NUTS-3-Code wie DE71E',
    en: '"{key}" is not a German NUTS-3 code such as DE71E',
  },
  'import.keyInvalidId': {
    de: '„{key}“ ist keine Organisationsnummer',
    en: '"{key}" is not an organisation id',
  },
  'import.keyInvalidAuto': {
    de: '„{key}“ ist kein Organisationsschlüssel (AGS, NUTS-3 oder Nummer)',
    en: '"{key}" is not an organisation key (AGS, NUTS-3 or id)',
  },
  'import.notAPeriod': {
    de: '„{raw}“ ist kein Zeitraum; erwartet wird ein Monat wie 2021-05, 05/2021 oder Mai 2021 oder ein Jahr wie 2021',
    en: '"{raw}" is not a period; expected a month such as 2021-05, 05/2021 or Mai 2021, or a year such as 2021',
  },
  'import.notAStatus': {
    de: '„{raw}“ ist kein Status; erwartet wird vorläufig, endgültig, korrigiert (oder provisional, final, corrected) oder leer',
    en: '"{raw}" is not a status; expected vorläufig/provisional, endgültig/final, korrigiert/corrected or empty',
  },
  'import.notAMissingReason': {
    de: '„{raw}“ ist kein Grund für einen fehlenden Wert; erwartet wird nicht geliefert, geheim, nicht zutreffend (oder not_delivered, suppressed, not_applicable) oder leer',
    en: '"{raw}" is not a missing reason; expected not_delivered, suppressed, not_applicable (or nicht geliefert, geheim, nicht zutreffend) or empty',
  },
  'import.valueAndMissingReason': {
    de: 'ein Wert und der Grund „{reason}“ für einen fehlenden Wert sind beide angegeben; erwartet wird eines von beiden',
    en: 'a value and the missing reason "{reason}" are both given; expected one of them',
  },
  'import.tooManyRows': {
    de: '{file}: mehr als {limit} Datenzeilen (erreicht in Zeile {row}); das ist die Grenze eines Imports, bitte die Datei teilen',
    en: '{file}: more than {limit} data rows (reached at row {row}); that is the limit of one import, split the file',
  },
  'import.tooManyValues': {
    de: '{file}: mehr als {limit} Werte (erreicht in Zeile {row}); das ist die Grenze eines Imports, bitte die Datei teilen',
    en: '{file}: more than {limit} values (reached at row {row}); that is the limit of one import, split the file',
  },
  'import.rejected': {
    de: '{file}: {count} Wert(e) abgelehnt; nichts wurde eingelesen',
    en: '{file}: {count} value(s) rejected; nothing was imported',
  },
  'import.furtherErrors': {
    de: '{file}: {count} weitere Fehler nicht aufgeführt',
    en: '{file}: {count} further errors not listed',
  },
  // Import: plausibility of periods and values
  'import.periodInFutureMonth': {
    de: '{period} liegt in der Zukunft: {code} kann bis {current}, dem laufenden Monat, gemeldet werden',
    en: '{period} is in the future: {code} can be reported up to {current}, the current month',
  },
  'import.periodInFutureYear': {
    de: '{period} liegt in der Zukunft: {code} kann bis {current}, dem laufenden Jahr, gemeldet werden',
    en: '{period} is in the future: {code} can be reported up to {current}, the current year',
  },
  'import.periodTooEarly': {
    de: '{period} liegt vor {earliest}, dem frühesten plausiblen Zeitraum für Kennzahlen der Art {kind} wie {code}',
    en: '{period} is before {earliest}, the earliest plausible period of {kind} indicators such as {code}',
  },
  'import.notFinite': {
    de: '{code}: keine endliche Zahl (zu groß für einen Wert oder keine Zahl)',
    en: '{code}: not a finite number (too large for a value, or not a number)',
  },
  'import.negativeCount': {
    de: '{code} zählt {unit} und kann nicht negativ sein',
    en: '{code} counts {unit} and cannot be negative',
  },
  // Import: notices
  'import.notice.emptyCellsSkipped': {
    de: '{column}: {count} leere Zellen ({why:inLanguage}); übersprungen',
    en: '{column}: {count} empty cells ({why:inLanguage}); skipped',
  },
  'import.notice.emptyCellsMissing': {
    de: '{column}: {count} leere Zellen ({why:inLanguage}); als fehlend (nicht geliefert) erfasst, nicht als 0',
    en: '{column}: {count} empty cells ({why:inLanguage}); recorded as missing (not_delivered), not as 0',
  },
  'import.notice.emptyCellsSkippedNoValue': {
    de: '{column}: {count} leere Zellen (kein Wert in der Datei); übersprungen',
    en: '{column}: {count} empty cells (no value in the file); skipped',
  },
  'import.notice.emptyCellsMissingNoValue': {
    de: '{column}: {count} leere Zellen (kein Wert in der Datei); als fehlend (nicht geliefert) erfasst, nicht als 0',
    en: '{column}: {count} empty cells (no value in the file); recorded as missing (not_delivered), not as 0',
  },
  'import.notice.symbolAsZero': {
    de: '{count} Zellen „{symbol}“{explanation} als 0 gelesen',
    en: '{count} cells "{symbol}"{explanation} read as 0',
  },
  'import.notice.symbolAsMissing': {
    de: '{count} Zellen „{symbol}“{explanation} als fehlend ({meaning}) gelesen',
    en: '{count} cells "{symbol}"{explanation} read as missing ({meaning})',
  },
  'import.notice.rowsOutsideYears': {
    de: '{count} Zeilen außerhalb der Jahre {range} der Zuordnung wurden übersprungen',
    en: '{count} rows outside the years {range} of the mapping were skipped',
  },
  'import.notice.columnsOutsideYears': {
    de: '{count} Zeitraum-Spalten außerhalb der Jahre der Zuordnung wurden übersprungen',
    en: "{count} period columns outside the mapping's years were skipped",
  },
  'import.notice.ignoredColumns': {
    de: '{count} Spalten nicht verwendet: {columns}',
    en: '{count} columns not used: {columns}',
  },
  'import.notice.unknownIndicators': {
    de: 'Kennzahl-Codes, die weder eingebaut noch in der Zuordnung erklärt sind (sie müssen in der Datenbank stehen): {codes}',
    en: 'indicator codes neither built in nor declared by the mapping (they must exist in the database): {codes}',
  },
  'import.notice.decimalAssumed': {
    de: 'Dezimaltrennzeichen „{decimal}“ aus dem Feldtrenner geschlossen: {count} Werte wie „{sample}“ lassen beide Lesarten zu; falls das falsch ist, „decimal“ in der Zuordnung setzen',
    en: 'decimal separator "{decimal}" assumed from the field separator: {count} values such as "{sample}" could be read either way; set "decimal" in the mapping if this is wrong',
  },
  // Meetings: the state machine's rules (core/benchlearning/meeting-life.ts)
  'meeting.status.planned': { de: 'geplant', en: 'planned' },
  'meeting.status.invited': { de: 'eingeladen', en: 'invited' },
  'meeting.status.held': { de: 'durchgeführt', en: 'held' },
  'meeting.status.minutes_approved': { de: 'Protokoll freigegeben', en: 'minutes approved' },
  'meeting.status.cancelled': { de: 'abgesagt', en: 'cancelled' },
  'meeting.approveByOwnStep': {
    de: 'Status: Das Protokoll wird in einem eigenen Schritt freigegeben (POST /api/v1/meetings/:id/approve-minutes)',
    en: 'status: the minutes are approved by their own step (POST /api/v1/meetings/:id/approve-minutes)',
  },
  'meeting.useApproveMinutes': {
    de: 'Protokoll über „Protokoll freigeben“ abschließen',
    en: 'use approve-minutes',
  },
  'meeting.cancelByOwnStep': {
    de: 'Status: Ein Treffen wird in einem eigenen Schritt mit Begründung abgesagt (POST /api/v1/meetings/:id/cancel)',
    en: 'status: a meeting is cancelled by its own step, with a reason (POST /api/v1/meetings/:id/cancel)',
  },
  'meeting.useCancel': { de: 'über „Absagen“ absagen', en: 'use cancel' },
  'meeting.cancelledNoChange': {
    de: 'Status: Treffen {id} wurde abgesagt; sein Status ändert sich nicht mehr',
    en: 'status: meeting {id} was cancelled; its status no longer changes',
  },
  'meeting.statusFinal': { de: 'keine Änderung mehr', en: 'none' },
  'meeting.forwardOnly': {
    de: 'Status: Ein Treffen geht nur vorwärts (geplant → eingeladen → durchgeführt → Protokoll freigegeben); Treffen {id} ist {from:meetingStatus}',
    en: 'status: a meeting goes forward only (planned → invited → held → minutes_approved); meeting {id} is {from:meetingStatus}',
  },
  'meeting.expectedFromOrLater': {
    de: 'erwartet: {from:meetingStatus} oder später',
    en: 'expected {from:meetingStatus} or later',
  },
  'meeting.stepFirst': {
    de: 'Status: Treffen {id} ist {from:meetingStatus}; es wird erst {next:meetingStatus}, bevor es {to:meetingStatus} sein kann',
    en: 'status: meeting {id} is {from:meetingStatus}; it becomes {next:meetingStatus} before it can be {to:meetingStatus}',
  },
  'meeting.expectedStatus': { de: 'erwartet: {status:meetingStatus}', en: 'expected {status:meetingStatus}' },
  'meeting.heldBeforeStart': {
    de: 'Status: Treffen {id} beginnt am {startsOn:date}; es kann ab diesem Tag als durchgeführt markiert werden (heute ist der {today:date})',
    en: 'status: meeting {id} starts on {startsOn:date}; it can be marked held from that day on (today is {today:date})',
  },
  'meeting.expectedOnOrAfter': {
    de: 'erwartet: am {day:date} oder später',
    en: 'expected on or after {day:date}',
  },
  'meeting.heldWithoutParticipants': {
    de: 'Status: Für Treffen {id} ist niemand angemeldet; ein Treffen ohne Teilnehmende kann nicht als durchgeführt markiert werden',
    en: 'status: no one is registered for meeting {id}; a meeting without participants cannot be marked held',
  },
  'meeting.expectedRegistration': {
    de: 'erwartet: mindestens eine Anmeldung',
    en: 'expected at least one registration',
  },
  'meeting.agendaClosedHeld': {
    de: 'Tagesordnung: Treffen {id} wurde durchgeführt; die Tagesordnung ist geschlossen (jetzt wird nur noch das Protokoll der Punkte geschrieben)',
    en: 'agenda: meeting {id} was held; its agenda is closed (only the minutes of its items are written now)',
  },
  'meeting.agendaClosedApproved': {
    de: 'Tagesordnung: Das Protokoll von Treffen {id} ist freigegeben; die Tagesordnung ist geschlossen',
    en: 'agenda: the minutes of meeting {id} are approved; the agenda is closed',
  },
  'meeting.registrationClosed': {
    de: 'Anmeldung: geschlossen, Treffen {id} ist {status:meetingStatus}',
    en: 'registration: closed, meeting {id} is {status:meetingStatus}',
  },
  'meeting.commentsClosedApproved': {
    de: 'Kommentare: Das Protokoll von Treffen {id} ist freigegeben; Kommentare sind geschlossen',
    en: 'comments: the minutes of meeting {id} are approved; comments are closed',
  },
  'meeting.commentsNotYet': {
    de: 'Kommentare: möglich, sobald Treffen {id} durchgeführt wurde (es ist {status:meetingStatus})',
    en: 'comments: open once meeting {id} was held (it is {status:meetingStatus})',
  },
  'meeting.minutesApprovableOnlyHeld': {
    de: 'Protokoll: wird freigegeben, wenn Treffen {id} durchgeführt und noch nicht freigegeben ist (es ist {status:meetingStatus})',
    en: 'minutes: approved once meeting {id} was held and before approval (it is {status:meetingStatus})',
  },
  'meeting.alreadyCancelled': {
    de: 'Status: Treffen {id} ist schon abgesagt',
    en: 'status: meeting {id} is already cancelled',
  },
  'meeting.cancelOnlyBeforeHeld': {
    de: 'Status: Treffen {id} ist {status:meetingStatus}; ein Treffen wird abgesagt, bevor es stattfindet, nie danach',
    en: 'status: meeting {id} is {status:meetingStatus}; a meeting is cancelled before it is held, never after',
  },
  'meeting.expectedPlannedOrInvited': {
    de: 'erwartet: geplant oder eingeladen',
    en: 'expected planned or invited',
  },
  'meeting.cancelReasonMissing': {
    de: 'Begründung: Bitte angeben, warum das Treffen abgesagt wird (1 bis {max} Zeichen)',
    en: 'reason: give why the meeting is cancelled (1 to {max} characters)',
  },
  'meeting.cancelReasonLength': {
    de: 'erwartet 1 bis {max} Zeichen, erhalten {length}',
    en: 'expected 1 to {max} characters, got {length}',
  },
  // Key figures
  'kpi.beyondContextModel': {
    de: 'Über dem Kontext: wer mehr erreicht, als die Lage erwarten lässt (dieselbe Rechnung wie bei „Erwartet und erreicht“, über {n} Jobcenter; die Lage erklärt {rSquared:percent} der Unterschiede)',
    en: 'beyond context: who achieves more than their situation leads one to expect (the same calculation as in "Expected and achieved", across {n} organisations; the situation explains {rSquared:percent} of the differences)',
  },
  'kpi.noContextComparison': {
    de: 'kein Vergleich mit dem Kontext möglich: {reason}',
    en: 'no context comparison: {reason}',
  },
  'kpi.contextFigureNoPraise': {
    de: '{code} beschreibt die Lage (Kontextkennzahl); die Listen ordnen nach dem Wert und loben niemanden',
    en: '{code} describes the situation (polarity: context); the lists order by value and praise nobody',
  },
  // Operations: the CLI beside a running server
  'ops.serverRunsOnFolder': {
    de: 'auf {folder} läuft ein Server (Prozess {pid}): erst beenden, dann {action:text}',
    en: 'a server runs on {folder} (process {pid}): stop it first, then {action:text}',
  },
  'ops.actionRestore': { de: 'wiederherstellen', en: 'restore' },
  'ops.actionMigrate': { de: 'die Datenbank aktualisieren', en: 'migrate' },
  'ops.actionStart': { de: 'neu starten', en: 'start it again' },
  'ops.actionCommand': { de: 'diesen Befehl ausführen', en: 'run this command' },
  'ops.backupRefused': {
    de: 'der Server (Prozess {pid}) hat die Sicherung abgelehnt: {status} {answer}',
    en: 'the server (process {pid}) refused the backup: {status} {answer}',
  },
  'ops.backupBrokenOff': {
    de: 'der Server (Prozess {pid}) hat die Sicherung abgebrochen ({reason}); siehe sein Protokoll',
    en: 'the server (process {pid}) broke off the backup ({reason}); see its log',
  },
  'ops.backupNoSummary': {
    de: 'der Server (Prozess {pid}) hat die Sicherung ohne Abschlussbericht beendet; sie ist unvollständig, siehe sein Protokoll',
    en: 'the server (process {pid}) ended the backup without its closing summary; it is incomplete, see its log',
  },
  'ops.serverNotAnswering': {
    de: 'der Server dieses Datenordners (Prozess {pid}) antwortet nicht auf 127.0.0.1:{port}: {reason}',
    en: 'the server on this data folder (process {pid}) does not answer on 127.0.0.1:{port}: {reason}',
  },
  'ops.controlFileDamaged': {
    de: '{file} ist beschädigt: löschen, wenn auf diesem Datenordner kein Server läuft',
    en: '{file} is damaged: remove it if no server runs on this data folder',
  },
  // Peer groups: statistics inputs and the host rotation
  'peers.weightsPerRow': {
    de: '{weights} Gewichte für {rows} Zeilen',
    en: '{weights} weights for {rows} rows',
  },
  'peers.sampleRowsPositive': {
    de: 'Stichprobengröße: erwartet eine positive ganze Zahl, erhalten {value}',
    en: 'sampleRows must be a positive whole number, got {value}',
  },
  'peers.cannotCut': {
    de: '{n} Punkte lassen sich nicht in {k} Gruppen teilen',
    en: 'cannot cut {n} points into {k} clusters',
  },
  'peers.noProgress': {
    de: 'keine laufende Berechnung mit diesem Fortschrittszeichen',
    en: 'no running computation with this progress token',
  },
  'meeting.noHostRotationForNetwork': {
    de: 'netzwerkweite Veranstaltungen haben keine Gastgeber-Rotation; den Gastgeber bitte von Hand festlegen',
    en: 'network-wide events have no host rotation; set the host by hand',
  },
  'meeting.expectedRingMeeting': {
    de: 'erwartet ein Treffen eines Vergleichsrings',
    en: 'expected a ring meeting',
  },
  'meeting.ringWithoutMembers': {
    de: 'Vergleichsring {ring} hat am {day:date} keine Mitglieder',
    en: 'ring {ring} has no members on {day:date}',
  },
  'meeting.ringWithoutMembersOnDay': {
    de: 'der Vergleichsring hat am Tag des Treffens keine Mitglieder',
    en: 'the ring has no members on the meeting day',
  },
  // Names and lines the server shows
  'demo.networkName': { de: 'Demo-Netzwerk (erzeugt)', en: 'demo network (generated)' },
  'practice.authorOfNetwork': {
    de: 'Jobcenter im Benchlearning-Netzwerk',
    en: 'a job centre of the network',
  },
} as const satisfies Record<string, { de: string; en: string }>
