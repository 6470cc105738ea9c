/**
 * Server texts of imports, areas, organisations, published figures, server shell, contracts and small core rules, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const IMPORT_MESSAGES = {
  // Values and their revisions (features/observations).
  'observation.noIndicator': {
    de: 'Eine Kennzahl mit dem Kürzel ‚{code}‘ gibt es nicht (siehe: benchlearn indicators list)',
    en: "no indicator with the code '{code}' (see: benchlearn indicators list)",
  },
  'observation.periodMonthly': {
    de: 'Zeitraum: {code} wird monatlich geliefert, erwartet wird ein Monat als JJJJ-MM',
    en: 'period: {code} is monthly, expected a month as YYYY-MM',
  },
  'observation.periodYearly': {
    de: 'Zeitraum: {code} wird jährlich geliefert, erwartet wird ein Jahr als JJJJ',
    en: 'period: {code} is yearly, expected a year as YYYY',
  },
  'observation.expectedMonth': {
    de: 'erwartet wird ein Monat als JJJJ-MM',
    en: 'expected a month as YYYY-MM',
  },
  'observation.expectedYear': { de: 'erwartet wird ein Jahr als JJJJ', en: 'expected a year as YYYY' },
  'observation.breakdowns': {
    de: 'Aufgliederung: {code} hat die Aufgliederungen {breakdowns}',
    en: 'breakdown: {code} has the breakdowns {breakdowns}',
  },
  'observation.oneOfBreakdowns': { de: 'eine von {breakdowns}', en: 'one of {breakdowns}' },
  'observation.periodBound': {
    de: '{field}: erwartet wird JJJJ-MM oder JJJJ, angegeben war ‚{text}‘',
    en: "{field}: expected YYYY-MM or YYYY, got '{text}'",
  },
  // Reconciliation of published figures (features/published-figures).
  'published.noImportInHistory': {
    de: 'Einen Import {batchId} gibt es in Ihrem Importverlauf nicht.',
    en: 'no import {batchId} in your import history',
  },
  'published.noPublishedImport': {
    de: 'Der Import {batchId} war kein Import veröffentlichter Kennzahlwerte.',
    en: 'import {batchId} was no import of published figure values',
  },
  // Imports: who may load what (features/imports/run-import.ts, import.routes.ts).
  'import.publishedAdminOnly': {
    de: '{file}: Veröffentlichte Kennzahlwerte lädt nur die Netzwerkverwaltung.',
    en: '{file}: published figures are imported by the network administration only',
  },
  'import.organisationListAdminOnly': {
    de: '{file}: Listen von Organisationen lädt nur die Netzwerkverwaltung.',
    en: '{file}: lists of organisations are imported by the network administration only',
  },
  'import.accountWithoutOrganisation': {
    de: 'Ihr Konto gehört zu keiner Organisation; nur Administratoren laden Daten für andere hoch.',
    en: 'your account belongs to no organisation; only administrators upload for others',
  },
  'import.mappingTwice': {
    de: 'Bitte entweder ?mapping=<Name einer mitgelieferten Zuordnung> oder einen Teil „mapping“ mit einem Dokument senden, nicht beides.',
    en: 'give either ?mapping=<shipped name> or a "mapping" part with a document, not both',
  },
  'import.givenTwice': { de: 'doppelt angegeben', en: 'given twice' },
  // Column mappings (features/imports/load-mapping.ts).
  'mapping.issue': { de: 'Zuordnung {file}: {field}: {reason}', en: 'mapping {file}: {field}: {reason}' },
  'mapping.issueReason': { de: '{reason}', en: '{reason}' },
  'mapping.notJson': {
    de: 'Zuordnung {file}: kein gültiges JSON ({reason})',
    en: 'mapping {file}: not valid JSON ({reason})',
  },
  'mapping.notJsonShort': { de: 'kein gültiges JSON', en: 'not valid JSON' },
  'mapping.notShipped': {
    de: '‚{name}‘ ist keine mitgelieferte Zuordnung; bekannt sind: {known}',
    en: "mapping '{name}' is not a shipped mapping; known: {known}",
  },
  'mapping.expectedOneOf': { de: 'erwartet wird eine von {known}', en: 'expected one of {known}' },
  'mapping.documentTooLarge': {
    de: 'Zuordnung {file}: {size} Byte; ein Zuordnungsdokument darf höchstens {max} Byte haben',
    en: 'mapping {file}: {size} bytes; a mapping document may have at most {max} bytes',
  },
  'mapping.atMostBytes': { de: 'höchstens {max} Byte', en: 'at most {max} bytes' },
  'mapping.notUtf8': {
    de: 'Zuordnung {file}: kein UTF-8-Text; ein Zuordnungsdokument ist JSON in UTF-8',
    en: 'mapping {file}: not UTF-8 text; a mapping document is JSON in UTF-8',
  },
  'mapping.expectedUtf8Json': { de: 'erwartet wird JSON in UTF-8', en: 'expected UTF-8 JSON' },
  'mapping.noSuchFile': {
    de: 'Zuordnung ‚{name}‘: Datei nicht gefunden (mitgelieferte Zuordnungen: {known}; oder geben Sie den Pfad einer .json-Datei an)',
    en: "mapping '{name}': no such file (shipped mappings: {known}; or give a path to a .json file)",
  },
  'mapping.notRegularFile': {
    de: 'Zuordnung ‚{name}‘: keine gewöhnliche Datei',
    en: "mapping '{name}': not a regular file",
  },
  'mapping.fileTooLarge': {
    de: 'Zuordnung ‚{name}‘: {size} Byte; eine Zuordnungsdatei darf höchstens {max} Byte haben',
    en: "mapping '{name}': {size} bytes; a mapping file may have at most {max} bytes",
  },
} as const satisfies Record<string, { de: string; en: string }>
