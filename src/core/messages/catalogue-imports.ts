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
  'mapping.issue': {
    de: 'Zuordnung {file}: {field}: {reason:inLanguage}',
    en: 'mapping {file}: {field}: {reason:inLanguage}',
  },
  'import.reason': { de: '{reason}', en: '{reason}' },
  'mapping.notJson': {
    de: 'Zuordnung {file}: kein gültiges JSON ({reason})',
    en: 'mapping {file}: not valid JSON ({reason})',
  },
  'mapping.notJsonShort': { de: 'kein gültiges JSON', en: 'not valid JSON' },
  'mapping.notShipped': {
    de: 'Die Zuordnung ‚{name}‘ wird nicht mitgeliefert; bekannt sind: {known}',
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
  // Uploads (server/read-upload.ts). {limit} is a size such as "12 MB"; {hint} is empty or " (VARIABLE)".
  'upload.maxFiles': {
    de: 'Hochladen: höchstens {max} Datei je Upload',
    en: 'upload: at most {max} file per upload',
  },
  'upload.maxFilesDetail': { de: 'höchstens {max} Datei je Upload', en: 'at most {max} file per upload' },
  'upload.maxParts': {
    de: 'Hochladen: höchstens {max} Teile (eine Datei und Formularfelder) je Upload',
    en: 'upload: at most {max} parts (a file and form fields) per upload',
  },
  'upload.maxPartsDetail': {
    de: 'höchstens {max} Teile (eine Datei und Formularfelder) je Upload',
    en: 'at most {max} parts (a file and form fields) per upload',
  },
  'upload.maxFields': {
    de: 'Hochladen: höchstens {max} Formularfelder je Upload',
    en: 'upload: at most {max} form fields per upload',
  },
  'upload.maxFieldsDetail': {
    de: 'höchstens {max} Formularfelder je Upload',
    en: 'at most {max} form fields per upload',
  },
  'upload.declaredTooLarge': {
    de: 'Hochladen: Der Upload ist {size} groß; höchstens {limit} je Datei{hint}',
    en: 'upload: the upload is {size}; at most {limit} per file{hint}',
  },
  'upload.declaredTooLargeDetail': {
    de: 'Der Upload ist {size} groß; höchstens {limit} je Datei{hint}',
    en: 'the upload is {size}; at most {limit} per file{hint}',
  },
  'upload.noFile': {
    de: 'Erwartet wird ein Multipart-Upload mit einem Feld „file“.',
    en: 'expected a multipart upload with a field "file"',
  },
  'upload.missing': { de: 'fehlt', en: 'missing' },
  'upload.partTooLarge': { de: '{name}: höchstens {limit}', en: '{name}: at most {limit}' },
  'upload.partTooLargeDetail': { de: 'höchstens {limit}', en: 'at most {limit}' },
  'upload.unexpectedPart': {
    de: 'Unerwarteter Multipart-Teil ‚{field}‘: Bitte „file“ und auf Wunsch „{name}“ senden, jeweils einmal.',
    en: `unexpected multipart part '{field}': send "file" and optionally "{name}", once each`,
  },
  'upload.expectedFileOrPart': {
    de: 'erwartet wird „file“ oder „{name}“',
    en: 'expected "file" or "{name}"',
  },
  'upload.fileTooLarge': {
    de: '{file}: größer als erlaubt: höchstens {limit} je Datei{hint}',
    en: '{file}: larger than the limit: at most {limit} per file{hint}',
  },
  'upload.fileTooLargeDetail': {
    de: 'größer als erlaubt: höchstens {limit} je Datei{hint}',
    en: 'larger than the limit: at most {limit} per file{hint}',
  },
  // Encodings of imported files (features/imports/parsing/decode-text.ts).
  'import.encodingIsUtf8': {
    de: '{file}: Die Kodierung {forced} wurde verlangt, aber die Datei ist in UTF-8 (sie enthält „{sample}“, was {forced} in Zeichensalat verwandeln würde); bitte die Vorgabe der Kodierung entfernen',
    en: '{file}: encoding {forced} was requested, but the file is UTF-8 (it contains "{sample}", which {forced} would turn into mojibake); remove the encoding override',
  },
  'import.fileIsUtf8': { de: 'die Datei ist in UTF-8', en: 'the file is UTF-8' },
  'import.mojibake': {
    de: '{file}: Zeile {line} enthält „{sample}“, UTF-8-Text, der als Windows-1252 gelesen und wieder gespeichert wurde (Zeichensalat); bitte die Datei neu aus ihrer Quelle exportieren',
    en: '{file}: line {line} contains "{sample}", UTF-8 text that was decoded as Windows-1252 and saved again (mojibake); re-export the file from its source',
  },
  'import.doubleEncoded': { de: 'doppelt kodiertes UTF-8', en: 'double-encoded UTF-8' },
  'import.notUtf8': {
    de: '{file}: Die Kodierung utf-8 wurde verlangt, aber Zeile {line} (Byte {offset}) enthält das Byte 0x{hex}, das kein UTF-8 ist; die Datei ist vermutlich in Windows-1252 (z. B. ein Excel-Export „CSV (Trennzeichen-getrennt)“): bitte windows-1252 wählen oder die Kodierung erkennen lassen',
    en: '{file}: encoding utf-8 was requested, but line {line} (byte {offset}) holds byte 0x{hex}, which is not UTF-8; the file is probably Windows-1252 (e.g. an Excel "CSV (Trennzeichen-getrennt)" export): choose windows-1252 or let the encoding be detected',
  },
  'import.notUtf8Short': { de: 'kein UTF-8', en: 'not UTF-8' },
  // Workbooks (features/imports/parsing/read-xlsx.ts).
  'import.xlsxUnreadable': {
    de: '{file}: keine lesbare .xlsx-Arbeitsmappe ({reason})',
    en: '{file}: not a readable .xlsx workbook ({reason})',
  },
  'import.workbookEmpty': {
    de: '{file}: kein Arbeitsblatt gefunden; die Arbeitsmappe enthält keine Arbeitsblätter',
    en: '{file}: a worksheet not found; the workbook has: no worksheets',
  },
  'import.worksheetNotFoundEmpty': {
    de: '{file}: Arbeitsblatt „{sheet}“ nicht gefunden; die Arbeitsmappe enthält keine Arbeitsblätter',
    en: '{file}: worksheet "{sheet}" not found; the workbook has: no worksheets',
  },
  'import.worksheetNotFound': {
    de: '{file}: Arbeitsblatt „{sheet}“ nicht gefunden; die Arbeitsmappe enthält: {names}',
    en: '{file}: worksheet "{sheet}" not found; the workbook has: {names}',
  },
  'import.worksheetsFound': { de: 'gefunden: {names}', en: 'found {names}' },
  // Whole files refused (features/imports/parsing/parse-import-file.ts, parse-published-figures.ts):
  // the text names the file, the detail says the same without it.
  'import.oldExcel': {
    de: '{file}: Dies ist eine alte Excel-Arbeitsmappe (.xls); bitte als .xlsx oder als CSV (Semikolon-getrennt) speichern und diese Datei importieren',
    en: '{file}: this is an old Excel .xls workbook; save it as .xlsx or as CSV (semicolon-separated) and import that',
  },
  'import.oldExcelDetail': {
    de: 'Dies ist eine alte Excel-Arbeitsmappe (.xls); bitte als .xlsx oder als CSV (Semikolon-getrennt) speichern und diese Datei importieren',
    en: 'this is an old Excel .xls workbook; save it as .xlsx or as CSV (semicolon-separated) and import that',
  },
  'import.fileEmpty': { de: '{file}: die Datei ist leer', en: '{file}: the file is empty' },
  'import.fileEmptyDetail': { de: 'die Datei ist leer', en: 'the file is empty' },
  'import.fileEmptyZero': {
    de: '{file}: die Datei ist leer (0 Byte)',
    en: '{file}: the file is empty (0 bytes)',
  },
  'import.fileEmptyZeroDetail': { de: 'die Datei ist leer (0 Byte)', en: 'the file is empty (0 bytes)' },
  'import.headerQuoteOpen': {
    de: '{file}: die Kopfzeile öffnet ein Anführungszeichen, das nie geschlossen wird; die Datei wirkt abgeschnitten',
    en: '{file}: the header row opens a quote that never closes; the file looks truncated',
  },
  'import.headerQuoteOpenDetail': {
    de: 'die Kopfzeile öffnet ein Anführungszeichen, das nie geschlossen wird; die Datei wirkt abgeschnitten',
    en: 'the header row opens a quote that never closes; the file looks truncated',
  },
  'import.noHeaderRow': {
    de: '{file}: die Datei hat keine Kopfzeile',
    en: '{file}: the file has no header row',
  },
  'import.noHeaderRowDetail': { de: 'die Datei hat keine Kopfzeile', en: 'the file has no header row' },
  'import.headerNoData': {
    de: '{file}: die Datei hat eine Kopfzeile (Zeile {row}), aber keine Datenzeilen',
    en: '{file}: the file has a header (row {row}) but no data rows',
  },
  'import.headerNoDataDetail': {
    de: 'die Datei hat eine Kopfzeile (Zeile {row}), aber keine Datenzeilen',
    en: 'the file has a header (row {row}) but no data rows',
  },
  'import.worksheetEmpty': {
    de: '{file}: das Arbeitsblatt „{sheet}“ ist leer',
    en: '{file}: worksheet "{sheet}" is empty',
  },
  'import.worksheetEmptyDetail': {
    de: 'das Arbeitsblatt „{sheet}“ ist leer',
    en: 'worksheet "{sheet}" is empty',
  },
  'import.worksheetTooManyRows': {
    de: '{file}: das Arbeitsblatt „{sheet}“ hat {rows} Datenzeilen; höchstens {max} werden in einem Import angenommen, bitte die Datei teilen',
    en: '{file}: worksheet "{sheet}" has {rows} data rows; at most {max} are accepted in one import, split the file',
  },
  'import.worksheetTooManyRowsDetail': {
    de: 'das Arbeitsblatt „{sheet}“ hat {rows} Datenzeilen; höchstens {max} werden in einem Import angenommen, bitte die Datei teilen',
    en: 'worksheet "{sheet}" has {rows} data rows; at most {max} are accepted in one import, split the file',
  },
  'import.worksheetNoData': {
    de: '{file}: das Arbeitsblatt „{sheet}“ hat eine Kopfzeile (Zeile {row}), aber keine Datenzeilen',
    en: '{file}: worksheet "{sheet}" has a header (row {row}) but no data rows',
  },
  'import.worksheetNoDataDetail': {
    de: 'das Arbeitsblatt „{sheet}“ hat eine Kopfzeile (Zeile {row}), aber keine Datenzeilen',
    en: 'worksheet "{sheet}" has a header (row {row}) but no data rows',
  },
  'import.tooManyRowsDetail': {
    de: 'mehr als {limit} Datenzeilen (erreicht in Zeile {row}); das ist die Grenze eines Imports, bitte die Datei teilen',
    en: 'more than {limit} data rows (reached at row {row}); that is the limit of one import, split the file',
  },
  'import.publishedMissingColumns': {
    de: '{file}: Spalte(n) {columns} der Zuordnung ‚{mapping}‘ fehlen in der Kopfzeile (Zeile {row}); gefunden: {found}',
    en: "{file}: missing column(s) {columns} of mapping '{mapping}' in the header (row {row}); found {found}",
  },
  'import.publishedMissingColumnsDetail': {
    de: 'Spalte(n) {columns} der Zuordnung ‚{mapping}‘ fehlen in der Kopfzeile (Zeile {row}); gefunden: {found}',
    en: "missing column(s) {columns} of mapping '{mapping}' in the header (row {row}); found {found}",
  },
  'import.notice.readAsWindows1252': {
    de: 'die Datei ist kein gültiges UTF-8 und wurde als Windows-1252 gelesen (Excel-Export „CSV“)',
    en: 'the file is not valid UTF-8 and was read as Windows-1252 (Excel "CSV" export)',
  },
  'import.notice.publishedSymbol': {
    de: '{count} Wert(e) „{symbol}“ als fehlend ({meaning}) gelesen',
    en: '{count} value(s) "{symbol}" read as missing ({meaning})',
  },
  // Values of merged districts attributed to the successor (features/imports/attribute-merged-districts.ts).
  'import.attributionDuplicate': {
    de: 'eine andere Zeile enthält schon {indicator} {period} ({breakdown}) für {district}',
    en: 'another row already gives {indicator} {period} ({breakdown}) for {district}',
  },
  'import.attributionMissing': {
    de: '{indicator} {period} kann {successor} nicht zugerechnet werden: In der Datei fehlt ein Wert für {missing}',
    en: '{indicator} {period} cannot be attributed to {successor}: no value of {missing} in the file',
  },
  'import.attributionNotAdditive': {
    de: '{indicator} {period} kann {successor} nicht zugerechnet werden: {unit} lassen sich ohne Zähler und Nenner nicht addieren',
    en: '{indicator} {period} cannot be attributed to {successor}: {unit} do not add up without numerator and denominator',
  },
  'import.territorialChange': {
    de: '{district} (bis {validTo:date}) → {successors}',
    en: '{district} (until {validTo:date}) → {successors}',
  },
  'import.territorialSplit': {
    de: '{district} (bis {validTo:date}) → aufgeteilt auf {successors}; nicht zugeordnet',
    en: '{district} (until {validTo:date}) → split between {successors}; not attributed',
  },
  'import.territorialAttributed': {
    de: 'Werte von {predecessors} in {successor} aufsummiert (vor dem {effective:date})',
    en: 'values of {predecessors} summed into {successor} (before {effective:date})',
  },
  // Header rows that lack columns (features/imports/parsing/resolve-layout.ts). The detail names the
  // column expected and the columns found; the text says what the whole header should hold.
  'import.expectedKeyColumnNamed': {
    de: 'erwartet wird die Schlüsselspalte „{column}“; gefundene Spalten: {found}',
    en: 'expected the key column "{column}"; found columns: {found}',
  },
  'import.expectedPeriodColumnNamed': {
    de: 'erwartet wird die Zeitraumspalte „{column}“; gefundene Spalten: {found}',
    en: 'expected the period column "{column}"; found columns: {found}',
  },
  'import.expectedKeyColumn': {
    de: 'erwartet wird eine Schlüsselspalte (org, AGS, Kennziffer, NUTS3 oder id); gefundene Spalten: {found}',
    en: 'expected a key column (org, AGS, Kennziffer, NUTS3 or id); found columns: {found}',
  },
  'import.expectedIndicatorColumn': {
    de: 'erwartet wird die Kennzahlspalte ({names}); gefundene Spalten: {found}',
    en: 'expected the indicator column ({names}); found columns: {found}',
  },
  'import.expectedPeriodColumn': {
    de: 'erwartet wird die Zeitraumspalte ({names}); gefundene Spalten: {found}',
    en: 'expected the period column ({names}); found columns: {found}',
  },
  'import.expectedValueColumn': {
    de: 'erwartet wird die Wertspalte ({names}); gefundene Spalten: {found}',
    en: 'expected the value column ({names}); found columns: {found}',
  },
  'import.expectedBreakdownColumnNamed': {
    de: 'erwartet wird die Spalte der Aufgliederung „{column}“; gefundene Spalten: {found}',
    en: 'expected the breakdown column "{column}"; found columns: {found}',
  },
  'import.expectedStatusColumnNamed': {
    de: 'erwartet wird die Statusspalte „{column}“; gefundene Spalten: {found}',
    en: 'expected the status column "{column}"; found columns: {found}',
  },
  'import.expectedMissingColumnNamed': {
    de: 'erwartet wird die Spalte der Gründe für fehlende Werte „{column}“; gefundene Spalten: {found}',
    en: 'expected the missing column "{column}"; found columns: {found}',
  },
  'import.expectedAPeriodColumn': {
    de: 'erwartet wird eine Zeitraumspalte ({names}); gefundene Spalten: {found}',
    en: 'expected a period column ({names}); found columns: {found}',
  },
  'import.expectedValueColumnNamed': {
    de: 'erwartet wird die Wertspalte „{column}“ (→ {indicator}); gefundene Spalten: {found}',
    en: 'expected the value column "{column}" (→ {indicator}); found columns: {found}',
  },
  'import.headerLacksAny': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names}. Erwartet wird eine lange Tabelle „org;indicator;period;value“ (deutsche Spaltennamen wie AGS, Kennzahl, Monat, Wert gehen auch), eine breite Tabelle mit einer Schlüsselspalte und einer Spalte je Zeitraum oder eine Schlüsselspalte, eine Zeitraumspalte und eine Spalte je Kennzahl-Code. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names}. Expected a long table "org;indicator;period;value" (German headers such as AGS, Kennzahl, Monat, Wert work too), a wide table with a key column and one column per period, or a key column, a period column and one column per indicator code. Found: {found}',
  },
  'import.headerLacksAnyMapped': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names} (Zuordnung „{mapping}“). Erwartet wird eine lange Tabelle „org;indicator;period;value“ (deutsche Spaltennamen wie AGS, Kennzahl, Monat, Wert gehen auch), eine breite Tabelle mit einer Schlüsselspalte und einer Spalte je Zeitraum oder eine Schlüsselspalte, eine Zeitraumspalte und eine Spalte je Kennzahl-Code. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names} (mapping "{mapping}"). Expected a long table "org;indicator;period;value" (German headers such as AGS, Kennzahl, Monat, Wert work too), a wide table with a key column and one column per period, or a key column, a period column and one column per indicator code. Found: {found}',
  },
  'import.headerLacksLong': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names}. Erwartet wird „org;indicator;period;value“. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names}. Expected org;indicator;period;value. Found: {found}',
  },
  'import.headerLacksLongMapped': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names} (Zuordnung „{mapping}“). Erwartet wird „org;indicator;period;value“. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names} (mapping "{mapping}"). Expected org;indicator;period;value. Found: {found}',
  },
  'import.headerLacksWideIndicators': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names}. Erwartet werden eine Schlüsselspalte, eine Zeitraumspalte und die zugeordneten Wertspalten. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names}. Expected a key column, a period column and the mapped value columns. Found: {found}',
  },
  'import.headerLacksWideIndicatorsMapped': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names} (Zuordnung „{mapping}“). Erwartet werden eine Schlüsselspalte, eine Zeitraumspalte und die zugeordneten Wertspalten. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names} (mapping "{mapping}"). Expected a key column, a period column and the mapped value columns. Found: {found}',
  },
  'import.headerLacksWidePeriods': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names}. Erwartet werden eine Schlüsselspalte und Zeitraumspalten. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names}. Expected a key column and period columns. Found: {found}',
  },
  'import.headerLacksWidePeriodsMapped': {
    de: '{file}: der Kopfzeile in Zeile {row} fehlt {names} (Zuordnung „{mapping}“). Erwartet werden eine Schlüsselspalte und Zeitraumspalten. Gefunden: {found}',
    en: '{file}: header in row {row} lacks {names} (mapping "{mapping}"). Expected a key column and period columns. Found: {found}',
  },
  'import.widePeriodsNeedIndicator': {
    de: '{file}: Bei einer Tabelle mit einer Spalte je Zeitraum muss angegeben werden, welche Kennzahl sie enthält (bitte eine Kennzahl wählen oder eine Zuordnung mit „indicator“)',
    en: '{file}: a table with one column per period needs to be told which indicator it holds (choose an indicator or a mapping with "indicator")',
  },
  'import.widePeriodsIndicatorRequired': {
    de: 'Kennzahl erforderlich bei Tabellen mit einer Spalte je Zeitraum',
    en: 'indicator required for wide-periods tables',
  },
  // Mapping files checked field by field (features/imports/parsing/mapping-schema.ts): each names the
  // file and the JSON path; {type} is a JSON type (string, number, object …).
  'mapping.requiredA': {
    de: 'Zuordnung {file}: {path}: erforderlich (erwartet wird der Typ {type})',
    en: 'mapping {file}: {path}: required (expected a {type})',
  },
  'mapping.requiredAn': {
    de: 'Zuordnung {file}: {path}: erforderlich (erwartet wird der Typ {type})',
    en: 'mapping {file}: {path}: required (expected an {type})',
  },
  'mapping.expectedA': {
    de: 'Zuordnung {file}: {path}: erwartet wird der Typ {type}',
    en: 'mapping {file}: {path}: expected a {type}',
  },
  'mapping.expectedAn': {
    de: 'Zuordnung {file}: {path}: erwartet wird der Typ {type}',
    en: 'mapping {file}: {path}: expected an {type}',
  },
  'mapping.fieldOneOf': {
    de: 'Zuordnung {file}: {path}: erwartet wird einer der Werte {values}',
    en: 'mapping {file}: {path}: expected one of {values}',
  },
  'mapping.unknownFields': {
    de: 'Zuordnung {file}: {path}: {n|unbekanntes Feld|unbekannte Felder} {keys}',
    en: 'mapping {file}: {path}: unknown {n|field|fields} {keys}',
  },
  'mapping.columnOrFixed': {
    de: 'Zuordnung {file}: {path}: erwartet wird {column} oder {fixed}',
    en: 'mapping {file}: {path}: expected {column} or {fixed}',
  },
  'mapping.expectedPeriod': {
    de: 'Zuordnung {file}: {path}: erwartet wird ein Zeitraum wie 2021, 2021-05 oder 05/2021',
    en: 'mapping {file}: {path}: expected a period such as 2021, 2021-05 or 05/2021',
  },
  'mapping.requiredForFormat': {
    de: 'Zuordnung {file}: {path}: erforderlich beim Format {format}',
    en: 'mapping {file}: {path}: required for format {format}',
  },
  'mapping.yearsOrder': {
    de: 'Zuordnung {file}: {path}: „from“ darf nicht nach „to“ liegen',
    en: 'mapping {file}: {path}: from must not be after to',
  },
  'mapping.problems': {
    de: 'Zuordnung {file}: {count|# Fehler|# Fehler}, einzeln in den Details aufgeführt',
    en: 'mapping {file}: {count|# problem|# problems}, each listed in the details',
  },
  'mapping.notJsonReason': {
    de: 'Zuordnung {file}: kein gültiges JSON: {reason}',
    en: 'mapping {file}: not valid JSON: {reason}',
  },
  // Workbook archives and CSV limits (imports/parsing/check-xlsx-archive.ts, csv-tokenizer.ts).
  'xlsx.noDirectory': {
    de: '{file}: keine lesbare .xlsx-Arbeitsmappe: Dem ZIP-Archiv fehlt das zentrale Verzeichnis',
    en: '{file}: not a readable .xlsx workbook: the zip archive has no central directory',
  },
  'xlsx.zip64Archive': {
    de: '{file}: Die Arbeitsmappe ist ein ZIP64-Archiv; eine .xlsx-Datei von bis zu {limit} entpackt braucht keines (speichern Sie sie mit Excel oder LibreOffice neu)',
    en: '{file}: the workbook is a ZIP64 archive; an .xlsx of up to {limit} unpacked does not need one (save it again with Excel or LibreOffice)',
  },
  'xlsx.tooManyEntries': {
    de: '{file}: Das Archiv der Arbeitsmappe hat {entries} Einträge; angenommen werden höchstens {max}',
    en: "{file}: the workbook's archive has {entries} entries; at most {max} are accepted",
  },
  'xlsx.directoryDamaged': {
    de: '{file}: keine lesbare .xlsx-Arbeitsmappe: Das ZIP-Verzeichnis ist beschädigt',
    en: '{file}: not a readable .xlsx workbook: the zip directory is damaged',
  },
  'xlsx.zip64Entry': {
    de: '{file}: Eintrag „{entry}“ nutzt ZIP64-Größen; speichern Sie die Arbeitsmappe neu',
    en: '{file}: entry "{entry}" uses ZIP64 sizes; save the workbook again',
  },
  'xlsx.method': {
    de: '{file}: Eintrag „{entry}“ nutzt das Kompressionsverfahren {method}; .xlsx-Dateien nutzen Deflate (8) oder keines (0)',
    en: '{file}: entry "{entry}" uses zip compression method {method}; .xlsx files use deflate (8) or none (0)',
  },
  'xlsx.entryTooLarge': {
    de: '{file}: Eintrag „{entry}“ entpackt auf {size}; je Eintrag angenommen werden höchstens {limit} (teilen Sie die Arbeitsmappe oder speichern Sie sie als CSV)',
    en: '{file}: entry "{entry}" unpacks to {size}; at most {limit} per entry are accepted (split the workbook or save it as CSV)',
  },
  'xlsx.totalTooLarge': {
    de: '{file}: Die Arbeitsmappe entpackt auf mehr als {limit}, die Grenze (teilen Sie sie oder speichern Sie sie als CSV)',
    en: '{file}: the workbook unpacks to more than {limit}, the limit (split it or save it as CSV)',
  },
  'xlsx.ratio': {
    de: '{file}: Eintrag „{entry}“ ist {ratio}:1 gepackt; mehr als {max}:1 wird als ZIP-Bombe abgelehnt',
    en: '{file}: entry "{entry}" is packed {ratio}:1; more than {max}:1 is refused as a zip bomb',
  },
  'xlsx.entryDamaged': {
    de: '{file}: keine lesbare .xlsx-Arbeitsmappe: Eintrag „{entry}“ ist beschädigt',
    en: '{file}: not a readable .xlsx workbook: entry "{entry}" is damaged',
  },
  'xlsx.entryCutOff': {
    de: '{file}: keine lesbare .xlsx-Arbeitsmappe: Eintrag „{entry}“ ist abgeschnitten',
    en: '{file}: not a readable .xlsx workbook: entry "{entry}" is cut off',
  },
  'xlsx.storedSizes': {
    de: '{file}: Eintrag „{entry}“ ist ungepackt gespeichert, nennt aber zwei verschiedene Größen',
    en: '{file}: entry "{entry}" is stored unpacked but declares two different sizes',
  },
  'xlsx.moreThanDeclared': {
    de: '{file}: Eintrag „{entry}“ entpackt auf mehr als die angegebenen {size}; als ZIP-Bombe abgelehnt',
    en: '{file}: entry "{entry}" unpacks to more than the {size} it declares; refused as a zip bomb',
  },
  'xlsx.cannotUnpack': {
    de: '{file}: keine lesbare .xlsx-Arbeitsmappe: Eintrag „{entry}“ lässt sich nicht entpacken ({reason})',
    en: '{file}: not a readable .xlsx workbook: entry "{entry}" cannot be unpacked ({reason})',
  },
  'xlsx.sizeMismatch': {
    de: '{file}: Eintrag „{entry}“ entpackt auf {unpacked} Bytes, nennt aber {declared}; das Archiv ist beschädigt',
    en: '{file}: entry "{entry}" unpacks to {unpacked} bytes but declares {declared}; the archive is damaged',
  },
  'csv.tooManyRows': {
    de: '{file}: Zeile {row}: Die Datei hat mehr als {max} Zeilen, die Grenze einer Datei; teilen Sie sie',
    en: '{file}: row {row}: the file has more than {max} rows, the limit of one file; split it',
  },
  'csv.tooManyColumns': {
    de: '{file}: Zeile {row}: mehr als {max} Spalten, die Grenze einer Zeile (stimmt das Trennzeichen „{delimiter}“?)',
    en: '{file}: row {row}: more than {max} columns, the limit of one row (is the separator "{delimiter}" right?)',
  },
  'csv.rowTooLong': {
    de: '{file}: Zeile {row}: Die Zeile ist {length} Zeichen lang; angenommen werden höchstens {max} (ein Anführungszeichen, das nie schließt, oder keine CSV-Datei?)',
    en: '{file}: row {row}: the row is {length} characters long; at most {max} are accepted (a quote that never closes, or not a CSV file?)',
  },
  // An import error's place, in its English text for logs (parsing/read-rows.ts).
  'import.locatedInFile': { de: '{file}: {text}', en: '{file}: {text}' },
  'import.locatedInRow': { de: '{file}, Zeile {row}: {text}', en: '{file}, row {row}: {text}' },
  'import.locatedInCell': {
    de: '{file}, Zeile {row}, Spalte „{column}“: {text}',
    en: '{file}, row {row}, column "{column}": {text}',
  },
  // Reading files in worker threads (parsing/parse-pool.ts).
  'parse.timeout': {
    de: '{file}: Das Lesen der Datei dauerte länger als {wait:seconds}, die Grenze für eine Datei; bitte aufteilen oder als CSV speichern.',
    en: '{file}: reading the file took longer than {wait:seconds}, the limit of one file; split it or save it as CSV',
  },
  'parse.outOfMemory': {
    de: '{file}: Das Lesen der Datei braucht mehr als {megabytes} MB Speicher, die Grenze für eine Datei; bitte aufteilen oder als CSV speichern.',
    en: '{file}: reading the file needs more than {megabytes} MB of memory, the limit of one file; split it or save it as CSV',
  },
  'parse.shuttingDown': {
    de: '{file}: Der Server fährt gerade herunter; bitte gleich noch einmal versuchen.',
    en: '{file}: the server is shutting down; try again in a moment',
  },
  'parse.busy': {
    de: '{file}: Der Server liest gerade {running|# andere Datei|# andere Dateien} und {queued|# weitere wartet|# weitere warten}, mehr nimmt er nicht auf einmal an; bitte in einer Minute noch einmal versuchen.',
    en: '{file}: the server is reading {running|# other file|# other files} and {queued|# more waits|# more wait}, the most it takes at once; try again in a minute',
  },
  // CSV structure (parsing/parse-import-file.ts, parse-published-figures.ts).
  'import.strayQuote': {
    de: 'nach einem Feld in Anführungszeichen folgt weiterer Text vor dem nächsten „{delimiter}“; erwartet wird das schließende Anführungszeichen direkt vor dem Trennzeichen: ein Anführungszeichen fehlt oder ist nicht verdoppelt',
    en: 'a quoted field is followed by more text before the next "{delimiter}"; expected the closing quote right before the separator: a quote is missing or not doubled',
  },
  'import.unterminatedQuote': {
    de: 'die Datei endet in einem Feld in Anführungszeichen, das hier beginnt (ein Anführungszeichen ohne Gegenstück): die Datei wirkt abgeschnitten, oder ein Anführungszeichen fehlt',
    en: 'the file ends inside a quoted field that opens here (a quote without its closing quote): the file looks truncated, or a quote is missing',
  },
  // Published figures (parsing/parse-published-figures.ts, published-figures/import-published-figures.ts).
  'published.figureEmpty': {
    de: 'die Kennzahl fehlt; erwartet wird ein Kennzahl-Code wie K2 oder K2E1',
    en: 'the figure is empty; expected a figure code such as K2 or K2E1',
  },
  'published.notAMonth': {
    de: '„{raw}“ ist kein Monat; erwartet wird ein Monat wie 2024-03, 03/2024 oder März 2024',
    en: '"{raw}" is not a month; expected a month such as 2024-03, 03/2024 or März 2024',
  },
  'published.comparisonTypeTooLong': {
    de: 'zu lang: höchstens {max|# Zeichen|# Zeichen}',
    en: 'too long: at most {max|# character|# characters}',
  },
  'published.unknownFigure': {
    de: 'unbekannte Kennzahl „{figure}“; erwartet wird eine von {codes}',
    en: "unknown figure code '{figure}'; expected one of {codes}",
  },
  'published.unknownBreakdown': {
    de: '{figure} hat die Aufgliederungen {breakdowns}',
    en: '{figure} has the breakdowns {breakdowns}',
  },
  'published.futureMonth': {
    de: 'ein Monat nach dem laufenden ({current:period})',
    en: 'a month after the current one ({current:period})',
  },
  'published.notRegistered': {
    de: '{label}: nicht im Verzeichnis der Organisationen (zuerst mit einer Organisationsliste eintragen)',
    en: '{label}: not in the register of organisations (register it with an organisation list first)',
  },
  'published.duplicateRow': {
    de: 'Zeile {earlier} enthält schon {figure} {period:period} ({breakdown}) für {organisation}',
    en: 'row {earlier} already gives {figure} {period:period} ({breakdown}) for {organisation}',
  },
} as const satisfies Record<string, { de: string; en: string }>
