import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SERVER_MESSAGES } from './catalogue'
import { formatEuros } from '../format/format'
import { ENGLISH_WORDS, GERMAN_WORDS, hits } from '../../test/language-words'
import {
  fillTemplate,
  message,
  pickLocale,
  localeFromEnvironment,
  render,
  renderSent,
  text,
  type ServerMessageKey,
} from './text'

const keys = Object.keys(SERVER_MESSAGES) as ServerMessageKey[]

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)(?::\w+|\|[^{}]*)?\}/g)].map((m) => m[1]!).sort()
}

describe('the server catalogue', () => {
  it.each(keys)('%s has German and English with the same parameters', (key) => {
    const { de, en } = SERVER_MESSAGES[key]
    expect(de.trim()).not.toBe('')
    expect(en.trim()).not.toBe('')
    expect(placeholders(en)).toEqual(placeholders(de))
  })

  it.each(keys)('%s reads German in German and English in English', (key) => {
    const { de, en } = SERVER_MESSAGES[key]
    expect({ key, englishInGerman: hits(de, ENGLISH_WORDS) }).toEqual({ key, englishInGerman: [] })
    expect({ key, germanInEnglish: hits(en, GERMAN_WORDS) }).toEqual({ key, germanInEnglish: [] })
  })

  // The shipped column mappings' descriptions are shown on the Data page in the reader's language.
  const mappingFolder = join(__dirname, '..', '..', '..', 'mappings')
  it.each(readdirSync(mappingFolder).filter((f) => f.endsWith('.json')))(
    'mapping %s describes itself in German and in English',
    (file) => {
      const mapping = JSON.parse(readFileSync(join(mappingFolder, file), 'utf8')) as {
        description?: string
        descriptionDe?: string
      }
      expect(mapping.descriptionDe, 'descriptionDe').toBeTruthy()
      expect(hits(mapping.descriptionDe!, ENGLISH_WORDS)).toEqual([])
      expect(hits(mapping.description!, GERMAN_WORDS)).toEqual([])
    },
  )

  // Their notes on empty cells are repeated in import notices, in the reader's language too.
  it.each(readdirSync(mappingFolder).filter((f) => f.endsWith('.json')))(
    'mapping %s explains empty cells in German and in English',
    (file) => {
      type Notes = { emptyNote?: string; emptyNoteDe?: string }
      const mapping = JSON.parse(readFileSync(join(mappingFolder, file), 'utf8')) as Notes & {
        columns?: unknown
      }
      const columns = Array.isArray(mapping.columns) ? (mapping.columns as Notes[]) : []
      for (const notes of [mapping, ...columns].filter((n) => n.emptyNote !== undefined)) {
        expect(notes.emptyNoteDe, `emptyNoteDe beside "${notes.emptyNote}"`).toBeTruthy()
        expect(hits(notes.emptyNoteDe!, ENGLISH_WORDS)).toEqual([])
        expect(hits(notes.emptyNote!, GERMAN_WORDS)).toEqual([])
      }
    },
  )

  it('has word lists that catch the other language', () => {
    expect(hits('this row belongs to another organisation', ENGLISH_WORDS)).not.toEqual([])
    expect(hits('diese Zeile gehört zu einer anderen Organisation', GERMAN_WORDS)).not.toEqual([])
    expect(
      hits('Jobcenter im Benchlearning-Netzwerk / a job centre of the network', ENGLISH_WORDS),
    ).not.toEqual([])
  })
})

describe('text', () => {
  it('renders parameters per language: numbers with the language’s marks, raw strings as given', () => {
    const m = message('import.furtherErrors', { file: 'a.csv', count: 12345 })
    expect(render('de', m)).toBe('a.csv: 12.345 weitere Fehler nicht aufgeführt')
    expect(render('en', m)).toBe('a.csv: 12,345 further errors not listed')
    expect(text('en', 'import.unknownIndicator', { code: 'x1' })).toBe("unknown indicator 'x1'")
  })

  it('renders a share as percent, the way R² reads everywhere', () => {
    const m = message('kpi.beyondContextModel', { n: 104, rSquared: 0.2294 })
    expect(render('de', m)).toContain('über 104 Jobcenter; die Lage erklärt 22,9\u00a0% der Unterschiede')
    expect(render('en', m)).toContain(
      'across 104 organisations; the situation explains 22.9\u00a0% of the differences',
    )
  })

  it('picks the plural form by the language and formats the count', () => {
    const votes = '{n|# Stimme|# Stimmen} von {total}'
    expect(fillTemplate('de', votes, { n: 1, total: 12 })).toBe('1 Stimme von 12')
    expect(fillTemplate('de', votes, { n: 1200, total: 12 })).toBe('1.200 Stimmen von 12')
    expect(fillTemplate('en', '{n|# vote|# votes}', { n: 0 })).toBe('0 votes')
    expect(fillTemplate('en', '{n|# vote|# votes}', { n: 'x' })).toBe('{n|# vote|# votes}')
  })

  it('formats fixed, signed, percentage-point and euro parameters per language', () => {
    const t = '{a:fixed}; {b:signed}; {c:signed}; {d:points}; {e:euros}'
    const params = { a: 26, b: -0.04, c: -3.56, d: 1.25, e: -1200 }
    expect(fillTemplate('de', t, params)).toBe('26,0; ±0; −3,6; +1,3\u00a0Pp.; ' + formatEuros('de', -1200))
    expect(fillTemplate('en', t, params)).toBe('26.0; ±0; −3.6; +1.3\u00a0pp; ' + formatEuros('en', -1200))
  })

  it('writes identifiers and years as labels, never grouped like quantities', () => {
    expect(text('de', 'practice.none', { id: 987654 })).toBe('Ein Praxisbeispiel 987654 gibt es nicht.')
    expect(
      fillTemplate('de', 'Treffen {meetingId}, Jahr {year}, {count}', {
        meetingId: 12345,
        year: 2026,
        count: 12345,
      }),
    ).toBe('Treffen 12345, Jahr 2026, 12.345')
  })

  it('writes waits in words per language, seconds below two minutes, else minutes', () => {
    expect(fillTemplate('de', '{w:seconds}', { w: 1 })).toBe('1 Sekunde')
    expect(fillTemplate('de', '{w:seconds}', { w: 44.2 })).toBe('45 Sekunden')
    expect(fillTemplate('en', '{w:seconds}', { w: 1 })).toBe('1 second')
    expect(fillTemplate('en', '{w:seconds}', { w: 900 })).toBe('15 minutes')
    expect(text('de', 'signIn.wait.resets', { wait: 900 })).toBe(
      'Zu viele Anfragen zum Zurücksetzen des Passworts; bitte in 15 Minuten erneut versuchen',
    )
  })

  it('quotes a person’s text in the reader’s language where it was written in both', () => {
    const both = { column: 'q', count: 2, why: 'no value', whyDe: 'kein Wert' }
    expect(text('de', 'import.notice.emptyCellsSkipped', both)).toBe(
      'q: 2 leere Zellen (kein Wert); übersprungen',
    )
    expect(text('en', 'import.notice.emptyCellsSkipped', both)).toBe('q: 2 empty cells (no value); skipped')
    const english = { column: 'q', count: 2, why: 'no value' }
    expect(text('de', 'import.notice.emptyCellsSkipped', english)).toBe(
      'q: 2 leere Zellen (no value); übersprungen',
    )
  })

  it('keeps a missing parameter visible', () => {
    expect(text('de', 'import.unknownIndicator', {})).toContain('{code}')
  })

  it('renders what was sent by its key where it knows the key, else the text as sent', () => {
    expect(renderSent('de', { message: 'x', key: 'demo.networkName' })).toBe('Demo-Netzwerk (erzeugt)')
    expect(renderSent('de', { message: 'as sent', key: 'no.such.key' })).toBe('as sent')
    expect(renderSent('en', { message: 'as sent' })).toBe('as sent')
  })

  it('picks the caller’s language: the account, else Accept-Language, else German', () => {
    expect(pickLocale('en', 'de-DE')).toBe('en')
    expect(pickLocale(undefined, 'en-GB,en;q=0.9,de;q=0.8')).toBe('en')
    expect(pickLocale(undefined, 'fr-FR, de;q=0.5, en;q=0.4')).toBe('de')
    expect(pickLocale(undefined, 'de;q=0.2, en;q=0.9')).toBe('en')
    expect(pickLocale(undefined, 'fr')).toBe('de')
    expect(pickLocale(undefined, undefined)).toBe('de')
  })

  it('gives the CLI German unless LANG asks for English', () => {
    expect(localeFromEnvironment({})).toBe('de')
    expect(localeFromEnvironment({ LANG: 'C.UTF-8' })).toBe('de')
    expect(localeFromEnvironment({ LANG: 'en_GB.UTF-8' })).toBe('en')
    expect(localeFromEnvironment({ LANG: 'en_GB.UTF-8', LC_ALL: 'de_DE.UTF-8' })).toBe('de')
  })
})
