/**
 * The command line speaks one language per run: German by default, English with LANG=en. Runs every
 * command's usage and a representative set of outputs (tables, summaries, confirmations, usage errors,
 * refusals) in both languages and fails on words of the other language and on raw catalogue keys.
 * `--json` output is data, not prose, and is not checked. Test data is chosen without words of
 * either list, so that a hit is the CLI's own text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase } from '../db/connect'
import { insertPractice } from '../features/practices/practice.repository'
import { createTestDatabaseLocation } from '../test/database'
import { createMeeting, createNetwork, createRing, createUser } from '../test/factories'
import { ENGLISH_WORDS, GERMAN_WORDS, hits } from '../test/language-words'
import { startBanner } from './commands/start'
import type { CliIo } from './io'
import { main } from './main'

/** Words the CLI's own texts use beyond the catalogue test's lists (which read single sentences). */
const CLI_ENGLISH = [
  ...ENGLISH_WORDS,
  'usage',
  'options',
  'unknown',
  'got',
  'imported',
  'created',
  'written',
  'missing',
  'organisations',
  'members',
  'since',
  'period',
  'breakdown',
  'or',
  'on',
  'for',
]
const CLI_GERMAN = [
  ...GERMAN_WORDS,
  'aufruf',
  'optionen',
  'unbekannte',
  'unbekannter',
  'angegeben',
  'eingelesen',
  'angelegt',
  'geschrieben',
  'fehlt',
  'organisationen',
  'mitglieder',
  'seit',
  'zeitraum',
  'aufgliederung',
  'von',
  'am',
]

const LANGUAGES = [
  { name: 'German (no LANG)', locale: 'de', env: {}, foreign: CLI_ENGLISH, own: CLI_GERMAN },
  {
    name: 'English (LANG=en_GB.UTF-8)',
    locale: 'en',
    env: { LANG: 'en_GB.UTF-8' },
    foreign: CLI_GERMAN,
    own: CLI_ENGLISH,
  },
] as const

let location: Awaited<ReturnType<typeof createTestDatabaseLocation>>
const dir = mkdtempSync(join(tmpdir(), 'benchlearn-cli-language-'))
let practiceId = 0
/** Texts the database and the shipped files hold (sources, mapping descriptions): data, not the CLI's prose. */
const data: string[] = []

async function cli(env: Record<string, string>, argv: string[]) {
  const out: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    progress: (label) => out.push(label),
    env: { ...location.env, ...env },
    cwd: dir,
  }
  const code = await main([...argv, ...location.args], io)
  return { code, text: out.join('\n') }
}

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text)
  return name
}

beforeAll(async () => {
  location = await createTestDatabaseLocation(inject('testTemplate'))
  const url = location.env.DATABASE_URL
  const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: location.args[1]! })
  try {
    const { db } = database
    const networkId = await createNetwork(db, 'Verbund Hessen')
    const ring = await createRing(db, {
      networkId,
      code: 'R01',
      name: 'Ring Hessen',
      members: ['06435', '06411', '06412'],
      isNetworkMember: true,
    })
    await createMeeting(db, { ringId: ring.ringId, title: 'Frühjahrstreffen', startsOn: '2024-05-15' })
    await createUser(db, {
      email: 'leitung@example.org',
      role: 'member_lead',
      organisationId: ring.memberIds[0],
    })
    practiceId = await insertPractice(db, {
      title: 'Hausbesuche',
      problem: 'Termine verpasst.',
      approach: 'Hausbesuche.',
      resources: '',
      results: '',
      contact: 'Team Hausbesuche',
      visibility: 'ring',
      status: 'published',
      organisationId: ring.memberIds[0]!,
      authorUserId: null,
      ringId: ring.ringId,
      now: new Date('2024-01-01T00:00:00Z'),
    })
  } finally {
    await database.close()
  }
  file('elb.csv', 'org;indicator;period;value\n06435;elb;2024-01;10500\n06435;elb;2024-02;10480\n')
  file('bad.csv', 'org;indicator;period;value\n06435;elb;2024-03;zehn\n06435;nope;2024-03;1\n')
  const rows = Array.from({ length: 12 }, (_, i) => `x${i},${(i % 3) * 10 + i / 100},${(i % 3) * 5}`)
  file('table.csv', `id,a,b\n${rows.join('\n')}\n`)
  file(
    'kreis.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { AGS: '06435' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [9, 50],
                [9.1, 50],
                [9.1, 50.1],
                [9, 50.1],
                [9, 50],
              ],
            ],
          },
        },
      ],
    }),
  )
  // Values first, so that the outputs below have something to show.
  const imported = await cli({}, ['import', 'elb.csv'])
  expect(imported.code, imported.text).toBe(0)
  const { indicators } = JSON.parse((await cli({}, ['indicators', 'list', '--json'])).text) as {
    indicators: { source: string }[]
  }
  const { mappings } = JSON.parse((await cli({}, ['mappings', 'list', '--json'])).text) as {
    mappings: { description: { de: string; en: string } }[]
  }
  data.push(
    ...indicators.map((i) => i.source),
    ...mappings.flatMap((m) => [m.description.de, m.description.en]),
  )
})
afterAll(async () => location?.drop())

/** Usage and usage errors: every command, called without what it needs (never `start`, which would run). */
const USAGE: string[][] = [
  ['help'],
  ['frobnicate'],
  ['orgs', 'list', '--frobnicate'],
  ['demo'],
  ['db'],
  ['backup'],
  ['restore'],
  ['import'],
  ['import', 'nope.csv'],
  ['export'],
  ['orgs'],
  ['rings'],
  ['rings', 'list', '--at', 'gestern'],
  ['indicators'],
  ['observations'],
  ['kpi'],
  ['kpi', 'show', 'K2'],
  ['sso'],
  ['users'],
  ['users', 'create', 'neu@example.org', '--role', 'member_lead'],
  ['peers'],
  ['peers', 'form', '--method', 'ward'],
  ['peers', 'show', 'x'],
  ['meetings'],
  ['meetings', 'propose-schedule'],
  ['report'],
  ['report', 'meeting', 'x'],
  ['practices'],
  ['practices', 'search'],
  ['self-assessment'],
  ['boundaries'],
  ['boundaries', 'import'],
  ['mail'],
  ['mail', 'send-pending'],
  ['mappings'],
]

/** What the commands print: tables, summaries, confirmations and refusals. */
const OUTPUTS: string[][] = [
  ['orgs', 'list'],
  ['rings', 'list', '--at', '2024-06-01'],
  ['indicators', 'list'],
  ['mappings', 'list'],
  ['users', 'list'],
  ['meetings', 'list'],
  ['meetings', 'propose-schedule', '--ring', 'R01', '--year', '2027'],
  ['practices', 'list'],
  ['import', 'elb.csv', '--dry-run'],
  ['import', 'bad.csv'],
  ['observations', '06435', 'elb'],
  ['kpi', 'list'],
  ['kpi', 'compute'],
  ['peers', 'list'],
  ['peers', 'history', '06435'],
  ['peers', 'form', '--method', 'ward', '--k', '2', '--input', 'table.csv'],
  ['boundaries', 'import', 'kreis.geojson', '--property', 'AGS', '--dry-run'],
  ['export', 'ausgabe'],
]

describe.each(LANGUAGES)('the CLI in $name', ({ locale, env, foreign, own }) => {
  /** Every word of the other language, and any raw key or placeholder. */
  function check(text: string) {
    // Parentheses hold text too here (the catalogue test skips them, where it quotes spellings);
    // data (sources, descriptions of the shipped mappings) and file names are not prose.
    const prose = data
      .reduce((rest, d) => rest.split(d).join(' '), text)
      .replace(/\S+\.(csv|json|geojson)\b/g, ' ')
      .replace(/[()[\]]/g, ' ')
    expect({ foreign: hits(prose, foreign), text }).toEqual({ foreign: [], text })
    expect(text).not.toMatch(/\bcli\.[a-z]+\.[a-zA-Z.]+|\{\w+(:\w+)?\}/)
  }

  it.each(USAGE.map((argv) => [argv.join(' '), argv]))('benchlearn %s', async (_, argv) => {
    const result = await cli(env, argv)
    expect(result.text).not.toBe('')
    check(result.text)
  })

  it.each(OUTPUTS.map((argv) => [argv.join(' '), argv]))('benchlearn %s', async (_, argv) => {
    const result = await cli(env, argv)
    expect(result.text).not.toBe('')
    check(result.text)
  })

  // Why a figure has no context comparison (here: no context model for the month) is said too.
  it('benchlearn kpi show K1E2 --org 06435 --period 2024-02 (no context comparison)', async () => {
    const result = await cli(env, ['kpi', 'show', 'K1E2', '--org', '06435', '--period', '2024-02'])
    check(result.text)
  })

  it('shows a practice card', async () => {
    const result = await cli(env, ['practices', 'show', String(practiceId)])
    expect(result.code, result.text).toBe(0)
    check(result.text)
  })

  it('shows the start-up banner (start itself runs until stopped)', () => {
    const banner = startBanner(locale, {
      url: 'http://127.0.0.1:3000/',
      location: '/srv/benchlearn/data',
      mailServer: null,
      seconds: 2.4,
      demoLogins: [{ role: 'moderator', email: 'moderation@demo.example', password: 'demo-passwort' }],
    })
    check(banner)
    expect(banner).toContain(locale === 'en' ? '2.4 s' : '2,4 s')
  })

  it('is checked with word lists that find its own language', async () => {
    const usage = await cli(env, ['help'])
    expect(hits(usage.text.replace(/[()[\]]/g, ' '), own)).not.toEqual([])
  })
})
