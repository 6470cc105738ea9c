/**
 * The command line's own texts (usage, headers, column heads, summaries, confirmations, progress and
 * the start-up banner), in German and English. Part of SERVER_MESSAGES (catalogue.ts); the same
 * placeholders and rules apply. Keys are `cli.<command>.<what>`; texts several commands share are
 * `cli.common.*`. Command names, flag names, file names, ids and codes stay as they are; `<…>` in a
 * usage names what to give, in the reader's language.
 */
export const CLI_MESSAGES = {
  // Shared by several commands.
  'cli.common.expectedGot': {
    de: 'erwartet: {expected}, angegeben war ‚{got}‘',
    en: "expected {expected}, got '{got}'",
  },
  'cli.common.expected': { de: 'erwartet: {expected}', en: 'expected {expected}' },
  'cli.common.usage': { de: 'Aufruf: benchlearn {summary}', en: 'usage: benchlearn {summary}' },
  'cli.common.row': { de: 'Zeile {row}', en: 'row {row}' },
  'cli.common.column': { de: 'Spalte {column}', en: 'column {column}' },
  'cli.common.quoted': { de: '‚{value}‘', en: "'{value}'" },
  'cli.common.colRow': { de: 'Zeile', en: 'row' },
  'cli.common.colColumn': { de: 'Spalte', en: 'column' },
  'cli.common.colValue': { de: 'Wert', en: 'value' },
  'cli.common.colProblem': { de: 'Problem', en: 'problem' },
  'cli.common.colId': { de: 'Nr.', en: 'id' },
  'cli.common.colName': { de: 'Name', en: 'name' },
  'cli.common.colCode': { de: 'Kürzel', en: 'code' },
  'cli.common.colOrganisation': { de: 'Organisation', en: 'organisation' },
  'cli.common.colBreakdown': { de: 'Aufgliederung', en: 'breakdown' },
  'cli.common.colGroup': { de: 'Gruppe', en: 'group' },
  'cli.common.colKind': { de: 'Art', en: 'kind' },
  'cli.common.colRing': { de: 'Ring', en: 'ring' },
  'cli.common.colStatus': { de: 'Status', en: 'status' },
  'cli.common.ringRequired': {
    de: '--ring ist nötig (ein Ringkürzel wie R01)',
    en: '--ring is required (a ring code such as R01)',
  },
  'cli.common.unknownOption': {
    de: 'unbekannte Option ‚{option}‘',
    en: "unknown option '{option}'",
  },
  'cli.common.optionValue': {
    de: 'Option ‚{option}‘: der Wert fehlt oder passt nicht zur Option',
    en: "option '{option}': the value is missing or does not fit the option",
  },
  'cli.common.unexpectedArgument': {
    de: 'unerwartetes Argument ‚{argument}‘',
    en: "unexpected argument '{argument}'",
  },
  'cli.common.note': { de: 'Hinweis: {text}', en: 'note: {text}' },
  'cli.common.demo': { de: 'Demo', en: 'demo' },

  // benchlearn (usage) and the error output of every command (main.ts).
  'cli.main.title': {
    de: 'benchlearn – Benchmarking und Benchlearning für öffentliche Organisationen',
    en: 'benchlearn – benchmarking and benchlearning for public organisations',
  },
  'cli.main.usage': {
    de: 'Aufruf: benchlearn <Befehl> [Optionen]',
    en: 'usage: benchlearn <command> [options]',
  },
  'cli.main.globalOptions': {
    de: 'Allgemeine Optionen: --data-dir <Ordner> (Ordner der eingebetteten Datenbank, Vorgabe ./data oder $BENCHLEARN_DATA_DIR),\n                     --debug (zeigt den Stacktrace). Ist $DATABASE_URL gesetzt, wird stattdessen PostgreSQL verwendet.\nSprache: Deutsch; Englisch mit LANG=en (z. B. LANG=en_GB.UTF-8).',
    en: 'Global options: --data-dir <dir> (embedded database folder, default ./data or $BENCHLEARN_DATA_DIR),\n                --debug (show stack traces). With $DATABASE_URL set, PostgreSQL is used instead.\nLanguage: German; English with LANG=en (e.g. LANG=en_GB.UTF-8).',
  },
  'cli.main.unknownCommand': {
    de: 'benchlearn: unbekannter Befehl ‚{name}‘',
    en: "benchlearn: unknown command '{name}'",
  },
  'cli.start.summary': {
    de: 'start [--port <Port>] [--host <Adresse>] [--no-demo]: startet die Plattform (legt auf einer leeren Datenbank das Demo-Netzwerk an)',
    en: 'start [--port <port>] [--host <address>] [--no-demo]: start the platform (creates the demo network on an empty database)',
  },
  'cli.demo.summary': {
    de: 'demo --reset: legt das Demo-Netzwerk neu an',
    en: 'demo --reset: recreate the demo network',
  },
  'cli.db.summary': {
    de: 'db migrate [--down]: bringt das Datenbankschema auf den neuesten Stand',
    en: 'db migrate [--down]: update the database schema',
  },
  'cli.backup.summary': {
    de: 'backup <Datei>: eine stimmige, komprimierte Sicherung der ganzen Datenbank (auch während sie läuft)',
    en: 'backup <file>: a consistent, compressed backup of the whole database (while it runs)',
  },
  'cli.restore.summary': {
    de: 'restore <Datei> [--sign-out-everyone]: lädt eine Sicherung in eine leere Datenbank',
    en: 'restore <file> [--sign-out-everyone]: load a backup into an empty database',
  },
  'cli.import.summary': {
    de: 'import <Datei> [--mapping <Name|Datei>] [--dry-run] [--json]: liest Werte, Organisationen oder veröffentlichte Kennzahlen ein',
    en: 'import <file> [--mapping <name|file>] [--dry-run] [--json]: import values, organisations or published figures',
  },
  'cli.export.summary': {
    de: 'export <Ordner>: alles als CSV + JSON (wieder einlesbar)',
    en: 'export <dir>: everything as CSV + JSON (re-importable)',
  },
  'cli.orgs.summary': {
    de: 'orgs list [--at JJJJ-MM-TT] [--json]: die Organisationen',
    en: 'orgs list [--at YYYY-MM-DD] [--json]: the organisations',
  },
  'cli.rings.summary': {
    de: 'rings list [--at JJJJ-MM-TT] [--json]: wer an einem Tag in welchem Ring war',
    en: 'rings list [--at YYYY-MM-DD] [--json]: who was in which ring on a day',
  },
  'cli.indicators.summary': {
    de: 'indicators list [--json]: die Rohdatenreihen',
    en: 'indicators list [--json]: the raw series',
  },
  'cli.observations.summary': {
    de: 'observations <Organisation> <Reihe> [--as-of <Zeitpunkt>] [--from JJJJ-MM] [--to JJJJ-MM] [--json]: Werte einer Reihe mit ihren Revisionen',
    en: 'observations <org> <indicator> [--as-of <date>] [--from YYYY-MM] [--to YYYY-MM] [--json]: values of a series with their revisions',
  },
  'cli.kpi.summary': {
    de: 'kpi list|compute [--full] [--as-of <Zeitpunkt>]|show <Kürzel> --org <Schlüssel> [--group ring|all|set] [--orgs a,b] [--period JJJJ-MM] [--json]|excellence <Kürzel> --org <Schlüssel>|define <Kürzel> …',
    en: 'kpi list|compute [--full] [--as-of <date>]|show <code> --org <key> [--group ring|all|set] [--orgs a,b] [--period YYYY-MM] [--json]|excellence <code> --org <key>|define <code> …',
  },
  'cli.sso.summary': {
    de: 'sso list [--json] | set <Org-Schlüssel> --name <Name> --issuer <URL> --client-id <ID> [--domains a,b] [--client-secret-stdin] | remove <Org-Schlüssel>',
    en: 'sso list [--json] | set <org-key> --name <n> --issuer <url> --client-id <id> [--domains a,b] [--client-secret-stdin] | remove <org-key>',
  },
  'cli.users.summary': {
    de: 'users list [--json] | create <E-Mail> --role <Rolle> [--org <Schlüssel>] [--name <Name>] --password-stdin | invite --role <Rolle> [--org <Schlüssel>] [--email <E-Mail>]',
    en: 'users list [--json] | create <email> --role <role> [--org <key>] [--name <n>] --password-stdin | invite --role <role> [--org <key>] [--email <e>]',
  },
  'cli.peers.summary': {
    de: 'peers form --method <ward|kmeans|rings> --k <Anzahl> [--min <Anzahl> --max <Anzahl>] [--indicators a,b] [--weights a=2,b=1|regression] [--input <CSV>] [--json] | save --name … | list | show <Modell> | compare <a> <b> | neighbours <Organisation> [--k 10] | history <Organisation> | move <Modell> <Organisation> <Gruppe> [--save] | apply <Modell> --from <Datum> | import-types <CSV> --name …',
    en: 'peers form --method <ward|kmeans|rings> --k <n> [--min <n> --max <n>] [--indicators a,b] [--weights a=2,b=1|regression] [--input <csv>] [--json] | save --name … | list | show <id> | compare <a> <b> | neighbours <org> [--k 10] | history <org> | move <id> <org> <group> [--save] | apply <id> --from <date> | import-types <csv> --name …',
  },
  'cli.meetings.summary': {
    de: 'meetings list [--ring R01] [--year 2027] [--json] | propose-schedule --ring R01 --year 2027 [--count 3] [--create] [--json]: Treffen der Ringe',
    en: 'meetings list [--ring R01] [--year 2027] [--json] | propose-schedule --ring R01 --year 2027 [--count 3] [--create] [--json]: meetings of the rings',
  },
  'cli.report.summary': {
    de: 'report meeting <Nr.> --pdf <Datei> [--html <Datei>] [--period JJJJ-MM] [--lang de|en]: die Sitzungsunterlage | report organisation <Schlüssel> --pdf <Datei> --pptx <Datei> [--lang de|en] [--period JJJJ-MM] [--sections position,context,potentials,measures]: der Bericht für Kreistag und Sozialausschuss',
    en: 'report meeting <id> --pdf <file> [--html <file>] [--period YYYY-MM] [--lang de|en]: the meeting pack | report organisation <key> --pdf <file> --pptx <file> [--lang de|en] [--period YYYY-MM] [--sections position,context,potentials,measures]: the council report',
  },
  'cli.practices.summary': {
    de: 'practices list [--topic t] [--figure K2] | search <Wörter> | show <Nr.> [--json]: die Sammlung guter Praxis',
    en: 'practices list [--topic t] [--figure K2] | search <words> | show <id> [--json]: the good-practice library',
  },
  'cli.selfAssessment.summary': {
    de: 'self-assessment compare --ring R01 [--cycle 2025] [--org <Nr.>] [--json]: Befähigerbereiche im Ring',
    en: 'self-assessment compare --ring R01 [--cycle 2025] [--org <id>] [--json]: enabler areas in the ring',
  },
  'cli.boundaries.summary': {
    de: 'boundaries import <Datei.geojson> [--property ags5] [--tolerance 0.005] [--licence <Text>] [--dry-run] [--json]: Kreisgrenzen für die Karte',
    en: 'boundaries import <file.geojson> [--property ags5] [--tolerance 0.005] [--licence <text>] [--dry-run] [--json]: district boundaries for the map',
  },
  'cli.mail.summary': {
    de: 'mail send-pending [--json]: verschickt den Postausgang jetzt (samt täglicher Zusammenfassungen) über BENCHLEARN_SMTP_HOST',
    en: 'mail send-pending [--json]: send the outbox now (daily digests included) through BENCHLEARN_SMTP_HOST',
  },
  'cli.mappings.summary': {
    de: 'mappings list: die mitgelieferten Spaltenzuordnungen für amtliche Formate',
    en: 'mappings list: column mappings shipped for official formats',
  },

  // benchlearn start: progress and the start-up banner.
  'cli.start.creatingDemo': {
    de: 'Leere Datenbank: lege das Demo-Netzwerk an …',
    en: 'Empty database: creating the demo network …',
  },
  'cli.start.demoCreated': {
    de: 'Demo: {organisations} Jobcenter, {rings|# Vergleichsring|# Vergleichsringe}, {values} synthetische Werte {firstMonth:period} – {lastMonth:period}',
    en: 'Demo: {organisations|# organisation|# organisations}, {rings|# comparison ring|# comparison rings}, {values} synthetic values {firstMonth:period} – {lastMonth:period}',
  },
  'cli.start.figuresComputed': {
    de: 'Kennzahlen berechnet: {values|# Wert|# Werte} in {seconds:fixed} s',
    en: 'Key figures computed: {values|# value|# values} in {seconds:fixed} s',
  },
  'cli.start.running': { de: 'benchlearn läuft: {url}', en: 'benchlearn is running: {url}' },
  'cli.start.database': { de: 'Datenbank: {location}', en: 'Database: {location}' },
  'cli.start.api': { de: 'Programmierschnittstelle: {url}', en: 'API: {url}' },
  'cli.start.mail': { de: 'E-Mail: {server}', en: 'Mail: {server}' },
  'cli.start.noMail': {
    de: 'E-Mail: kein Mailserver, Nachrichten bleiben im Postausgang',
    en: 'Mail: no mail server, messages stay in the outbox',
  },
  'cli.start.startedIn': { de: 'gestartet in {seconds:fixed} s', en: 'started in {seconds:fixed} s' },
  'cli.start.demoLogins': {
    de: 'Demo-Zugänge (nur im Demo-Netzwerk):',
    en: 'Demo logins (demo network only):',
  },
  'cli.start.password': { de: 'Passwort: {password}', en: 'password: {password}' },
  'cli.start.synthetic': {
    de: 'Demo-Daten sind synthetisch. Beenden: Strg+C',
    en: 'Demo data is synthetic. Stop: Ctrl+C',
  },

  // benchlearn demo
  'cli.demo.hasData': {
    de: 'Die Datenbank enthält schon Organisationen; --reset löscht alles und legt das Demo-Netzwerk neu an',
    en: 'the database already holds organisations; use --reset to delete everything and recreate the demo network',
  },
  'cli.demo.seed': {
    de: '--seed muss eine ganze Zahl sein, angegeben war ‚{value}‘',
    en: "--seed must be a whole number, got '{value}'",
  },
  'cli.demo.created': {
    de: 'Demo-Netzwerk angelegt: {organisations|# Organisation|# Organisationen}, {rings|# Ring|# Ringe}, {values} synthetische Werte ({firstMonth:period} – {lastMonth:period}), {figureValues|# Kennzahlwert|# Kennzahlwerte}',
    en: 'Demo network created: {organisations|# organisation|# organisations}, {rings|# ring|# rings}, {values} synthetic values ({firstMonth:period} – {lastMonth:period}), {figureValues|# key-figure value|# key-figure values}',
  },

  // benchlearn db
  'cli.db.upToDate': {
    de: 'Die Datenbank ist auf dem neuesten Stand',
    en: 'The database is up to date',
  },
  'cli.db.applied': { de: 'angewendet: {migrations}', en: 'applied: {migrations}' },
  'cli.db.reverted': { de: 'zurückgenommen: {migrations}', en: 'reverted: {migrations}' },

  // benchlearn backup / restore
  'cli.backup.oneFile': {
    de: 'erwartet wird genau eine Datei, in die die Sicherung geschrieben wird',
    en: 'expected exactly one backup file to write',
  },
  'cli.backup.written': {
    de: 'Sicherung geschrieben: {file} (Schema {schema}, {tables|# Tabelle|# Tabellen}, {rows|# Zeile|# Zeilen})',
    en: 'Backup written: {file} (schema {schema}, {tables|# table|# tables}, {rows|# row|# rows})',
  },
  'cli.backup.writtenByServer': {
    de: 'Sicherung geschrieben: {file} (Schema {schema}, {tables|# Tabelle|# Tabellen}, {rows|# Zeile|# Zeilen}, vom laufenden Server, Prozess {pid})',
    en: 'Backup written: {file} (schema {schema}, {tables|# table|# tables}, {rows|# row|# rows}, by the running server, process {pid})',
  },
  'cli.restore.oneFile': {
    de: 'erwartet wird genau eine Sicherungsdatei, die wiederhergestellt wird',
    en: 'expected exactly one backup file to restore',
  },
  'cli.restore.restored': {
    de: 'Wiederhergestellt: {tables|# Tabelle|# Tabellen}, {rows|# Zeile|# Zeilen} (Schema {schema}) in {location}',
    en: 'Restored: {tables|# table|# tables}, {rows|# row|# rows} (schema {schema}) in {location}',
  },
  'cli.restore.upgraded': { de: 'aktualisiert mit: {migrations}', en: 'upgraded with: {migrations}' },
  'cli.restore.schemaCurrent': { de: 'Das Schema ist aktuell', en: 'The schema is current' },

  // benchlearn import
  'cli.import.whichFile': {
    de: 'welche Datei? z. B. benchlearn import kennzahlen.csv',
    en: 'which file? e.g. benchlearn import figures.csv',
  },
  'cli.import.noSuchFile': { de: 'Datei nicht gefunden: {file}', en: 'no such file: {file}' },
  'cli.import.encoding': {
    de: '--encoding muss utf-8, windows-1252 oder latin1 sein, angegeben war ‚{value}‘',
    en: "--encoding must be utf-8, windows-1252 or latin1, got '{value}'",
  },
  'cli.import.decimal': {
    de: '--decimal muss ‚,‘ oder ‚.‘ sein, angegeben war ‚{value}‘',
    en: "--decimal must be ',' or '.', got '{value}'",
  },
  'cli.import.phaseParse': { de: 'lesen', en: 'reading' },
  'cli.import.phaseWrite': { de: 'schreiben', en: 'writing' },
  'cli.import.rejected': {
    de: 'ABGELEHNT – nichts wurde geschrieben',
    en: 'REJECTED – nothing was written',
  },
  'cli.import.dryRun': {
    de: 'Probelauf – nichts wurde geschrieben',
    en: 'dry run – nothing was written',
  },
  'cli.import.imported': { de: 'eingelesen', en: 'imported' },
  'cli.import.rowsRead': { de: 'Zeilen gelesen: {n}', en: 'rows read {n}' },
  'cli.import.valuesRead': { de: 'Werte: {n}', en: 'values {n}' },
  'cli.import.wouldImport': {
    de: 'würden eingelesen: {n} (neu {new}, geändert {revised})',
    en: 'would import {n} (new {new}, revised {revised})',
  },
  'cli.import.importedCount': {
    de: 'eingelesen: {n} (neu {new}, geändert {revised})',
    en: 'imported {n} (new {new}, revised {revised})',
  },
  'cli.import.unchanged': { de: 'unverändert: {n}', en: 'unchanged {n}' },
  'cli.import.rejectedCount': { de: 'abgelehnt: {n}', en: 'rejected {n}' },
  'cli.import.batch': { de: 'Import {batchId}', en: 'batch {batchId}' },
  'cli.import.figuresUpdated': {
    de: 'Kennzahlen aktualisiert: {n|# Wert|# Werte}',
    en: 'key figures updated: {n|# value|# values}',
  },
  'cli.import.more': {
    de: '… und {n} weitere (alle mit --json)',
    en: '… and {n} more (use --json for all)',
  },
  'cli.import.wouldChange': {
    de: 'Würde sich ändern (Beispiele):',
    en: 'What would change (examples):',
  },
  'cli.import.changes': { de: 'Änderungen (Beispiele):', en: 'Changes (examples):' },
  'cli.import.colOrgId': { de: 'Org.-Nr.', en: 'org id' },
  'cli.import.colIndicator': { de: 'Reihe', en: 'indicator' },
  'cli.import.colPeriod': { de: 'Zeitraum', en: 'period' },
  'cli.import.colBefore': { de: 'vorher', en: 'before' },
  'cli.import.colAfter': { de: 'nachher', en: 'after' },
  'cli.import.organisationList': {
    de: '{file} (Liste der Organisationen): {verdict}',
    en: '{file} (list of organisations): {verdict}',
  },
  'cli.import.organisationCounts': {
    de: 'Zeilen: {rows} · angelegt: {created} · aktualisiert: {updated} · unverändert: {unchanged} · ins Netzwerk aufgenommen: {added} · abgelehnt: {rejected}',
    en: 'rows {rows} · created {created} · updated {updated} · unchanged {unchanged} · added to network {added} · rejected {rejected}',
  },
  'cli.import.reconciliation': {
    de: 'Abgleich: {compared} veröffentlichte Werte haben einen berechneten Wert; {differing} weichen über die Rundung hinaus ab (Toleranz: eine halbe Einheit der letzten Nachkommastelle des veröffentlichten Werts)',
    en: 'Reconciliation: {compared} published values have a computed value; {differing} differ beyond rounding (tolerance: half a unit of the last decimal of the published value)',
  },
  'cli.import.colFigure': { de: 'Kennzahl', en: 'figure' },
  'cli.import.colMonth': { de: 'Monat', en: 'month' },
  'cli.import.colPublished': { de: 'veröffentlicht', en: 'published' },
  'cli.import.colComputed': { de: 'berechnet', en: 'computed' },
  'cli.import.colDiffers': { de: 'weicht ab bei', en: 'differs' },
  'cli.import.part.value': { de: 'Wert', en: 'value' },
  'cli.import.part.numerator': { de: 'Zähler', en: 'numerator' },
  'cli.import.part.denominator': { de: 'Nenner', en: 'denominator' },

  // benchlearn export
  'cli.export.whichFolder': {
    de: 'welcher Ordner? z. B. benchlearn export ./sicherung',
    en: 'which folder? e.g. benchlearn export ./backup',
  },
  'cli.export.done': {
    de: 'exportiert nach {dir}: {organisations|# Organisation|# Organisationen}, {values|# aktueller Wert|# aktuelle Werte}, {revisions|# Revision|# Revisionen} ({files})',
    en: 'exported to {dir}: {organisations|# organisation|# organisations}, {values|# current value|# current values}, {revisions|# revision|# revisions} ({files})',
  },
  'cli.export.reimport': {
    de: 'observations.csv lässt sich wieder einlesen mit: benchlearn import {path}',
    en: 'observations.csv re-imports with: benchlearn import {path}',
  },

  // benchlearn orgs / rings / indicators / observations / mappings
  'cli.orgs.colCarrier': { de: 'Träger', en: 'carrier' },
  'cli.rings.atDate': {
    de: '--at muss ein Datum JJJJ-MM-TT sein, angegeben war ‚{value}‘',
    en: "--at must be a date YYYY-MM-DD, got '{value}'",
  },
  'cli.rings.none': { de: 'keine Ringe am {at:date}', en: 'no rings on {at:date}' },
  'cli.rings.ring': {
    de: '{code} {name} ({network}; {members|# Mitglied|# Mitglieder} am {at:date}, Freigabe: {sharing})',
    en: '{code} {name} ({network}; {members|# member|# members} on {at:date}, sharing: {sharing})',
  },
  'cli.rings.member': {
    de: '{name}  [Nr. {id}, seit {since:date}]',
    en: '{name}  [id {id}, since {since:date}]',
  },
  'cli.indicators.colUnit': { de: 'Einheit', en: 'unit' },
  'cli.indicators.colFrequency': { de: 'Häufigkeit', en: 'frequency' },
  'cli.indicators.colBreakdowns': { de: 'Aufgliederungen', en: 'breakdowns' },
  'cli.indicators.colSource': { de: 'Quelle', en: 'source' },
  'cli.indicators.monthly': { de: 'monatlich', en: 'monthly' },
  'cli.indicators.yearly': { de: 'jährlich', en: 'yearly' },
  'cli.observations.expected': {
    de: 'erwartet: <Organisation> <Reihe>, z. B. observations 06435 elb',
    en: 'expected <org> <indicator>, e.g. observations 06435 elb',
  },
  'cli.observations.organisation': { de: '{name} (Nr. {id})', en: '{name} (id {id})' },
  'cli.observations.asOf': { de: 'Stand {asOf}', en: 'as of {asOf}' },
  'cli.observations.source': { de: 'Quelle: {source}', en: 'source: {source}' },
  'cli.observations.colRevision': { de: 'Revision', en: 'revision' },
  'cli.observations.colRecorded': { de: 'erfasst', en: 'recorded' },
  'cli.observations.missing': { de: 'fehlt ({reason})', en: 'missing ({reason})' },
  'cli.observations.revisionOf': {
    de: '{revision} von {revisions}',
    en: '{revision} of {revisions}',
  },
  'cli.mappings.colDescription': { de: 'Beschreibung', en: 'description' },

  // benchlearn mail
  'cli.mail.noSmtp': {
    de: 'BENCHLEARN_SMTP_HOST ist nicht gesetzt: ohne Mailserver lässt sich nichts verschicken',
    en: 'BENCHLEARN_SMTP_HOST is not set: without a mail server nothing can be sent',
  },
  'cli.mail.result': {
    de: 'gesendet: {sent}, fehlgeschlagen: {failed}, wartend: {waiting}',
    en: 'sent: {sent}, failed: {failed}, waiting: {waiting}',
  },
  'cli.mail.lastError': { de: 'letzter Fehler: {error}', en: 'last error: {error}' },

  // benchlearn kpi
  'cli.kpi.figureCode': {
    de: 'erwartet wird ein Kennzahlkürzel, z. B. kpi {sub} K2 --org 06435',
    en: 'expected a figure code, e.g. kpi {sub} K2 --org 06435',
  },
  'cli.kpi.orgRequired': {
    de: '--org <Schlüssel> ist nötig (Nummer, fünfstelliger AGS oder NUTS-3-Code)',
    en: '--org <key> is required (id, 5-digit AGS or NUTS-3 code)',
  },
  'cli.kpi.defineCode': {
    de: 'erwartet wird ein Kennzahlkürzel, z. B. kpi define CASELOAD --numerator … --polarity …',
    en: 'expected a figure code, e.g. kpi define CASELOAD --numerator … --polarity …',
  },
  'cli.kpi.defined': {
    de: '{code} in Version {version} festgelegt: {numerator} / {denominator}\nBerechnen mit: benchlearn kpi compute',
    en: "defined {code} version {version}: {numerator} / {denominator}\nrun 'benchlearn kpi compute' to compute it",
  },
  'cli.kpi.colVersion': { de: 'V.', en: 'v' },
  'cli.kpi.colFormula': { de: 'Formel', en: 'formula' },
  'cli.kpi.colShownAs': { de: 'Darstellung', en: 'shown as' },
  'cli.kpi.colPolarity': { de: 'Richtung', en: 'polarity' },
  'cli.kpi.colWithValue': { de: 'mit Wert', en: 'with value' },
  'cli.kpi.colMissing': { de: 'ohne Wert', en: 'missing' },
  'cli.kpi.colMedian': { de: 'Median', en: 'median' },
  'cli.kpi.upToDate': { de: 'Die Kennzahlen sind aktuell', en: 'Key figures up to date' },
  'cli.kpi.computed': { de: 'Kennzahlen berechnet ({kind})', en: 'Key figures computed ({kind})' },
  'cli.kpi.computedScope': {
    de: '{figures|# Kennzahl|# Kennzahlen}, {organisations|# Organisation|# Organisationen}, {first} … {last}',
    en: '{figures|# figure|# figures}, {organisations|# organisation|# organisations}, {first} … {last}',
  },
  'cli.kpi.computedValues': {
    de: '{values|# Wert|# Werte} geschrieben in {seconds} s (Lauf {runId})',
    en: '{values|# value|# values} written in {seconds} s (run {runId})',
  },
  'cli.kpi.asOf': {
    de: 'Stand {asOf} (berechnet, nicht gespeichert)',
    en: 'As of {asOf} (computed, not stored)',
  },
  'cli.kpi.asOfScope': {
    de: '{organisations|# Organisation|# Organisationen}, {first} … {last}; letzter Monat:',
    en: '{organisations|# organisation|# organisations}, {first} … {last}; latest month:',
  },
  'cli.kpi.class.better_than_expected': { de: 'besser als erwartet', en: 'better than expected' },
  'cli.kpi.class.worse_than_expected': { de: 'schlechter als erwartet', en: 'worse than expected' },
  'cli.kpi.class.as_expected': { de: 'im Rahmen des Erwartbaren', en: 'as expected' },
  'cli.kpi.class.above_expected': { de: 'über dem Erwartbaren', en: 'above expected' },
  'cli.kpi.class.below_expected': { de: 'unter dem Erwartbaren', en: 'below expected' },
  'cli.kpi.asOfSuffix': { de: 'Stand {asOf}', en: 'as of {asOf}' },
  'cli.kpi.value': { de: 'Wert', en: 'Value' },
  'cli.kpi.valueMissing': { de: 'fehlt ({details})', en: 'missing ({details})' },
  'cli.kpi.numerator': { de: 'Zähler', en: 'Numerator' },
  'cli.kpi.denominator': { de: 'Nenner', en: 'Denominator' },
  'cli.kpi.group': { de: 'Gruppe', en: 'Group' },
  'cli.kpi.rank': { de: 'Rang', en: 'Rank' },
  'cli.kpi.rankOf': { de: '{rank} von {n}', en: '{rank} of {n}' },
  'cli.kpi.rankContext': {
    de: '(nach Wert; Kontextkennzahl, keine Wertung)',
    en: '(by value; context figure, no judgement)',
  },
  'cli.kpi.median': { de: 'Median (Q1–Q3)', en: 'Median (Q1–Q3)' },
  'cli.kpi.gap': { de: 'Abstand zum Median', en: 'Gap to median' },
  'cli.kpi.gapValue': { de: '{gap} (positiv = besser)', en: '{gap} (positive = better)' },
  'cli.kpi.trend': { de: 'Trend über 12 Monate', en: '12-month trend' },
  'cli.kpi.trendValue': { de: '{trend} pro Monat', en: '{trend} per month' },
  'cli.kpi.previousYear': { de: 'Veränderung zum Vorjahr', en: 'Change to previous year' },
  'cli.kpi.expected': { de: 'Erwartet', en: 'Expected' },
  'cli.kpi.expectedValue': {
    de: '{expected} {unit} (95-%-Intervall {lower} – {upper}; R² = {rSquared}, n = {n})',
    en: '{expected} {unit} (95 % interval {lower} – {upper}; R² = {rSquared}, n = {n})',
  },
  'cli.kpi.assessment': { de: 'Einordnung', en: 'Assessment' },
  'cli.kpi.context': { de: 'Kontextvergleich', en: 'Context comparison' },
  'cli.kpi.missingReason': { de: '{reason:missingWord}', en: '{reason:missingWord}' },
  'cli.kpi.contextUnavailable': { de: '– ({reason})', en: '– ({reason})' },
  'cli.kpi.byLevel': { de: 'Nach Niveau:', en: 'By level:' },
  'cli.kpi.byLevelLine': {
    de: '{rank}. {name}: {value} (Median {median}, n = {n})',
    en: '{rank}. {name}: {value} (median {median}, n = {n})',
  },
  'cli.kpi.byImprovement': {
    de: 'Nach Verbesserung gegenüber dem Vorjahr:',
    en: 'By improvement on a year earlier:',
  },
  'cli.kpi.byImprovementLine': {
    de: '{rank}. {name}: {before} → {value} (Verbesserung {improvement}, Median {median})',
    en: '{rank}. {name}: {before} → {value} (improvement {improvement}, median {median})',
  },
  'cli.kpi.beyondContext': { de: 'Über dem Kontext:', en: 'Beyond context:' },
  'cli.kpi.beyondContextLine': {
    de: '{rank}. {name}: {actual} statt erwartet {expected} ({lower} – {upper}): {class}',
    en: '{rank}. {name}: {actual} vs expected {expected} ({lower} – {upper}): {class}',
  },
  'cli.kpi.consistency': {
    de: 'Beständig im oberen Quartil:',
    en: 'Consistently in the top quartile:',
  },
  'cli.kpi.consistencyLine': {
    de: '{name}: {months} von {considered} Monaten (zuletzt {latest})',
    en: '{name}: {months} of {considered} months (latest {latest})',
  },

  // benchlearn sso
  'cli.sso.setUsage': {
    de: 'sso set <Org-Schlüssel> --name <Anzeigename> --issuer <https://…> --client-id <ID> [--domains a.de,b.de] [--client-secret-stdin]',
    en: 'sso set <org-key> --name <display name> --issuer <https://…> --client-id <id> [--domains a.de,b.de] [--client-secret-stdin]',
  },
  'cli.sso.removeUsage': { de: 'sso remove <Org-Schlüssel>', en: 'sso remove <org-key>' },
  'cli.sso.colIssuer': { de: 'Aussteller', en: 'issuer' },
  'cli.sso.colClientId': { de: 'Client-ID', en: 'client id' },
  'cli.sso.colDomains': { de: 'erlaubte Domains', en: 'allowed domains' },
  'cli.sso.saved': {
    de: 'Anbieter von {organisation} gespeichert: {issuer}',
    en: 'provider of {organisation} saved: {issuer}',
  },
  'cli.sso.redirect': {
    de: 'Diese Weiterleitungsadresse beim Anbieter eintragen: {uri}',
    en: 'register this redirect URI at the provider: {uri}',
  },
  'cli.sso.noPublicUrl': {
    de: 'BENCHLEARN_PUBLIC_URL für den Server setzen: bis dahin kann sich niemand über einen Anbieter anmelden',
    en: 'set BENCHLEARN_PUBLIC_URL for the server: until then nobody can sign in with a provider',
  },
  'cli.sso.removed': { de: 'Anbieter von {key} entfernt', en: 'provider of {key} removed' },

  // benchlearn users
  'cli.users.needsOrg': {
    de: 'Die Rolle {role} braucht --org <Schlüssel>',
    en: 'the role {role} needs --org <key>',
  },
  'cli.users.role': {
    de: '--role muss eine dieser Rollen sein: {roles}',
    en: '--role must be one of {roles}',
  },
  'cli.users.createUsage': {
    de: 'users create <E-Mail> --role <Rolle> [--org <Schlüssel>] [--name <Name>] --password-stdin',
    en: 'users create <email> --role <role> [--org <key>] [--name <name>] --password-stdin',
  },
  'cli.users.passwordStdin': {
    de: 'Das Passwort über die Standardeingabe geben, mit --password-stdin (oder: users invite)',
    en: 'give the password on stdin with --password-stdin (or use: users invite)',
  },
  'cli.users.passwordShort': {
    de: 'Das Passwort braucht mindestens 12 Zeichen',
    en: 'the password needs at least 12 characters',
  },
  'cli.users.validHours': {
    de: '--valid-hours muss eine ganze Zahl ≥ 1 sein',
    en: '--valid-hours must be a whole number ≥ 1',
  },
  'cli.users.colEmail': { de: 'E-Mail', en: 'email' },
  'cli.users.colRole': { de: 'Rolle', en: 'role' },
  'cli.users.colLastSeen': { de: 'zuletzt aktiv', en: 'last seen' },
  'cli.users.colDisabled': { de: 'gesperrt', en: 'disabled' },
  'cli.users.disabled': { de: 'gesperrt', en: 'disabled' },
  'cli.users.created': {
    de: 'Zugang {id} angelegt: {email} ({role})',
    en: 'account {id} created: {email} ({role})',
  },
  'cli.users.invited': {
    de: 'Einladung als {role}, gültig bis {until} (der Link wird nur jetzt angezeigt)',
    en: 'invitation for {role}, valid until {until} (the link is shown only now)',
  },

  // benchlearn meetings
  'cli.meetings.year': {
    de: '--year muss ein Jahr wie 2027 sein, angegeben war ‚{value}‘',
    en: "--year must be a year such as 2027, got '{value}'",
  },
  'cli.meetings.none': { de: 'keine Treffen', en: 'no meetings' },
  'cli.meetings.colStarts': { de: 'Beginn', en: 'starts' },
  'cli.meetings.colEnds': { de: 'Ende', en: 'ends' },
  'cli.meetings.colTitle': { de: 'Titel', en: 'title' },
  'cli.meetings.colHost': { de: 'Gastgeber', en: 'host' },
  'cli.meetings.network': { de: 'Netzwerk', en: 'network' },
  'cli.meetings.status': { de: '{status:meetingStatus}', en: '{status:meetingStatus}' },
  'cli.meetings.yearRequired': { de: '--year ist nötig', en: '--year is required' },
  'cli.meetings.count': {
    de: '--count muss zwischen 1 und 12 liegen, angegeben war ‚{value}‘',
    en: "--count must be 1 to 12, got '{value}'",
  },
  'cli.meetings.slot': {
    de: '{number}. {starts} – {ends}  Gastgeber: {host}',
    en: '{number}. {starts} – {ends}  host: {host}',
  },
  'cli.meetings.created': { de: 'angelegt: {ids}', en: 'created: {ids}' },
  'cli.meetings.proposalOnly': {
    de: 'nur ein Vorschlag (anlegen mit --create)',
    en: 'proposal only (create with --create)',
  },

  // benchlearn report
  'cli.report.period': {
    de: '--period muss JJJJ-MM sein, angegeben war ‚{value}‘',
    en: "--period must be YYYY-MM, got '{value}'",
  },
  'cli.report.meetingId': {
    de: 'erwartet wird die Nummer eines Treffens, angegeben war ‚{value}‘',
    en: "expected a meeting id, got '{value}'",
  },
  'cli.report.pdfOrHtml': {
    de: '--pdf <Datei> und/oder --html <Datei> angeben',
    en: 'give --pdf <file> and/or --html <file>',
  },
  'cli.report.organisationKey': {
    de: 'erwartet wird nach organisation ein Organisationsschlüssel (Nummer, AGS oder NUTS-3)',
    en: 'expected an organisation key (id, AGS or NUTS-3) after organisation',
  },
  'cli.report.pdfOrPptx': {
    de: '--pdf <Datei> und/oder --pptx <Datei> angeben',
    en: 'give --pdf <file> and/or --pptx <file>',
  },
  'cli.report.lang': {
    de: '--lang muss de oder en sein, angegeben war ‚{value}‘',
    en: "--lang must be de or en, got '{value}'",
  },
  'cli.report.html': { de: 'HTML: {path}', en: 'HTML: {path}' },
  'cli.report.packPdf': {
    de: 'PDF: {path} ({size} KB, Datenstand {period})',
    en: 'PDF: {path} ({size} KB, data of {period})',
  },
  'cli.report.deckPdf': {
    de: 'PDF: {path} ({size} KB, {slides|# Folie|# Folien})',
    en: 'PDF: {path} ({size} KB, {slides|# slide|# slides})',
  },
  'cli.report.pptx': {
    de: 'PPTX: {path} ({slides|# Folie|# Folien})',
    en: 'PPTX: {path} ({slides|# slide|# slides})',
  },

  // benchlearn practices
  'cli.practices.searchWords': {
    de: 'search braucht Suchwörter, z. B. search Beratung',
    en: 'search needs words to look for, e.g. search Beratung',
  },
  'cli.practices.limit': {
    de: '--limit muss zwischen 1 und 200 liegen, angegeben war ‚{value}‘',
    en: "--limit must be 1 … 200, got '{value}'",
  },
  'cli.practices.noMatch': {
    de: 'kein Praxisbeispiel passt zu ‚{q}‘',
    en: "no practice card matches '{q}'",
  },
  'cli.practices.none': { de: 'keine Praxisbeispiele', en: 'no practice cards' },
  'cli.practices.colTitle': { de: 'Titel', en: 'title' },
  'cli.practices.colVisibility': { de: 'Sichtbarkeit', en: 'visibility' },
  'cli.practices.colFigures': { de: 'Kennzahlen', en: 'figures' },
  'cli.practices.colAdoptions': { de: 'Übernahmen', en: 'adoptions' },
  'cli.practices.total': {
    de: '{n|# Praxisbeispiel|# Praxisbeispiele}',
    en: '{n|# card|# cards}',
  },
  'cli.practices.showId': {
    de: 'show braucht die Nummer eines Praxisbeispiels, angegeben war ‚{value}‘',
    en: "show needs a card id, got '{value}'",
  },
  'cli.practices.topics': {
    de: 'Themen: {topics} · Kennzahlen: {figures}',
    en: 'Topics: {topics} · figures: {figures}',
  },
  'cli.practices.problem': { de: 'Problem', en: 'Problem' },
  'cli.practices.approach': { de: 'Vorgehen', en: 'Approach' },
  'cli.practices.resources': { de: 'Ressourcen', en: 'Resources' },
  'cli.practices.results': { de: 'Ergebnisse', en: 'Results' },
  'cli.practices.contact': { de: 'Kontakt', en: 'Contact' },
  'cli.practices.attachments': { de: 'Anhänge: {list}', en: 'Attachments: {list}' },
  'cli.practices.adoptions': { de: 'Übernahmen ({n}):', en: 'Adoptions ({n}):' },
  'cli.practices.adoption': {
    de: '#{id} {organisation} seit {since:date}',
    en: '#{id} {organisation} since {since:date}',
  },

  // benchlearn self-assessment
  'cli.selfAssessment.org': {
    de: '--org muss die Nummer einer Organisation sein, angegeben war ‚{value}‘',
    en: "--org must be an organisation id, got '{value}'",
  },
  'cli.selfAssessment.comparedWith': {
    de: '(Vergleich mit {code})',
    en: '(compared with {code})',
  },
  'cli.selfAssessment.scale': { de: 'Skala {min}–{max}', en: 'scale {min}–{max}' },
  'cli.selfAssessment.focus': { de: 'Fokus: {name}', en: 'Focus: {name}' },
  'cli.selfAssessment.colArea': { de: 'Bereich', en: 'area' },
  'cli.selfAssessment.colScore': { de: 'Wert', en: 'score' },
  'cli.selfAssessment.colMean': { de: 'Mittel', en: 'mean' },
  'cli.selfAssessment.colBest': { de: 'bester', en: 'best' },
  'cli.selfAssessment.colGap': { de: 'Abstand', en: 'gap' },
  'cli.selfAssessment.colChange': { de: 'Veränderung', en: 'change' },
  'cli.selfAssessment.colRingChange': { de: 'Ring Δ', en: 'ring Δ' },
  'cli.selfAssessment.hint': {
    de: '(--org <Nr.> zeigt den Wert einer Organisation, ihren Abstand zum besten Wert und ihre Veränderung)',
    en: '(--org <id> shows one organisation’s score, gap to the best and change)',
  },

  // benchlearn boundaries
  'cli.boundaries.imported': { de: 'eingelesen', en: 'imported' },
  'cli.boundaries.checked': { de: 'geprüft (Probelauf)', en: 'checked (dry run)' },
  'cli.boundaries.notImported': { de: 'nicht eingelesen', en: 'not imported' },
  'cli.boundaries.summaryLine': {
    de: '{file}: {features|# Geoobjekt|# Geoobjekte}, {districts|# Kreis|# Kreise} {verb} (Eigenschaft ‚{property}‘)',
    en: "{file}: {features|# feature|# features}, {districts|# district|# districts} {verb} (property '{property}')",
  },
  'cli.boundaries.simplified': {
    de: 'vereinfacht mit {tolerance}°: {read} → {kept} Punkte, {size} kB',
    en: 'simplified with {tolerance}°: {read} → {kept} points, {size} kB',
  },
  'cli.boundaries.feature': { de: 'Geoobjekt {row}', en: 'feature {row}' },
  'cli.boundaries.nothingImported': { de: 'Nichts wurde eingelesen', en: 'nothing was imported' },
  'cli.boundaries.expectedFile': {
    de: 'erwartet wird eine GeoJSON-Datei: boundaries import <Datei.geojson>',
    en: 'expected a GeoJSON file: boundaries import <file.geojson>',
  },
  'cli.boundaries.tolerance': {
    de: '--tolerance muss in Grad zwischen 0 und 0.1 liegen, angegeben war ‚{value}‘',
    en: "--tolerance must be degrees between 0 and 0.1, got '{value}'",
  },
  'cli.boundaries.cannotRead': {
    de: '{path} lässt sich nicht lesen ({reason})',
    en: 'cannot read {path} ({reason})',
  },

  // benchlearn peers: usage errors
  'cli.peers.integer': {
    de: '--{option} erwartet eine ganze Zahl, angegeben war ‚{value}‘',
    en: "--{option} expects a whole number, got '{value}'",
  },
  'cli.peers.pairs': {
    de: '--{option} erwartet Paare Name=Wert, durch Kommas getrennt, angegeben war ‚{value}‘',
    en: "--{option} expects name=value pairs separated by commas, got '{value}'",
  },
  'cli.peers.orgPairs': {
    de: '--{option} erwartet Paare wie 06435+06433, durch Kommas getrennt, angegeben war ‚{value}‘',
    en: "--{option} expects pairs like 06435+06433 separated by commas, got '{value}'",
  },
  'cli.peers.method': {
    de: '--method ward|kmeans|rings ist nötig',
    en: '--method ward|kmeans|rings is required',
  },
  'cli.peers.k': {
    de: '--k <Anzahl der Gruppen ≥ 1> ist nötig',
    en: '--k <number of groups ≥ 1> is required',
  },
  'cli.peers.kAtLeastOne': { de: '--k muss mindestens 1 sein', en: '--k must be at least 1' },
  'cli.peers.modelId': {
    de: 'erwartet wird die Nummer eines Modells (siehe: benchlearn peers list)',
    en: 'expected a model id (see: benchlearn peers list)',
  },
  'cli.peers.name': {
    de: '--name <Name des Modells> ist nötig, z. B. „IAB-Vergleichstypen 2014“',
    en: '--name <name of the model> is required, e.g. "IAB-Vergleichstypen 2014"',
  },
  'cli.peers.organisationKey': {
    de: 'erwartet wird ein Organisationsschlüssel, z. B. peers {sub} 06435',
    en: 'expected an organisation key, e.g. peers {sub} 06435',
  },
  'cli.peers.moveArgs': {
    de: 'erwartet: peers move <Modell> <Organisation> <Gruppe>, z. B. peers move 3 06435 R04',
    en: 'expected peers move <model> <org> <group>, e.g. peers move 3 06435 R04',
  },
  'cli.peers.from': {
    de: '--from <JJJJ-MM-TT> (erster Tag der neuen Ringe) ist nötig',
    en: '--from <YYYY-MM-DD> (first day of the new rings) is required',
  },
  'cli.peers.typesFile': {
    de: 'erwartet wird eine CSV-Datei: peers import-types <Datei.csv> --name <Name>',
    en: 'expected a CSV file: peers import-types <file.csv> --name <name>',
  },
  'cli.peers.scale': {
    de: '--scale erwartet z oder none, angegeben war ‚{value}‘',
    en: "--scale expects z or none, got '{value}'",
  },
  'cli.peers.weightsRegression': {
    de: '--weights regression braucht die Kennzahlen in der Datenbank; mit --input bitte Paare Name=Gewicht angeben',
    en: '--weights regression needs the key figures in the database; give name=weight pairs with --input',
  },
  'cli.peers.notAColumn': {
    de: '--indicators: ‚{name}‘ ist keine Spalte von {file} ({columns})',
    en: "--indicators: '{name}' is not a column of {file} ({columns})",
  },
  'cli.peers.notChosen': {
    de: '‚{key}‘ in --weights/--transforms ist keine gewählte Spalte',
    en: "'{key}' in --weights/--transforms is not a chosen column",
  },
  'cli.peers.weight': {
    de: '--weights: {name} braucht eine Zahl ≥ 0, angegeben war ‚{value}‘',
    en: "--weights: {name} needs a number ≥ 0, got '{value}'",
  },
  'cli.peers.transform': {
    de: '--transforms: {name} erwartet none, log oder rank, angegeben war ‚{value}‘',
    en: "--transforms: {name} expects none, log or rank, got '{value}'",
  },
  'cli.peers.transformsNeedZ': {
    de: '--transforms brauchen --scale z',
    en: '--transforms need --scale z',
  },
  // benchlearn peers: output
  'cli.peers.progress': { de: 'Bootstrap', en: 'Bootstrap' },
  'cli.peers.proposalTitle': { de: 'Vorschlag (nicht gespeichert)', en: 'Proposal (not saved)' },
  'cli.peers.savedTitle': {
    de: 'Modell {id} „{name}“ gespeichert',
    en: 'Model {id} “{name}” saved',
  },
  'cli.peers.applyHint': {
    de: 'benchlearn peers apply {id} --from <JJJJ-MM-TT> macht daraus Ringe',
    en: 'benchlearn peers apply {id} --from <YYYY-MM-DD> makes rings of it',
  },
  'cli.peers.modelTitle': {
    de: 'Modell {id} „{name}“ ({kind}, {by}, {at:date})',
    en: 'Model {id} “{name}” ({kind}, {by}, {at:date})',
  },
  'cli.peers.movedSaved': { de: 'Gespeichert: {org} → {group}', en: 'Saved: {org} → {group}' },
  'cli.peers.method.ward': { de: 'Ward (hierarchisch)', en: 'Ward (hierarchical)' },
  'cli.peers.method.kmeans': { de: 'Ward + k-Means', en: 'Ward + k-means' },
  'cli.peers.method.rings': { de: 'Ringe fester Größe', en: 'rings of bounded size' },
  'cli.peers.method.imported': { de: 'importierte Typen', en: 'imported types' },
  'cli.peers.stabilityRows': {
    de: '(SE; {rows|# Zeile|# Zeilen} je Stichprobe)',
    en: '(SE; {rows|# row|# rows} per sample)',
  },
  'cli.peers.qualityNone': {
    de: 'Güte: – (kein Kontextprofil)',
    en: 'Quality: – (no context profile)',
  },
  'cli.peers.quality': {
    de: 'Güte ({basis}; {n|# Organisation|# Organisationen}):',
    en: 'Quality ({basis}; {n|# organisation|# organisations}):',
  },
  'cli.peers.variance': {
    de: 'erklärte Varianz R² = {rSquared}  (innerhalb {within} von {total})',
    en: 'variance explained R² = {rSquared}  (within {within} of {total})',
  },
  'cli.peers.silhouette': { de: 'Silhouette (−1…1) = {value}', en: 'silhouette (−1…1) = {value}' },
  'cli.peers.stability': {
    de: 'Stabilität (Bootstrap {replicates}×): mittlerer ARI = {value}',
    en: 'stability (bootstrap {replicates}×): mean ARI = {value}',
  },
  'cli.peers.stabilityNone': {
    de: 'Stabilität: – (nicht geprüft)',
    en: 'stability: – (not checked)',
  },
  'cli.peers.spread': {
    de: 'Streuung je Gruppe (Mittelwert ± Standardabweichung der Rohwerte):',
    en: 'Spread per group (mean ± sd of the raw values):',
  },
  'cli.peers.colSilhouette': { de: 'Silh.', en: 'silh.' },
  'cli.peers.methodLine': {
    de: 'Methode: {method}; {groups|# Gruppe|# Gruppen}{sizes}; {n|# Organisation|# Organisationen}{year}',
    en: 'Method: {method}; {groups|# group|# groups}{sizes}; {n|# organisation|# organisations}{year}',
  },
  'cli.peers.sizes': { de: ' mit {min}–{max} Mitgliedern', en: ' of {min}–{max} members' },
  'cli.peers.referenceYear': { de: '; Bezugsjahr {year}', en: '; reference year {year}' },
  'cli.peers.vintage': { de: 'Datenstand: {source}{batch}', en: 'Data vintage: {source}{batch}' },
  'cli.peers.vintageBatch': { de: ' (Import {batchId}, {at})', en: ' (batch {batchId}, {at})' },
  'cli.peers.indicators': {
    de: 'Indikatoren (Gewichte: {weighting}):',
    en: 'Indicators (weights: {weighting}):',
  },
  'cli.peers.weightingRegression': {
    de: 'aus Regression auf K1–K3',
    en: 'from regression on K1–K3',
  },
  'cli.peers.weightingManual': { de: 'von Hand', en: 'by hand' },
  'cli.peers.colTransformation': { de: 'Transformation', en: 'transformation' },
  'cli.peers.colWeight': { de: 'Gewicht', en: 'weight' },
  'cli.peers.colYears': { de: 'Jahre', en: 'years' },
  'cli.peers.groups': { de: 'Gruppen:', en: 'Groups:' },
  'cli.peers.excluded': {
    de: 'Nicht gruppiert, Daten unvollständig ({n}):',
    en: 'Not grouped, incomplete data ({n}):',
  },
  'cli.peers.excludedLine': {
    de: '{key} {name}: es fehlt {missing}',
    en: '{key} {name}: missing {missing}',
  },
  'cli.peers.notes': { de: 'Hinweise:', en: 'Notes:' },
  'cli.peers.moves': { de: 'Verschiebungen von Hand:', en: 'Moves by hand:' },
  'cli.peers.tableLine': {
    de: 'Methode: {method}; k = {k}{sizes}; {rows|# Zeile|# Zeilen}; Skalierung: {scaling}',
    en: 'Method: {method}; k = {k}{sizes}; {rows|# row|# rows}; scaling: {scaling}',
  },
  'cli.peers.tableSizes': { de: ', {min}–{max} Mitglieder', en: ', {min}–{max} members' },
  'cli.peers.scalingZ': { de: 'z-Werte', en: 'z-scores' },
  'cli.peers.scalingNone': { de: 'keine', en: 'none' },
  'cli.peers.colIds': { de: 'Kennungen', en: 'ids' },
  'cli.peers.tableQuality': {
    de: 'R² = {rSquared}; Silhouette = {silhouette}; Stabilität (mittlerer ARI) = {stability}',
    en: 'R² = {rSquared}; silhouette = {silhouette}; stability (mean ARI) = {stability}',
  },
  'cli.peers.noModels': {
    de: 'noch keine Modelle (benchlearn peers save … oder peers import-types …)',
    en: 'no peer models yet (benchlearn peers save … or peers import-types …)',
  },
  'cli.peers.colMethod': { de: 'Methode', en: 'method' },
  'cli.peers.colGroups': { de: 'Gruppen', en: 'groups' },
  'cli.peers.colYear': { de: 'Jahr', en: 'year' },
  'cli.peers.colCreated': { de: 'angelegt', en: 'created' },
  'cli.peers.comparison': {
    de: 'Vergleich: {a} „{aName}“ ↔ {b} „{bName}“',
    en: 'Comparison: {a} “{aName}” ↔ {b} “{bName}”',
  },
  'cli.peers.comparisonCounts': {
    de: 'Gemeinsame Organisationen: {common}; nur in {a}: {onlyInA}; nur in {b}: {onlyInB}',
    en: 'Organisations in both: {common}; only in {a}: {onlyInA}; only in {b}: {onlyInB}',
  },
  'cli.peers.randIndex': {
    de: 'Bereinigter Rand-Index: {value} (1 = gleiche Einteilung, ≈ 0 = Zufall)',
    en: 'Adjusted Rand index: {value} (1 = same partition, ≈ 0 = chance)',
  },
  'cli.peers.colGroupInB': { de: 'Gruppe in B', en: 'group in B' },
  'cli.peers.colMatchesInA': { de: 'entspricht in A', en: 'matches in A' },
  'cli.peers.colOverlap': { de: 'Überschneidung', en: 'overlap' },
  'cli.peers.moved': { de: 'Gewechselt ({n}):', en: 'Moved ({n}):' },
  'cli.peers.neighbours': {
    de: 'Nächste Nachbarn von {name}',
    en: 'Nearest neighbours of {name}',
  },
  'cli.peers.basis': {
    de: 'Grundlage: {basis}, {year}: {indicators}',
    en: 'Basis: {basis}, {year}: {indicators}',
  },
  'cli.peers.basisModel': { de: 'Modell {modelId}', en: 'model {modelId}' },
  'cli.peers.basisStandard': { de: 'Standardprofil', en: 'standard profile' },
  'cli.peers.colDistance': { de: 'Abstand (0–1)', en: 'distance (0–1)' },
  'cli.peers.why': {
    de: 'Warum? (Anteil am Abstand: groß = Unterschied)',
    en: 'Why? (share of the distance: large = difference)',
  },
  'cli.peers.inNoRing': { de: '{name}: in keinem Ring', en: '{name}: in no ring' },
  'cli.peers.history': { de: 'Ring-Historie von {name}:', en: 'Ring history of {name}:' },
  'cli.peers.colFrom': { de: 'von', en: 'from' },
  'cli.peers.colTo': { de: 'bis', en: 'to' },
  'cli.peers.colNetwork': { de: 'Netzwerk', en: 'network' },
  'cli.peers.today': { de: 'heute', en: 'today' },
  'cli.peers.preview': {
    de: 'Vorschau (nichts gespeichert; speichern mit --save):',
    en: 'Preview (nothing saved; save with --save):',
  },
  'cli.peers.sizesLine': { de: 'Größen: {sizes}', en: 'Sizes: {sizes}' },
  'cli.peers.unchanged': { de: 'unverändert', en: 'unchanged' },
  'cli.peers.violations': {
    de: 'Verletzt (Speichern wird abgelehnt):',
    en: 'Breaks (a save is refused):',
  },
  'cli.peers.allHold': {
    de: 'Alle Grenzen und Bedingungen eingehalten',
    en: 'All bounds and constraints hold',
  },
  'cli.peers.applied': {
    de: 'Ringe ab {from:date} (Modell {modelId}); {ended|# bisherige Mitgliedschaft|# bisherige Mitgliedschaften} beendet',
    en: 'Rings from {from:date} (model {modelId}); {ended|# membership|# memberships} ended',
  },
  'cli.peers.new': { de: 'neu', en: 'new' },
  'cli.peers.continued': { de: 'fortgeführt', en: 'continued' },
  'cli.peers.ringsEnded': { de: 'Beendete Ringe: {rings}', en: 'Rings ended: {rings}' },
  'cli.peers.withoutRing': { de: 'Ohne Ring ({n}): {names}', en: 'Without a ring ({n}): {names}' },
  'cli.peers.typesLine': {
    de: '{file}: {rows|# Zeile|# Zeilen}, {assigned|# Organisation|# Organisationen} zugeordnet, {types|# Typ|# Typen}',
    en: '{file}: {rows|# row|# rows}, {assigned|# organisation|# organisations} assigned, {types|# type|# types}',
  },
  'cli.peers.dryRun': { de: '(Probelauf)', en: '(dry run)' },
  'cli.peers.typesErrors': {
    de: '{n|# Fehler|# Fehler}, nichts eingelesen:',
    en: '{n|# error|# errors}, nothing imported:',
  },
  'cli.peers.savedAsModel': {
    de: 'gespeichert als Modell {modelId}',
    en: 'saved as model {modelId}',
  },
  'cli.peers.colType': { de: 'Typ', en: 'type' },
  'cli.peers.unmatched': {
    de: 'Schlüssel ohne Organisation ({n}): {list}',
    en: 'Keys without an organisation ({n}): {list}',
  },
  'cli.peers.withoutType': {
    de: 'Mitglieder ohne Typ ({n}): {names}',
    en: 'Members without a type ({n}): {names}',
  },
} as const
