import { describe, expect, it } from 'vitest'
import {
  compileNameMatcher,
  findOrganisationNames,
  normaliseForMatching,
  phrasesOf,
  warnAboutNames,
  type NameRegisterEntry,
} from './find-organisation-names'

const REGISTER: NameRegisterEntry[] = [
  {
    organisationId: 1,
    name: 'KCA Main-Kinzig-Kreis',
    shortName: 'MKK',
    districtNames: ['Main-Kinzig-Kreis'],
    districtKeys: ['06435'],
    siteNames: ['Standort Gelnhausen'],
    domains: ['kca-mkk.de'],
  },
  {
    organisationId: 2,
    name: 'Jobcenter Landkreis Göttingen',
    shortName: 'JC GÖ',
    districtNames: ['Göttingen'],
    districtKeys: ['03159'],
  },
  { organisationId: 3, name: 'Jobcenter Hof Stadt', shortName: 'JC HO', districtNames: ['Hof'] },
  { organisationId: 4, name: 'Jobcenter Straßburg-Süd', shortName: 'JC SBS' },
]
const ids = (text: string) => findOrganisationNames(text, REGISTER).map((m) => m.organisationId)

describe('normaliseForMatching', () => {
  it('spells out umlauts and ß, drops accents and case, and breaks words at punctuation', () => {
    expect(normaliseForMatching('Göttingen, Straße; Müller-Lüdenscheidt — Café')).toBe(
      'goettingen strasse mueller luedenscheidt cafe',
    )
  })
})

describe('phrasesOf', () => {
  it('takes the distinctive words of names, short names, districts, sites, keys and domains', () => {
    expect(phrasesOf(REGISTER[0]!).sort()).toEqual(
      ['main kinzig', 'mkk', 'gelnhausen', '06435', 'kca mkk de'].sort(),
    )
  })
  it('searches a short distinctive name only after a word for the kind of body', () => {
    const phrases = phrasesOf(REGISTER[2]!)
    expect(phrases).toContain('landkreis hof')
    expect(phrases).toContain('stadt hof')
    expect(phrases).toContain('jobcenter hof')
    expect(phrases).not.toContain('hof')
  })
})

describe('findOrganisationNames', () => {
  it('finds the German ways of writing a district: Landkreis X, Kreis X, X-Kreis, Jobcenter X', () => {
    expect(ids('Treffen im Landkreis Main-Kinzig')).toEqual([1])
    expect(ids('Kreis Main Kinzig, Raum 3')).toEqual([1])
    expect(ids('beim Main-Kinzig-Kreis in Hanau')).toEqual([1])
    expect(ids('Jobcenter Main-Kinzig')).toEqual([1])
    expect(ids('MAIN-KINZIG')).toEqual([1])
  })
  it('finds umlauts written out or dropped, ß as ss, and any case', () => {
    expect(ids('Jobcenter Göttingen')).toEqual([2])
    expect(ids('JOBCENTER GOETTINGEN')).toEqual([2])
    expect(ids('Straßburg-Süd')).toEqual([4])
    expect(ids('strassburg sued')).toEqual([4])
  })
  it('finds short names, sites, district keys and e-mail domains as whole words', () => {
    expect(ids('Ansprechpartnerin: Frau K., MKK')).toEqual([1])
    expect(ids('Standort Gelnhausen, 2. OG')).toEqual([1])
    expect(ids('Daten von 06435 aus dem Januar')).toEqual([1])
    expect(ids('Kontakt: anna.k@kca-mkk.de')).toEqual([1])
    expect(ids('AGS 03159')).toEqual([2])
  })
  it('does not find parts of words or short ordinary words', () => {
    expect(ids('Mkkx und 064351 und Göttingenweg')).toEqual([])
    expect(ids('Wir treffen uns im Hof des Rathauses')).toEqual([])
    expect(ids('Stadt Hof, Rathaus')).toEqual([3])
    expect(ids('Online über das Videosystem des Jobcenters')).toEqual([])
    expect(ids('')).toEqual([])
  })
  it('lists every organisation a text names, in the order of the register', () => {
    expect(findOrganisationNames('Göttingen trifft Main-Kinzig', REGISTER)).toEqual([
      { organisationId: 1, name: 'KCA Main-Kinzig-Kreis', found: 'main kinzig' },
      { organisationId: 2, name: 'Jobcenter Landkreis Göttingen', found: 'goettingen' },
    ])
  })
})

describe('warnAboutNames', () => {
  it('warns once per field that names organisations, naming the field and the organisations', () => {
    const warnings = warnAboutNames(compileNameMatcher(REGISTER), {
      title: 'Austausch mit Göttingen',
      venue: 'Online',
      contact: null,
      notes: 'MKK und Landkreis Göttingen',
    })
    expect(warnings.map((w) => w.field)).toEqual(['title', 'notes'])
    expect(warnings[0]!.organisations).toEqual([{ id: 2, name: 'Jobcenter Landkreis Göttingen' }])
    expect(warnings[1]!.organisations.map((o) => o.id)).toEqual([1, 2])
    expect(warnings[0]!.message).toMatch(/^title: this text names Jobcenter Landkreis Göttingen — peers/)
  })
})
