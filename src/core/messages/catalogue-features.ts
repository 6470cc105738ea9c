/**
 * Server texts of practices, self-assessment, accounts, single sign-on, backup, mail, reports, CLI, demo, potentials and networks, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const FEATURE_MESSAGES = {
  // Self-assessment cycles (features/self-assessment/manage-cycles.ts).
  'cycle.scaleRange': {
    de: 'Das Höchste der Skala muss über dem Niedrigsten ({min}) liegen, mit höchstens 11 Stufen.',
    en: 'The top of the scale must be above its bottom ({min}), with at most 11 levels.',
  },
  'cycle.scaleLevels': {
    de: 'Die Skala braucht je Stufe einen Eintrag, der Reihe nach: {expected}.',
    en: 'The scale needs one entry per level, in order: {expected}.',
  },
  'cycle.areaTwice': {
    de: 'Das Kürzel {code} steht zweimal unter den Bereichen.',
    en: 'The code {code} appears twice among the areas.',
  },
  'cycle.none': {
    de: 'Es gibt noch keine Runde der Selbstbewertung.',
    en: 'There is no self-assessment cycle yet.',
  },
  'cycle.unknown': {
    de: 'Eine Runde „{cycle}“ gibt es nicht (Kürzel: {codes}).',
    en: "There is no self-assessment cycle '{cycle}' (codes: {codes}).",
  },
  'cycle.noNetwork': {
    de: 'Es gibt noch kein Netzwerk, zu dem die Runde gehören könnte.',
    en: 'There is no network yet for the cycle to belong to.',
  },
  'cycle.codeExists': {
    de: 'Eine Runde mit dem Kürzel {code} gibt es schon.',
    en: 'A cycle with the code {code} exists already.',
  },
  'cycle.endsBeforeStart': {
    de: 'Das Ende liegt vor dem Beginn ({startsOn:date}).',
    en: 'The end is before the start ({startsOn:date}).',
  },
  'cycle.scaleFixed': {
    de: 'Es gibt schon Antworten: Die Skala kann sich nicht mehr ändern (Bezeichnungen und Beschreibungen schon).',
    en: 'Answers exist already: the scale can no longer change (its labels and descriptions can).',
  },
  'cycle.areaAnswered': {
    de: 'Der Bereich {code} hat Antworten und kann nicht entfallen.',
    en: 'The area {code} has answers and cannot be removed.',
  },
  // Accounts (features/auth).
  'account.exists': {
    de: 'Ein Konto für {email} gibt es schon.',
    en: 'An account for {email} exists already.',
  },
  // Self-assessment answers (features/self-assessment/self-assessment-answers.ts).
  'selfAssessment.noOrganisation': {
    de: 'Ihr Konto gehört zu keiner Organisation: Bitte eine Organisation angeben.',
    en: 'Your account belongs to no organisation: name one.',
  },
  'selfAssessment.required': { de: 'erforderlich', en: 'required' },
  'selfAssessment.notVisible': {
    de: 'Antworten dieser Organisation können Sie nicht sehen.',
    en: 'There are no answers of this organisation that you may see.',
  },
  'selfAssessment.ownOrganisationOnly': {
    de: 'Sie antworten nur für Ihre eigene Organisation (als Leitung oder Analyse).',
    en: 'You answer only for your own organisation (as lead or analyst).',
  },
  'selfAssessment.closed': {
    de: 'Die Runde {cycle} nimmt Antworten vom {startsOn:date} bis zum {endsOn:date} an.',
    en: 'The cycle {cycle} takes answers from {startsOn:date} to {endsOn:date}.',
  },
  'selfAssessment.unknownArea': {
    de: 'Einen Bereich {area} gibt es in der Runde {cycle} nicht.',
    en: "There is no area '{area}' in the cycle {cycle}.",
  },
  'selfAssessment.oneOf': { de: 'erwartet: eines von {codes}', en: 'expected one of {codes}' },
  'selfAssessment.answeredTwice': {
    de: 'Der Bereich {area} ist zweimal beantwortet.',
    en: "The area '{area}' is answered twice.",
  },
  'selfAssessment.outsideScale': {
    de: 'Die Stufe {score} liegt außerhalb der Skala {min} bis {max}.',
    en: 'The level {score} is outside the scale {min} to {max}.',
  },
  // Practice cards (features/practices/write-practice.ts).
  'practice.unknownFigures': {
    de: 'Unbekannte Kennzahl(en): {codes}',
    en: 'Unknown key figure(s): {codes}',
  },
  'practice.noSuchFigure': { de: 'keine Kennzahl mit diesem Kürzel', en: 'no key figure with this code' },
  'practice.nameOrganisation': {
    de: 'Bitte die Organisation angeben, für die Sie handeln.',
    en: 'Name the organisation you act for.',
  },
  'practice.required': { de: 'erforderlich', en: 'required' },
  'practice.noOrganisation': {
    de: 'Eine Organisation {id} gibt es nicht.',
    en: 'There is no organisation {id}.',
  },
  'practice.outsideRings': {
    de: 'Die Organisation {id} liegt außerhalb der Ringe, die Sie moderieren.',
    en: 'The organisation {id} is outside the rings you moderate.',
  },
  'practice.accountWithoutOrganisation': {
    de: 'Ihr Konto gehört zu keiner Organisation.',
    en: 'Your account belongs to no organisation.',
  },
  'practice.ownOrganisationOnly': {
    de: 'Sie handeln nur für Ihre eigene Organisation.',
    en: 'You act only for your own organisation.',
  },
  'practice.viewersDoNotWrite': {
    de: 'Mit einem Lesezugang schreiben Sie keine Praxisbeispiele.',
    en: 'Viewers do not write practice cards.',
  },
  'practice.notInRing': {
    de: 'Die Organisation {organisation} gehört heute nicht zum Ring {ring}.',
    en: 'The organisation {organisation} is not in the ring {ring} today.',
  },
  'practice.notARingOfOrganisation': {
    de: 'kein Ring der Organisation',
    en: 'not a ring of the organisation',
  },
  'practice.ringNeededOrganisation': {
    de: 'Sichtbarkeit „Ring“ braucht einen Ring, und die Organisation gehört heute zu keinem.',
    en: "Visibility 'ring' needs a ring, and the organisation is in none today.",
  },
  'practice.ringNeededCard': {
    de: 'Sichtbarkeit „Ring“ braucht einen Ring, und das Praxisbeispiel hat keinen.',
    en: "Visibility 'ring' needs a ring, and the card has none.",
  },
  'practice.chooseNetworkOrPublic': {
    de: 'bitte „Netzwerk“ oder „öffentlich“ wählen',
    en: "choose 'network' or 'public'",
  },
  'practice.none': { de: 'Ein Praxisbeispiel {id} gibt es nicht.', en: 'There is no practice card {id}.' },
  'practice.otherOrganisation': {
    de: 'Das Praxisbeispiel {id} gehört einer anderen Organisation.',
    en: 'The practice card {id} belongs to another organisation.',
  },
  'practice.fileEmpty': { de: 'Die Datei ist leer.', en: 'The file is empty.' },
  'practice.fileTooLarge': {
    de: 'Höchstens {mb} MB je Anhang.',
    en: 'At most {mb} MB per attachment.',
  },
  'practice.fileType': {
    de: 'Dateien vom Typ {type} werden nicht angenommen (PDF, PNG, JPEG, Text, CSV, Word, PowerPoint, Excel).',
    en: 'Files of type {type} are not accepted (PDF, PNG, JPEG, text, CSV, Word, PowerPoint, Excel).',
  },
  'practice.noAttachment': {
    de: 'Einen Anhang {attachmentId} gibt es am Praxisbeispiel {id} nicht.',
    en: 'There is no attachment {attachmentId} on the practice card {id}.',
  },
  'practice.onlyPublishedAdopted': {
    de: 'Nur veröffentlichte Praxisbeispiele können übernommen werden.',
    en: 'Only published cards can be adopted.',
  },
  'practice.draft': { de: 'Entwurf', en: 'draft' },
  'practice.mayNotRecordAdoption': {
    de: 'Sie dürfen keine Übernahmen festhalten.',
    en: 'You may not record adoptions.',
  },
  'practice.ownCard': {
    de: 'Eine Organisation übernimmt nicht ihr eigenes Praxisbeispiel.',
    en: 'An organisation does not adopt its own practice.',
  },
  'practice.startInFuture': {
    de: 'Der Beginn {day:date} liegt in der Zukunft.',
    en: 'The start {day:date} lies in the future.',
  },
  'practice.notAfterToday': { de: 'erwartet: heute oder früher', en: 'expected today or earlier' },
  'practice.noAdoption': {
    de: 'Eine Übernahme {adoptionId} des Praxisbeispiels {id} gibt es nicht.',
    en: 'There is no adoption {adoptionId} of the practice card {id}.',
  },
  'practice.organisationHidden': {
    de: 'organisation: {organisationId} ist keine Organisation, die Sie mit Namen sehen dürfen.',
    en: 'organisation: {organisationId} is not an organisation you may see by name',
  },
  'practice.ringNotYours': {
    de: 'Ring {ringId} ist weder Ihr Ring noch einer, den Sie moderieren.',
    en: 'ring {ringId} is neither your ring nor one you moderate',
  },
  // Sign-in and password-reset limits (features/auth/sign-in-limits.ts, request-password-reset.ts).
  'signIn.wait.account': {
    de: 'Zu viele Fehlversuche für dieses Konto; bitte in {wait:seconds} erneut versuchen',
    en: 'too many failed attempts for this account; try again in {wait:seconds}',
  },
  'signIn.wait.accountFromAddresses': {
    de: 'Zu viele Fehlversuche für dieses Konto von mehreren Adressen; bitte in {wait:seconds} erneut versuchen',
    en: 'too many failed attempts for this account from several addresses; try again in {wait:seconds}',
  },
  'signIn.wait.address': {
    de: 'Von dieser Adresse sind zu viele verschiedene Konten gescheitert; bitte in {wait:seconds} erneut versuchen',
    en: 'too many different accounts failed from this address; try again in {wait:seconds}',
  },
  'signIn.wait.resets': {
    de: 'Zu viele Anfragen zum Zurücksetzen des Passworts; bitte in {wait:seconds} erneut versuchen',
    en: 'too many password reset requests; try again in {wait:seconds}',
  },
  // Remaining refusals of accounts, second factors, backups, collections, imports and network-wide settings.
  'totp.required': {
    de: 'Die Rolle {role} braucht einen zweiten Faktor; er lässt sich nicht abschalten',
    en: 'the role {role} needs a second factor; it cannot be switched off',
  },
  'totp.alreadySetUp': {
    de: 'Ein zweiter Faktor ist schon eingerichtet; schalten Sie ihn erst ab, um einen neuen einzurichten',
    en: 'a second factor is set up already; switch it off first to set up a new one',
  },
  'invitation.spent': {
    de: 'Dieser Einladungslink ist unbekannt, schon verwendet oder abgelaufen; bitte um einen neuen bitten',
    en: 'this invitation link is unknown, used or expired; ask for a new one',
  },
  'secondFactor.codeRequired': {
    de: 'Bitte den Code Ihrer Authenticator-App eingeben',
    en: 'enter the code of your authenticator app',
  },
  'secondFactor.enrolmentRequired': {
    de: 'Bitte zuerst eine Authenticator-App einrichten: Ihre Rolle braucht einen zweiten Faktor',
    en: 'set up an authenticator app first: your role needs a second factor',
  },
  'secondFactor.codeWrong': {
    de: 'Der Code ist falsch oder wurde schon verwendet',
    en: 'the code is wrong or was used already',
  },
  'invitation.role': {
    de: 'Sie dürfen niemanden mit der Rolle {role} einladen',
    en: 'you may not invite a {role}',
  },
  'invitation.roleForOrganisation': {
    de: 'Sie dürfen niemanden mit der Rolle {role} für diese Organisation einladen',
    en: 'you may not invite a {role} for this organisation',
  },
  'account.noOrganisation': {
    de: 'Eine Organisation {organisationId} gibt es nicht',
    en: 'no organisation with the id {organisationId}',
  },
  'signIn.wrong': {
    de: 'E-Mail-Adresse oder Passwort ist falsch',
    en: 'e-mail or password is wrong',
  },
  'backup.noSchema': {
    de: '{location} hat noch kein Schema: Es gibt nichts zu sichern',
    en: '{location} has no schema yet: there is nothing to back up',
  },
  'collection.noForm': {
    de: 'Organisation {organisationId} hat in der Erhebung {collectionId} kein Formular',
    en: 'no form of organisation {organisationId} in data collection {collectionId}',
  },
  'collection.onlyModerators': {
    de: 'Nur die Moderation der befragten Ringe (und die Administration) verwaltet eine Erhebung',
    en: 'only the moderators of the rings asked (and administrators) manage a data collection',
  },
  'collection.noneToRemind': {
    de: 'Keine dieser Organisationen muss noch abgeben',
    en: 'none of these organisations is still to submit',
  },
  'collection.nothingToReopen': {
    de: 'Organisation {organisationId} hat nicht abgegeben: Es gibt nichts wieder zu öffnen',
    en: 'organisation {organisationId} has not submitted: there is nothing to reopen',
  },
  'collection.resultsWhenClosed': {
    de: 'Die Erhebung {collectionId} läuft noch: Ihre Ergebnisse erscheinen, sobald die Moderation sie schließt',
    en: 'data collection {collectionId} is still open: its results are shown once the moderator closes it',
  },
  'import.noBatch': {
    de: 'Einen Import {batchId} gibt es in Ihrem Importverlauf nicht',
    en: 'no import {batchId} in your import history',
  },
  'organisation.unknownKey': {
    de: 'Keine Organisation mit dem Schlüssel „{key}“ (eine Nummer, ein fünfstelliger AGS oder ein NUTS-3-Code)',
    en: "no organisation with the key '{key}' (use an id, a 5-digit AGS or a NUTS-3 code)",
  },
  'minutes.commentRoles': {
    de: 'Nur Leitungen und Analysten eingeladener Organisationen und die Moderation kommentieren ein Protokoll',
    en: 'only leads and analysts of invited organisations and the moderation comment on minutes',
  },
  'meeting.scheduleExists': {
    de: 'Ring {ring} hat {year} schon {count|# Treffen|# Treffen}; ändern Sie diese, statt einen neuen Plan anzulegen',
    en: 'ring {ring} already has {count|# meeting|# meetings} in {year}; change them instead of creating a new schedule',
  },
  'practice.tryWithoutRing': {
    de: 'Ihre Organisation gehört zu keinem Benchlearning-Ring: Es gibt kein Treffen, dem sie etwas vorschlagen könnte',
    en: 'your organisation belongs to no benchlearning ring: there is no meeting to propose to',
  },
  'report.noChromium': {
    de: 'Chromium wurde unter {path} nicht gefunden: Installieren Sie es (apt-get install chromium) oder setzen Sie CHROMIUM_PATH',
    en: 'chromium not found at {path}: install it (apt-get install chromium) or set CHROMIUM_PATH',
  },
  'published.unregistered': {
    de: 'Organisationen, die nicht im Register stehen (Zeilen nicht eingelesen)',
    en: 'organisations not in the register (rows not imported)',
  },
  'networkWide.cycles': {
    de: 'Runden der Selbstbewertung gelten für das ganze Netzwerk: Nur die Administration und die Moderation aller Ringe ändern sie',
    en: 'self-assessment cycles span the whole network: only administrators and moderators of all rings change them',
  },
  'networkWide.peerModels': {
    de: 'Vergleichsmodelle gelten für das ganze Netzwerk: Nur die Administration und die Moderation aller Ringe ändern sie',
    en: 'peer models span the whole network: only administrators and moderators of all rings change them',
  },
  'collection.minAboveMax': {
    de: 'allowedMin darf nicht über allowedMax liegen',
    en: 'allowedMin must not be above allowedMax',
  },
  'collection.totalRequired': {
    de: "Die Aufgliederungen müssen 'total' enthalten",
    en: "breakdowns must include 'total'",
  },
  'demo.syntheticData': {
    de: 'Synthetische Demodaten – keine echten Kennzahlen.',
    en: 'Synthetic demo data, not real figures.',
  },
} as const satisfies Record<string, { de: string; en: string }>
