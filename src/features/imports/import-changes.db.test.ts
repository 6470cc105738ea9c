/**
 * What an import corrected (GET /api/v1/imports/:id/changes) and the history of one value
 * (GET /api/v1/observations/revisions), through the app: a file, a corrected file from the
 * administration, and a second correction uploaded by the job centre itself. Every expected value
 * below is written out from the three files.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre, createRing, seedReferenceData } from '../../test/factories'
import type { SignedIn } from '../../test/sign-in'
import { useTestApp } from '../../test/start-app'
import { importFile } from './import-file'

const t = useTestApp()
const encode = (text: string) => new TextEncoder().encode(text)
let admin: SignedIn
let analyst: SignedIn
let peer: SignedIn
let outsider: SignedIn
let kca: number
let hanau: number
const batch = { first: 0, fix: 0, kcaFix: 0 }

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, {
    members: [
      { ags5: '06435', name: 'KCA Main-Kinzig-Kreis' },
      { ags5: '06431', name: 'Jobcenter Bergstraße' },
    ],
  })
  ;[kca, hanau] = ring.memberIds as [number, number]
  const schleswig = await createJobcentre(db, { ags5: '01058', name: 'Jobcenter Rendsburg-Eckernförde' })

  const run = async (fileName: string, text: string, now: string, only?: { id: number; name: string }) => {
    const summary = await importFile(t.database, {
      fileName,
      bytes: encode(text),
      now: new Date(now),
      createdBy: only ? 'analyst@changes.test' : 'admin@changes.test',
      onlyOrganisation: only,
    })
    expect(summary.errors).toEqual([])
    return summary.batchId!
  }
  batch.first = await run(
    'first.csv',
    'org;indicator;period;breakdown;value\n' +
      '06435;elb;2021-01;total;10500\n06435;elb;2021-02;total;10480\n06435;elb;2021-02;women;5100\n' +
      '06431;elb;2021-02;total;8800\n01058;elb;2021-02;total;4200\n',
    '2021-04-01T10:00:00Z',
  )
  // The administration's correction: three values revised (KCA total and women, Schleswig), one
  // unchanged, one new.
  batch.fix = await run(
    'fix.csv',
    'org;indicator;period;breakdown;value\n' +
      '06435;elb;2021-01;total;10500\n06435;elb;2021-02;total;10490\n06435;elb;2021-02;women;5105\n' +
      '06435;elb;2021-03;total;10470\n01058;elb;2021-02;total;4210\n',
    '2021-05-15T08:00:00Z',
  )
  // The job centre corrects its February total once more, and reports the women's value as missing.
  batch.kcaFix = await run(
    'kca-fix.csv',
    'org;indicator;period;breakdown;value\n06435;elb;2021-02;total;10495\n06435;elb;2021-02;women;.\n',
    '2021-06-01T09:30:00Z',
    { id: kca, name: 'KCA Main-Kinzig-Kreis' },
  )
  ;({
    as: { admin, analyst, peer, outsider },
  } = await t.start({
    now: () => new Date('2021-07-01T12:00:00Z'),
    accounts: {
      // Their e-mails are the imports' createdBy below.
      admin: { role: 'admin', email: 'admin@changes.test' },
      analyst: { role: 'member_analyst', email: 'analyst@changes.test', organisationId: kca },
      peer: { role: 'member_lead', organisationId: hanau },
      outsider: { role: 'member_lead', organisationId: schleswig },
    },
  }))
})

const changesOf = (as: SignedIn, batchId: number, query = '') =>
  as.inject({ method: 'GET', url: `/api/v1/imports/${batchId}/changes${query}` })

describe('GET /api/v1/imports/:id/changes', () => {
  it('lists every value the administration corrected, with the old value and where it came from', async () => {
    const response = await changesOf(admin, batch.fix)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.batch).toMatchObject({
      id: batch.fix,
      fileName: 'fix.csv',
      rowsImported: 4,
      rowsUnchanged: 1,
    })
    // Three revisions; the new March value and the unchanged January value are not corrections.
    expect(body.revisedValues).toBe(3)
    const previous = {
      previousBatchId: batch.first,
      previousRecordedAt: '2021-04-01T10:00:00.000Z',
      previousFileName: 'first.csv',
    }
    // Each a February value of fix.csv that replaced the one of first.csv (revision 2).
    const corrected = (
      organisationId: unknown,
      organisationName: string,
      breakdown: string,
      value: number,
      previousValue: number,
    ) => ({
      organisationId,
      organisationName,
      indicator: 'elb',
      period: '2021-02',
      breakdown,
      revision: 2,
      value,
      missingReason: null,
      previousValue,
      previousMissingReason: null,
      ...previous,
    })
    // Ordered by organisation name (Jobcenter Rendsburg… before KCA), then period and breakdown.
    expect(body.changes).toEqual([
      corrected(expect.any(Number), 'Jobcenter Rendsburg-Eckernförde', 'total', 4210, 4200),
      corrected(kca, 'KCA Main-Kinzig-Kreis', 'total', 10490, 10480),
      corrected(kca, 'KCA Main-Kinzig-Kreis', 'women', 5105, 5100),
    ])
  })

  it('pages through the changes and keeps the count of all of them', async () => {
    const page = (await changesOf(admin, batch.fix, '?limit=2&offset=2')).json()
    expect(page).toMatchObject({ revisedValues: 3, limit: 2, offset: 2 })
    expect(page.changes.map((c: { breakdown: string; value: number }) => [c.breakdown, c.value])).toEqual([
      ['women', 5105],
    ])
  })

  it('shows the job centre its own correction; an old value from an import outside its history is not named', async () => {
    const response = await changesOf(analyst, batch.kcaFix)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.revisedValues).toBe(2)
    expect(body.changes).toMatchObject([
      {
        organisationId: kca,
        period: '2021-02',
        breakdown: 'total',
        revision: 3,
        value: 10495,
        previousValue: 10490,
        previousBatchId: batch.fix,
        previousRecordedAt: '2021-05-15T08:00:00.000Z',
        // fix.csv was loaded by the administration for several organisations: not in a member's history.
        previousFileName: null,
      },
      {
        breakdown: 'women',
        revision: 3,
        value: null,
        missingReason: 'suppressed',
        previousValue: 5105,
        previousMissingReason: null,
      },
    ])
  })

  it('answers like an unknown import for imports outside the caller’s history', async () => {
    // The administration's file is not in members' histories; KCA's own upload not in a peer's.
    expect((await changesOf(analyst, batch.fix)).statusCode).toBe(404)
    expect((await changesOf(peer, batch.kcaFix)).statusCode).toBe(404)
    const unknown = await changesOf(admin, 999_999)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.message).toBe('Einen Import 999999 gibt es in Ihrem Importverlauf nicht')
  })

  it('lists nothing for an import that only added values', async () => {
    const body = (await changesOf(admin, batch.first)).json()
    expect(body).toMatchObject({ revisedValues: 0, changes: [] })
  })

  it('shows only the organisations whose values the caller may read, should such an import be in their history', async () => {
    // Uploads in a member's history belong to their own organisation; should one ever carry
    // values of others (here: the administration's file made KCA's), those stay hidden.
    await t.database.db
      .updateTable('import_batch')
      .set({ organisation_id: kca })
      .where('id', '=', batch.fix)
      .execute()
    try {
      const body = (await changesOf(analyst, batch.fix)).json()
      expect(body.revisedValues).toBe(2)
      expect(body.changes.map((c: { organisationId: number }) => c.organisationId)).toEqual([kca, kca])
      expect(JSON.stringify(body)).not.toContain('Rendsburg')
      expect(JSON.stringify(body)).not.toContain('4210')
    } finally {
      await t.database.db
        .updateTable('import_batch')
        .set({ organisation_id: null })
        .where('id', '=', batch.fix)
        .execute()
    }
  })

  it('names the field of a bad page request', async () => {
    const response = await changesOf(admin, batch.fix, '?limit=0')
    expect(response.statusCode).toBe(422)
    expect(JSON.stringify(response.json().error)).toContain('limit')
  })
})

const revisionsOf = (as: SignedIn, query: string) =>
  as.inject({ method: 'GET', url: `/api/v1/observations/revisions?${query}` })

describe('GET /api/v1/observations/revisions', () => {
  it('lists all three revisions of KCA’s February value, oldest first', async () => {
    const response = await revisionsOf(admin, 'org=06435&indicator=elb&period=2021-02')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      organisation: { id: kca, name: 'KCA Main-Kinzig-Kreis' },
      indicator: { code: 'elb', unit: expect.any(String), frequency: 'monthly' },
      period: '2021-02',
      breakdown: 'total',
      revisions: [
        {
          revision: 1,
          value: 10480,
          missingReason: null,
          status: 'final',
          recordedAt: '2021-04-01T10:00:00.000Z',
          isCurrent: false,
          batchId: batch.first,
          fileName: 'first.csv',
          createdBy: 'admin@changes.test',
        },
        {
          revision: 2,
          value: 10490,
          missingReason: null,
          status: 'corrected',
          recordedAt: '2021-05-15T08:00:00.000Z',
          isCurrent: false,
          batchId: batch.fix,
          fileName: 'fix.csv',
          createdBy: 'admin@changes.test',
        },
        {
          revision: 3,
          value: 10495,
          missingReason: null,
          status: 'corrected',
          recordedAt: '2021-06-01T09:30:00.000Z',
          isCurrent: true,
          batchId: batch.kcaFix,
          fileName: 'kca-fix.csv',
          createdBy: 'analyst@changes.test',
        },
      ],
    })
  })

  it('shows the job centre its values with the files of its own uploads only', async () => {
    const body = (await revisionsOf(analyst, 'org=06435&indicator=elb&period=2021-02&breakdown=women')).json()
    expect(
      body.revisions.map(
        (r: { value: number | null; missingReason: string | null; fileName: string | null }) => [
          r.value,
          r.missingReason,
          r.fileName,
        ],
      ),
    ).toEqual([
      [5100, null, null],
      [5105, null, null],
      [null, 'suppressed', 'kca-fix.csv'],
    ])
  })

  it('follows the rule of the values: a named ring peer reads them, an organisation outside the ring does not', async () => {
    const seen = await revisionsOf(peer, 'org=06435&indicator=elb&period=2021-02')
    expect(seen.statusCode).toBe(200)
    expect(seen.json().revisions.map((r: { value: number }) => r.value)).toEqual([10480, 10490, 10495])
    // Uploads of another organisation are not in a peer's history.
    expect(seen.json().revisions.every((r: { createdBy: string | null }) => r.createdBy === null)).toBe(true)
    // elb is published by the statistics office (public): an outsider reads it by name too …
    expect((await revisionsOf(outsider, 'org=06435&indicator=elb&period=2021-02')).statusCode).toBe(200)
    // … but not once it is network-confidential (docs/security.md, confidentiality classes).
    const db = t.database.db
    await db.updateTable('indicator').set({ confidentiality: 'network' }).where('code', '=', 'elb').execute()
    try {
      const hidden = await revisionsOf(outsider, 'org=06435&indicator=elb&period=2021-02')
      expect(hidden.statusCode).toBe(404)
      expect(hidden.body).not.toContain('10495')
      expect((await revisionsOf(peer, 'org=06435&indicator=elb&period=2021-02')).statusCode).toBe(200)
    } finally {
      await db.updateTable('indicator').set({ confidentiality: 'public' }).where('code', '=', 'elb').execute()
    }
  })

  it('is empty for a value that was never imported', async () => {
    const body = (await revisionsOf(admin, 'org=06431&indicator=elb&period=2021-03')).json()
    expect(body.revisions).toEqual([])
  })

  it('names the field of bad input', async () => {
    const year = await revisionsOf(admin, 'org=06435&indicator=elb&period=2021')
    expect(year.statusCode).toBe(422)
    expect(year.json().error.details).toEqual([
      {
        field: 'period',
        value: '2021',
        message: 'erwartet wird ein Monat als JJJJ-MM',
        key: 'observation.expectedMonth',
        params: {},
      },
    ])
    const breakdown = await revisionsOf(admin, 'org=06435&indicator=elb&period=2021-02&breakdown=diverse')
    expect(breakdown.statusCode).toBe(422)
    expect(breakdown.json().error.details[0]).toMatchObject({ field: 'breakdown', value: 'diverse' })
    const missing = await revisionsOf(admin, 'org=06435&indicator=elb')
    expect(missing.statusCode).toBe(422)
    expect(JSON.stringify(missing.json().error)).toContain('period')
  })
})
