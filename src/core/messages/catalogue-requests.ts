/**
 * Server messages: what is wrong with a request value that a schema refused (zod's own checks, read
 * by server/errors.ts) and what the HTTP layer refused before any route ran.
 */
export const REQUEST_MESSAGES = {
  'issue.required': { de: 'fehlt (erforderlich)', en: 'missing (required)' },
  'issue.wrongType': { de: 'erwartet: {expected:typeWord}', en: 'expected {expected:typeWord}' },
  'type.word.string': { de: 'Text', en: 'text' },
  'type.word.number': { de: 'eine Zahl', en: 'a number' },
  'type.word.int': { de: 'eine ganze Zahl', en: 'a whole number' },
  'type.word.bigint': { de: 'eine ganze Zahl', en: 'a whole number' },
  'type.word.boolean': { de: 'wahr oder falsch', en: 'true or false' },
  'type.word.array': { de: 'eine Liste', en: 'a list' },
  'type.word.object': { de: 'ein Objekt', en: 'an object' },
  'type.word.date': { de: 'ein Datum', en: 'a date' },
  'type.word.null': { de: 'kein Wert (null)', en: 'no value (null)' },
  'type.word.record': { de: 'ein Objekt', en: 'an object' },
  'type.word.map': { de: 'ein Objekt', en: 'an object' },
  'type.word.file': { de: 'eine Datei', en: 'a file' },
  'type.word.other': { de: 'einen anderen Wert', en: 'another value' },
  'issue.tooShort': {
    de: 'zu kurz: mindestens {minimum|# Zeichen|# Zeichen}',
    en: 'too short: at least {minimum|# character|# characters}',
  },
  'issue.tooLong': {
    de: 'zu lang: höchstens {maximum|# Zeichen|# Zeichen}',
    en: 'too long: at most {maximum|# character|# characters}',
  },
  'issue.tooFewItems': {
    de: 'zu wenige: mindestens {minimum|# Eintrag|# Einträge}',
    en: 'too few: at least {minimum|# entry|# entries}',
  },
  'issue.tooManyItems': {
    de: 'zu viele: höchstens {maximum|# Eintrag|# Einträge}',
    en: 'too many: at most {maximum|# entry|# entries}',
  },
  'issue.atLeast': { de: 'zu klein: mindestens {minimum}', en: 'too small: at least {minimum}' },
  'issue.above': {
    de: 'zu klein: größer als {minimum} erwartet',
    en: 'too small: more than {minimum} expected',
  },
  'issue.atMost': { de: 'zu groß: höchstens {maximum}', en: 'too large: at most {maximum}' },
  'issue.below': {
    de: 'zu groß: kleiner als {maximum} erwartet',
    en: 'too large: less than {maximum} expected',
  },
  'issue.notEmail': { de: 'keine gültige E-Mail-Adresse', en: 'not a valid e-mail address' },
  'issue.notUrl': { de: 'keine gültige Adresse (URL)', en: 'not a valid address (URL)' },
  'issue.notDate': { de: 'erwartet: ein Datum JJJJ-MM-TT', en: 'expected a date YYYY-MM-DD' },
  'issue.notInstant': {
    de: 'erwartet: ein Zeitpunkt wie 2026-12-04T09:30:00Z',
    en: 'expected an instant like 2026-12-04T09:30:00Z',
  },
  'issue.badFormat': {
    de: 'hat nicht die erwartete Form',
    en: 'does not have the expected form',
  },
  'issue.notOneOf': { de: 'erwartet: einer von {values}', en: 'expected one of {values}' },
  'issue.unknownFields': {
    de: 'unbekannte Felder: {fields}',
    en: 'unknown fields: {fields}',
  },
  'issue.notMultipleOf': {
    de: 'erwartet: ein Vielfaches von {divisor}',
    en: 'expected a multiple of {divisor}',
  },
  'issue.noVariantFits': {
    de: 'passt zu keiner der erlaubten Formen',
    en: 'matches none of the allowed forms',
  },
  'issue.badKey': { de: 'ungültiger Schlüssel', en: 'invalid key' },
  'issue.badEntry': { de: 'ungültiger Eintrag', en: 'invalid entry' },
  'issue.invalid': { de: 'ungültig', en: 'invalid' },
  // What a value must look like (contracts: `.regex(…, refusedAs(key))`).
  'pattern.indicatorCode': {
    de: 'erwartet: ein Indikator-Code wie sgb2_rate oder elb',
    en: 'expected an indicator code such as sgb2_rate or elb',
  },
  'pattern.month': { de: 'erwartet: ein Monat als JJJJ-MM', en: 'expected a month as YYYY-MM' },
  'pattern.date': { de: 'erwartet: ein Datum als JJJJ-MM-TT', en: 'expected a date as YYYY-MM-DD' },
  'pattern.period': {
    de: 'erwartet: ein Zeitraum als JJJJ-MM oder JJJJ',
    en: 'expected a period as YYYY-MM or YYYY',
  },
  'pattern.id': { de: 'erwartet: eine Nummer', en: 'expected an id' },
  'pattern.code': {
    de: 'erwartet: Kleinbuchstaben, Ziffern und _ (am Anfang ein Buchstabe)',
    en: 'expected lower-case letters, digits and _ (starting with a letter)',
  },
  'pattern.lowerCode': {
    de: 'erwartet: nur Kleinbuchstaben, Ziffern und _',
    en: 'expected lower-case letters, digits and _ only',
  },
  'pattern.domain': {
    de: 'erwartet: eine Domain wie jobcenter.example.de',
    en: 'expected a domain such as jobcenter.example.de',
  },
  'pattern.mappingName': {
    de: 'erwartet: der Name einer mitgelieferten Zuordnung (siehe GET /api/v1/mappings)',
    en: 'expected the name of a shipped mapping (see GET /api/v1/mappings)',
  },
  'pattern.time': { de: 'erwartet: eine Uhrzeit als HH:MM', en: 'expected a time as HH:MM' },
  'pattern.figureCode': { de: 'erwartet: ein Kennzahl-Code wie K2', en: 'expected a figure code such as K2' },
  'pattern.figureCodeLong': {
    de: 'erwartet: ein Kennzahl-Code aus Großbuchstaben, Ziffern und _, z. B. K2 oder COST_PER_CASE',
    en: 'expected a figure code of capital letters, digits and _, e.g. K2 or COST_PER_CASE',
  },
  // What the HTTP layer refused before a route ran (server/errors.ts).
  'request.bodyTooLarge': {
    de: 'Die Anfrage ist größer als {limit}, die Grenze einer Anfrage.',
    en: 'the request body is larger than {limit}, the limit of one request',
  },
  'request.unreadableBody': {
    de: 'Der Inhalt der Anfrage ist nicht lesbar (erwartet: gültiges JSON).',
    en: 'the request body cannot be read (expected valid JSON)',
  },
  'request.emptyBody': {
    de: 'Der Inhalt der Anfrage ist leer, obwohl sein Typ JSON angibt.',
    en: 'the request body is empty although its type says JSON',
  },
  'request.unsupportedMediaType': {
    de: 'Dieser Inhaltstyp wird nicht angenommen: {type}',
    en: 'this content type is not accepted: {type}',
  },
  'request.batchCallNotBatchable': {
    de: 'Die Anfrage {call} kann nicht gebündelt werden: gebündelt werden nur Abfragen, deren Antworten der Server sich merken darf.',
    en: 'the call {call} cannot be batched: only reads whose answers the server may remember can',
  },
  'request.batchInvalid': {
    de: 'Eine gebündelte Anfrage wurde abgelehnt.',
    en: 'a batched call was refused',
  },
  'request.rejected': {
    de: 'Die Anfrage wurde abgelehnt (HTTP {status}).',
    en: 'the request was refused (HTTP {status})',
  },
} as const
