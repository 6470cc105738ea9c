/**
 * Server texts of the route shell shared by features, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const ROUTE_MESSAGES = {
  // The backup file (core/backup/backup-format.ts).
  'backupFile.damaged': {
    de: '{file} ist keine benchlearn-Sicherung oder ist beschädigt (Zeile {line})',
    en: '{file} is not a benchlearn backup or is damaged (line {line})',
  },
  'backupFile.expectedHeader': {
    de: 'erwartet: der Kopf der Sicherung {shape}',
    en: 'expected the backup header {shape}',
  },
  'backupFile.expectedHeaderJson': {
    de: 'erwartet: der Kopf der Sicherung {shape} (eine JSON-Zeile)',
    en: 'expected the backup header {shape} (a JSON line)',
  },
  'backupFile.expectedTable': {
    de: 'erwartet: eine Tabelle {shape}',
    en: 'expected a table {shape}',
  },
  'backupFile.expectedTableJson': {
    de: 'erwartet: eine Tabelle {shape} (eine JSON-Zeile)',
    en: 'expected a table {shape} (a JSON line)',
  },
  'backupFile.expectedEnd': {
    de: 'erwartet: die Schlusszeile {shape}',
    en: 'expected the end line {shape}',
  },
  'backupFile.expectedEndJson': {
    de: 'erwartet: die Schlusszeile {shape} (eine JSON-Zeile)',
    en: 'expected the end line {shape} (a JSON line)',
  },
  // Restoring a backup (features/backup/restore-backup.ts, cli/commands/restore.ts).
  'restore.noSuchFile': {
    de: 'Die Sicherungsdatei {file} gibt es nicht.',
    en: 'no such backup file: {file}',
  },
  'restore.newerSchema': {
    de: '{file} ist eine Sicherung des Schemas {schema}, das neuer ist, als dieses Programm kennt (bis {known}): Installieren Sie das neuere benchlearn und stellen Sie dann wieder her.',
    en: '{file} is a backup of schema {schema}, newer than this program knows (up to {known}): install the newer benchlearn, then restore',
  },
  'restore.unknownMigration': { de: 'unbekannte Migration', en: 'unknown migration' },
  'restore.notEmpty': {
    de: '{location} ist nicht leer (Zeilen in {tables}): Stellen Sie nur in eine neue Datenbank oder einen leeren Datenordner wieder her.',
    en: '{location} is not empty (it has rows in {tables}): restore only into a new database or an empty data folder',
  },
  'restore.tableMismatch': {
    de: '{file}: Die Tabelle {table} passt nicht zum Schema {schema}.',
    en: '{file}: table {table} does not match schema {schema}',
  },
  'restore.otherColumns': {
    de: 'erwartet: die Spalten {expected}; die Sicherung hat {columns}',
    en: 'expected the columns {expected}, the backup has {columns}',
  },
  'restore.noSuchTable': {
    de: 'diese Tabelle gibt es in diesem Schema nicht',
    en: 'no such table in this schema',
  },
  'restore.countsDiffer': {
    de: '{file} ist beschädigt: Die Zeilenzahlen weichen von der Schlusszeile ab.',
    en: '{file} is damaged: row counts differ from its end line',
  },
  'restore.countDiffers': {
    de: 'laut Schlusszeile {stated}, in der Datei {loaded}',
    en: 'the end line says {stated}, the file holds {loaded}',
  },
  'restore.countUnstated': {
    de: 'laut Schlusszeile keine Angabe, in der Datei {loaded}',
    en: 'the end line says nothing, the file holds {loaded}',
  },
  'restore.countNoTable': {
    de: 'laut Schlusszeile {stated}, in der Datei fehlt die Tabelle',
    en: 'the end line says {stated}, the file holds no table',
  },
  'restore.notGzip': {
    de: '{file} ist keine gzip-komprimierte benchlearn-Sicherung oder ist beschädigt: {reason}',
    en: '{file} is not a gzip-compressed benchlearn backup or is damaged: {reason}',
  },
  'restore.unreadable': { de: 'Lesefehler: {reason}', en: '{reason}' },
  'restore.cutOff': {
    de: '{file} endet zu früh: Die Sicherung ist abgeschnitten.',
    en: '{file} ends too early: the backup is cut off',
  },
  'restore.cutOffHeader': {
    de: 'erwartet: der Kopf der Sicherung; gefunden: das Dateiende',
    en: 'expected the backup header, found the end of the file',
  },
  'restore.cutOffTable': {
    de: 'erwartet: eine Tabelle oder die Schlusszeile; gefunden: das Dateiende',
    en: 'expected a table or the end line, found the end of the file',
  },
  'restore.cutOffRow': {
    de: 'erwartet: eine Zeile oder {end}; gefunden: das Dateiende',
    en: 'expected a row or {end}, found the end of the file',
  },
  'restore.checksum': {
    de: '{file} ist beschädigt: Die Prüfsumme stimmt nicht.',
    en: '{file} is damaged: its checksum does not match',
  },
  'restore.checksumDiffers': {
    de: 'erwartet: {expected}, berechnet: {actual}',
    en: 'expected {expected}, computed {actual}',
  },
  // Sign-in with an organisation's provider (features/single-sign-on).
  'sso.publicUrlNotUrl': {
    de: 'BENCHLEARN_PUBLIC_URL ist keine URL: {raw}',
    en: 'BENCHLEARN_PUBLIC_URL is not a URL: {raw}',
  },
  'sso.publicUrlExample': {
    de: 'erwartet z. B. https://benchlearn.example.de',
    en: 'expected e.g. https://benchlearn.example.de',
  },
  'sso.publicUrlScheme': {
    de: 'BENCHLEARN_PUBLIC_URL muss mit https:// beginnen (oder http://): {raw}',
    en: 'BENCHLEARN_PUBLIC_URL must start with https:// (or http://): {raw}',
  },
  'sso.allowHttpBoolean': {
    de: 'BENCHLEARN_SSO_ALLOW_HTTP_LOCALHOST muss „true“ oder „false“ sein, nicht {value}',
    en: 'BENCHLEARN_SSO_ALLOW_HTTP_LOCALHOST must be true or false, not {value}',
  },
  'sso.issuerNotHttps': {
    de: 'Der Aussteller muss eine https://-URL sein: {issuer}',
    en: 'the issuer must be an https:// URL: {issuer}',
  },
  'sso.issuerExpected': {
    de: 'erwartet: https://… (http nur auf localhost, wenn erlaubt)',
    en: 'expected https://… (http only on localhost when allowed)',
  },
  'sso.noOrganisation': {
    de: 'Eine Organisation {id} gibt es nicht.',
    en: 'organisation {id} not found',
  },
  'sso.clientSecretNeeded': {
    de: 'Für einen neuen Anbieter wird ein Client-Secret gebraucht.',
    en: 'a client secret is needed for a new provider',
  },
  'sso.required': { de: 'erforderlich', en: 'required' },
  'sso.noProvider': {
    de: 'Die Organisation {organisationId} hat keinen Anmeldeanbieter.',
    en: 'organisation {organisationId} has no sign-in provider',
  },
  'sso.notSetUp': {
    de: 'Die Anmeldung mit einem Organisationskonto ist hier nicht eingerichtet (BENCHLEARN_PUBLIC_URL ist nicht gesetzt).',
    en: 'sign-in with an organisation account is not set up here (BENCHLEARN_PUBLIC_URL is not set)',
  },
  'sso.otherBrowser': {
    de: 'Diese Anmeldung wurde nicht in diesem Browser begonnen; bitte beginnen Sie neu.',
    en: 'this sign-in was not started in this browser; please start again',
  },
  'sso.signInExpired': {
    de: 'Diese Anmeldung ist unbekannt, schon benutzt oder abgelaufen; bitte beginnen Sie neu.',
    en: 'this sign-in is unknown, used or expired; please start again',
  },
  'sso.providerGone': {
    de: 'Die Organisation hat keinen Anmeldeanbieter mehr.',
    en: 'the organisation no longer has a sign-in provider',
  },
  'sso.providerUnreachable': {
    de: 'Der Anmeldeanbieter von {name} ist nicht erreichbar ({reason}).',
    en: 'the sign-in provider of {name} cannot be reached ({reason})',
  },
  'sso.answerNotVerified': {
    de: 'Die Antwort des Anmeldeanbieters ließ sich nicht prüfen ({reason}).',
    en: 'the answer of the sign-in provider could not be verified ({reason})',
  },
  'sso.noIdToken': {
    de: 'Der Anmeldeanbieter hat kein ID-Token gesendet.',
    en: 'the sign-in provider sent no ID token',
  },
  'sso.refusedEmailMissing': {
    de: 'Der Anbieter hat keine E-Mail-Adresse übermittelt.',
    en: 'the provider sent no e-mail address',
  },
  'sso.refusedEmailUnverified': {
    de: 'Der Anbieter hat diese E-Mail-Adresse nicht bestätigt.',
    en: 'the provider has not verified this e-mail address',
  },
  'sso.refusedDomainNotAllowed': {
    de: 'Kein Konto und keine Einladung für diese Adresse, und ihre Domain ist nicht freigegeben.',
    en: 'no account and no invitation for this address, and its domain is not allowed',
  },
  'sso.refusedOtherOrganisation': {
    de: 'Dieses Konto gehört nicht zur Organisation dieses Anbieters.',
    en: 'this account does not belong to the organisation of this provider',
  },
  'sso.refusedAccountDisabled': { de: 'Dieses Konto ist gesperrt.', en: 'this account is disabled' },
  // Mail settings and preferences (features/mail).
  'mail.expectedBooleanFor': {
    de: '{name}: erwartet „true“ oder „false“',
    en: '{name}: expected true or false',
  },
  'mail.expectedBoolean': { de: 'erwartet „true“ oder „false“', en: 'expected true or false' },
  'mail.expectedPortFor': { de: '{name}: erwartet eine Portnummer', en: '{name}: expected a port number' },
  'mail.expectedPort': { de: 'erwartet eine Portnummer', en: 'expected a port number' },
  'mail.expectedPortRangeFor': {
    de: '{name}: erwartet einen Port von 1 bis 65535',
    en: '{name}: expected a port between 1 and 65535',
  },
  'mail.expectedPortRange': {
    de: 'erwartet einen Port von 1 bis 65535',
    en: 'expected a port between 1 and 65535',
  },
  'mail.expectedEmailFor': {
    de: '{name}: erwartet eine E-Mail-Adresse wie benchlearn@example.org',
    en: '{name}: expected an e-mail address such as benchlearn@example.org',
  },
  'mail.expectedEmail': {
    de: 'erwartet eine E-Mail-Adresse wie benchlearn@example.org',
    en: 'expected an e-mail address such as benchlearn@example.org',
  },
  'mail.expectedUrlFor': {
    de: '{name}: erwartet eine http(s)-URL wie https://benchlearn.example.org',
    en: '{name}: expected an http(s) URL such as https://benchlearn.example.org',
  },
  'mail.expectedUrl': {
    de: 'erwartet eine http(s)-URL wie https://benchlearn.example.org',
    en: 'expected an http(s) URL such as https://benchlearn.example.org',
  },
  'mail.wrongLengthFor': { de: '{name}: zu kurz oder zu lang', en: '{name}: too short or too long' },
  'mail.wrongLength': { de: 'zu kurz oder zu lang', en: 'too short or too long' },
  'mail.needsHostFor': {
    de: '{name} ist gesetzt, BENCHLEARN_SMTP_HOST aber nicht',
    en: '{name} is set but BENCHLEARN_SMTP_HOST is not',
  },
  'mail.needsHost': { de: 'braucht BENCHLEARN_SMTP_HOST', en: 'needs BENCHLEARN_SMTP_HOST' },
  'mail.userAndPassword': {
    de: 'BENCHLEARN_SMTP_USER und BENCHLEARN_SMTP_PASSWORD werden zusammen gesetzt oder gar nicht',
    en: 'BENCHLEARN_SMTP_USER and BENCHLEARN_SMTP_PASSWORD are set together or not at all',
  },
  'mail.bothOrNeither': { de: 'beide setzen oder keine', en: 'set both or neither' },
  'mail.kindTwice': {
    de: 'Einstellungen: {kind} ist doppelt aufgeführt',
    en: 'preferences: {kind} is listed twice',
  },
  'mail.eachKindOnce': { de: 'jede Art nur einmal', en: 'each kind once' },
  // Accounts and passwords (features/auth).
  'userUpdate.noAccount': {
    de: 'Ein Konto mit der Nummer {id} gibt es nicht.',
    en: 'no account with the id {id}',
  },
  'userUpdate.ownAccount': {
    de: 'Die Rolle Ihres eigenen Kontos können Sie nicht ändern, und sperren können Sie es auch nicht.',
    en: 'you cannot change the role of your own account or disable it',
  },
  'userUpdate.onlyAdminsLimitModerators': {
    de: 'Nur Administratorinnen und Administratoren beschränken Moderierende auf Ringe.',
    en: 'only administrators limit moderators to rings',
  },
  'userUpdate.roleNotAllowed': {
    de: 'Diese Rolle oder Organisation dürfen Sie einem Konto nicht geben.',
    en: 'you may not give an account this role or organisation',
  },
  'acceptInvitation.emailNeeded': {
    de: 'Eine E-Mail-Adresse wird gebraucht.',
    en: 'an e-mail address is needed',
  },
  'acceptInvitation.required': { de: 'erforderlich', en: 'required' },
  'passwordChange.currentWrong': {
    de: 'Das aktuelle Passwort ist falsch.',
    en: 'the current password is wrong',
  },
  'passwordChange.wrong': { de: 'falsch', en: 'wrong' },
  'passwordReset.linkSpent': {
    de: 'Dieser Link ist unbekannt, verbraucht oder abgelaufen; bitte fordern Sie einen neuen an.',
    en: 'this reset link is unknown, used or expired; request a new one',
  },
  'passwordReset.spent': { de: 'unbekannt, verbraucht oder abgelaufen', en: 'unknown, used or expired' },
  // Settings and rules of the pure core (core/limits, core/permissions, core/periods).
  'limits.uploadMb': {
    de: 'BENCHLEARN_MAX_UPLOAD_MB: erwartet eine ganze Zahl Megabyte von 1 bis {max}, erhalten „{value}“',
    en: 'BENCHLEARN_MAX_UPLOAD_MB: expected a whole number of megabytes from 1 to {max}, got "{value}"',
  },
  'limits.parseWorkers': {
    de: 'BENCHLEARN_PARSE_WORKERS: erwartet eine ganze Zahl von 1 bis {max}, erhalten „{value}“',
    en: 'BENCHLEARN_PARSE_WORKERS: expected a whole number from 1 to {max}, got "{value}"',
  },
  'limits.expectedRange': { de: 'erwartet 1 … {max}', en: 'expected 1 … {max}' },
  'permissions.roleNeedsOrganisation': {
    de: 'Die Rolle {role} braucht eine Organisation.',
    en: 'the role {role} needs an organisation',
  },
  'permissions.required': { de: 'erforderlich', en: 'required' },
  'asOf.notADate': {
    de: '{field}: erwartet ein Datum JJJJ-MM-TT oder einen ISO-Zeitpunkt, erhalten „{text}“',
    en: "{field}: expected a date YYYY-MM-DD or an ISO instant, got '{text}'",
  },
  'asOf.notADateDetail': { de: 'kein Datum', en: 'not a date' },
  // Request values (contracts/common.ts); the nouns come from the schemas, in English.
  'request.notAnItem': {
    de: '„{value}“ ist ungültig (erwartet: {noun})',
    en: 'not {noun}: {value}',
  },
  'request.tooManyItems': {
    de: 'höchstens {max} je Anfrage ({plural})',
    en: 'at most {max} {plural} per request',
  },
  // The demo network's months (features/demo/generate).
  'demoNetwork.notAMonth': {
    de: '{field} muss ein Monat wie 2019-12 sein, erhalten „{text}“',
    en: '{field} must be a month like 2019-12, got "{text}"',
  },
  'demoNetwork.lastBeforeFirst': {
    de: 'lastMonth darf nicht vor firstMonth liegen',
    en: 'lastMonth must not be before firstMonth',
  },
  // Starting the server (cli/commands/start.ts).
  'startup.logLevel': {
    de: 'BENCHLEARN_LOG_LEVEL: erwartet wird einer von {levels}, erhalten „{value}“',
    en: "BENCHLEARN_LOG_LEVEL: expected one of {levels}, got '{value}'",
  },
  'startup.secureCookies': {
    de: 'BENCHLEARN_SECURE_COOKIES: erwartet „true“ oder „false“, erhalten „{value}“',
    en: "BENCHLEARN_SECURE_COOKIES: expected true or false, got '{value}'",
  },
  'startup.metricsTokenShort': {
    de: 'BENCHLEARN_METRICS_TOKEN: Verwenden Sie mindestens {min} Zeichen.',
    en: 'BENCHLEARN_METRICS_TOKEN: use at least {min} characters',
  },
  // The route shell (server/app.ts, server/errors.ts, server/metrics-route.ts).
  'route.signInFirst': { de: 'Bitte melden Sie sich zuerst an.', en: 'sign in first' },
  'route.csrfToken': {
    de: 'Der Header x-csrf-token fehlt oder ist falsch (zu holen über GET /api/v1/session).',
    en: 'missing or wrong x-csrf-token header (take it from GET /api/v1/session)',
  },
  'route.roleNotAllowed': {
    de: 'Für die Rolle {role} nicht erlaubt.',
    en: 'not allowed for the role {role}',
  },
  'route.noRoute': { de: 'Keine Route {method} {path}', en: 'no route {method} {path}' },
  'route.noSuchRoute': { de: 'Diese Route gibt es nicht.', en: 'no such route' },
  'request.invalidInput': { de: 'ungültige Eingabe', en: 'invalid input' },
  'request.invalidRequest': {
    de: 'ungültige Anfrage an {operationId}',
    en: 'invalid request to {operationId}',
  },
  'request.databaseUnavailable': { de: 'Datenbank nicht erreichbar', en: 'database unavailable' },
  'request.internalError': { de: 'interner Fehler', en: 'internal error' },
  'metrics.wrongToken': { de: 'falsches Metrik-Token', en: 'wrong metrics token' },
  'metrics.signInOrToken': {
    de: 'Melden Sie sich als Administrator an oder senden Sie das Metrik-Token.',
    en: 'sign in as an administrator or send the metrics token',
  },
  'metrics.adminsOnly': {
    de: 'Die Metriken sind nur für Administratorinnen und Administratoren.',
    en: 'metrics are for administrators',
  },
} as const satisfies Record<string, { de: string; en: string }>
