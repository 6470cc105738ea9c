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
} as const satisfies Record<string, { de: string; en: string }>
