/**
 * Word lists that give a text away as English or German, shared by the tests that keep one language
 * per text: the server catalogue (core/messages/catalogue.test.ts) and the command line
 * (cli/cli-language.db.test.ts).
 */

/** Words that give a text away as English or German (outside parentheses, where accepted spellings are quoted). */
export const ENGLISH_WORDS = [
  'the',
  'is',
  'are',
  'not',
  'expected',
  'and',
  'of',
  'with',
  'row',
  'rows',
  'values',
  'found',
  'file',
  'cannot',
  'already',
  'same',
  'each',
  'may',
  'only',
  'this',
  'that',
  'be',
  'was',
  'skipped',
  'read',
  'such',
  'no',
  'network',
  'generated',
]
export const GERMAN_WORDS = [
  'der',
  'die',
  'das',
  'ist',
  'sind',
  'nicht',
  'und',
  'eine',
  'ein',
  'einen',
  'wird',
  'werden',
  'zeile',
  'zeilen',
  'werte',
  'mit',
  'für',
  'bei',
  'keine',
  'kein',
  'oder',
  'als',
  'auf',
  'gelesen',
  'übersprungen',
  'netzwerk',
  'erzeugt',
  'im',
]

/**
 * The words of a text outside placeholders, parentheses and quotes (where foreign spellings are
 * quoted), without command-line options (`--as-of`, `--dry-run`: names, not words of a language).
 */
export function words(template: string): string[] {
  const plain = template
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/--[a-z][\w-]*/gi, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/„[^“]*“|"[^"]*"|‚[^‘]*‘|'[^']*'/g, ' ')
  return plain
    .toLowerCase()
    .split(/[^a-zäöüß]+/)
    .filter((w) => w !== '')
}

/** A word list only works if it finds the language it is for. */
export function hits(text: string, list: string[]): string[] {
  return words(text).filter((w) => list.includes(w))
}
