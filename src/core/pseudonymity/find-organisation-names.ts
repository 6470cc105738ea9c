/**
 * Does a text written by a person name an organisation of the network? Peers in a pseudonymised
 * ring see organisations only as "Jobcenter C (Vergleichsring 2)"; a venue, an agenda title or a
 * practice's contact line that says "Jobcenter Main-Kinzig" undoes that. This finds such mentions
 * so that the author can be warned before peers read the text.
 *
 * Matching works on normalised words: lower case, umlauts and ß spelt out (ä → ae, ß → ss), other
 * accents dropped, everything that is not a letter or digit a word break. An organisation is found
 * when its distinctive name (the name without words like "Jobcenter", "Landkreis", "Kreis",
 * "Stadt"), its short name, the name of one of its districts, one of its sites, its 5-digit
 * district key or its e-mail domain occurs as whole words. "Kreis Main-Kinzig", "Landkreis
 * Main-Kinzig" and "Main-Kinzig-Kreis" all contain the distinctive words "main kinzig".
 */
import { message, render } from '../messages/text'

/** Everything of one organisation that would name it in a text. */
export interface NameRegisterEntry {
  organisationId: number
  /** The organisation's name (used in the warning; also searched). */
  name: string
  shortName?: string | null
  /** Names of its districts (Kreise), e.g. "Main-Kinzig-Kreis". */
  districtNames?: readonly string[]
  /** 5-digit district keys (AGS). */
  districtKeys?: readonly string[]
  /** Names of its sites, e.g. "Standort Gelnhausen". */
  siteNames?: readonly string[]
  /** E-mail or web domains that belong to it alone, e.g. "jobcenter-mkk.de". */
  domains?: readonly string[]
}

export interface OrganisationMention {
  organisationId: number
  name: string
  /** The words of the text that were found (as normalised words, e.g. "main kinzig"). */
  found: string
}

/**
 * Words that say what kind of body something is, not which one: removed from names before they are
 * searched, and never searched on their own.
 */
const GENERIC_WORDS = new Set([
  'jobcenter',
  'job',
  'center',
  'centre',
  'jc',
  'kca',
  'kommunales',
  'kommunale',
  'kommunaler',
  'gemeinsame',
  'einrichtung',
  'optionskommune',
  'zugelassener',
  'zugelassene',
  'traeger',
  'landkreis',
  'kreis',
  'lk',
  'lkr',
  'kreisfreie',
  'kreisfreien',
  'stadt',
  'st',
  'hansestadt',
  'universitaetsstadt',
  'wissenschaftsstadt',
  'region',
  'regionalverband',
  'standort',
  'geschaeftsstelle',
  'anstalt',
  'aoer',
  'des',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'im',
  'in',
  'am',
  'an',
  'a',
  'i',
  'd',
  'und',
  'vergleichsring',
  'ring',
])

/**
 * Distinctive parts shorter than this are ordinary words too ("Hof", "Ems"): they are searched only
 * after a word that says what kind of body follows ("Landkreis Hof", "Stadt Hof", "Jobcenter Hof").
 */
const MIN_NAME_LENGTH = 4
const KIND_WORDS = ['jobcenter', 'jc', 'landkreis', 'kreis', 'lk', 'stadt', 'region']
/** Short names ("MKK") are abbreviations: searched as whole words from three letters. */
const MIN_SHORT_NAME_LENGTH = 3

/** Lower case, umlauts and ß spelt out, accents dropped, non-alphanumerics as single spaces. */
export function normaliseForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** "Jobcenter Landkreis Main-Kinzig-Kreis" → "main kinzig"; '' when nothing distinctive is left. */
function distinctivePart(name: string): string {
  return normaliseForMatching(name)
    .split(' ')
    .filter((word) => word !== '' && !GENERIC_WORDS.has(word))
    .join(' ')
}

/** The phrases (normalised words) that name one organisation. */
export function phrasesOf(entry: NameRegisterEntry): string[] {
  const phrases = new Set<string>()
  const addName = (name: string | null | undefined, minLength: number) => {
    if (!name) return
    const part = distinctivePart(name)
    const length = part.replace(/ /g, '').length
    if (length >= minLength) phrases.add(part)
    else if (length >= 2) for (const kind of KIND_WORDS) phrases.add(`${kind} ${part}`)
  }
  addName(entry.name, MIN_NAME_LENGTH)
  addName(entry.shortName, MIN_SHORT_NAME_LENGTH)
  for (const district of entry.districtNames ?? []) addName(district, MIN_NAME_LENGTH)
  for (const site of entry.siteNames ?? []) addName(site, MIN_NAME_LENGTH)
  for (const key of entry.districtKeys ?? []) if (/^\d{5}$/.test(key)) phrases.add(key)
  for (const domain of entry.domains ?? []) {
    const normalised = normaliseForMatching(domain)
    if (normalised.includes(' ')) phrases.add(normalised)
  }
  return [...phrases]
}

/** A compiled register: the phrases of every organisation, ready to search many texts. */
export interface NameMatcher {
  find(text: string): OrganisationMention[]
}

export function compileNameMatcher(register: readonly NameRegisterEntry[]): NameMatcher {
  const compiled = register.map((entry) => ({ entry, phrases: phrasesOf(entry) }))
  return {
    find(text) {
      const haystack = ` ${normaliseForMatching(text)} `
      if (haystack.trim() === '') return []
      const mentions: OrganisationMention[] = []
      for (const { entry, phrases } of compiled) {
        const found = phrases.find((phrase) => haystack.includes(` ${phrase} `))
        if (found !== undefined)
          mentions.push({ organisationId: entry.organisationId, name: entry.name, found })
      }
      return mentions
    },
  }
}

/** The organisations that one text names (see compileNameMatcher for many texts). */
export function findOrganisationNames(
  text: string,
  register: readonly NameRegisterEntry[],
): OrganisationMention[] {
  return compileNameMatcher(register).find(text)
}

/** A named text field and what it names: what the author is warned about. */
export interface NameWarning {
  field: string
  organisations: { id: number; name: string }[]
  message: string
}

/**
 * Checks the text fields of one write and returns one warning per field that names organisations,
 * in the order of the fields given. Empty and absent fields are skipped.
 */
export function warnAboutNames(
  matcher: NameMatcher,
  fields: Readonly<Record<string, string | null | undefined>>,
): NameWarning[] {
  const warnings: NameWarning[] = []
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue
    const mentions = matcher.find(text)
    if (mentions.length === 0) continue
    const names = mentions.map((m) => m.name)
    warnings.push({
      field,
      organisations: mentions.map((m) => ({ id: m.organisationId, name: m.name })),
      message: render('en', message('names.inText', { field, names: names.join(', ') })),
    })
  }
  return warnings
}
