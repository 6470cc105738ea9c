import { describe, expect, it, beforeAll } from 'vitest'
import type { Viewer } from '../../core/permissions'
import { createRing, createUser, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { checkPracticeEffect } from './check-practice-effect'
import { listPractices } from './list-practices'
import { adoptPractice, createPractice } from './write-practice'

const t = useTestDatabase()
const NOW = new Date('2024-06-15T10:00:00Z')
const AT = '2024-06-15'
const orgIds: number[] = []
let ringId = 0
let userId = 0

const memberOf = (index: number, role: Viewer['role'] = 'member_lead'): Viewer => ({
  userId,
  role,
  organisationId: orgIds[index]!,
  ringIds: [ringId],
  moderatedRingIds: [],
})
const actor = { userId: null, label: 'test' }

async function write(
  index: number,
  title: string,
  approach: string,
  extra: { topics?: string[]; figureCodes?: string[] } = {},
) {
  return createPractice(t.database, {
    viewer: memberOf(index),
    actor,
    now: NOW,
    request: {
      title,
      problem: '',
      approach,
      resources: '',
      results: '',
      contact: '',
      visibility: 'network',
      status: 'published',
      topics: extra.topics ?? [],
      figureCodes: extra.figureCodes ?? [],
    },
  })
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, {
    validFrom: '2018-01-01',
    members: ['06435', '06431', '06432', '06433', '06434', '06436', '06437'],
  })
  ringId = ring.ringId
  orgIds.push(...ring.memberIds)
  userId = await createUser(db, {
    email: 'author@practices.test',
    role: 'member_lead',
    organisationId: orgIds[0]!,
  })
})

describe('German full-text search (PostgreSQL german configuration)', () => {
  it('stems inflections of one word, but not across word families', async () => {
    await write(0, 'Aufsuchende Beratung für Langzeitleistungsbeziehende', 'Hausbesuche statt Vorladungen', {
      topics: ['Aktivierung'],
      figureCodes: ['K3E1'],
    })
    await write(
      1,
      'Arbeitgeberservice mit festen Ansprechpersonen',
      'Vermittlungen laufen über eine Person',
      {
        topics: ['Arbeitgeber'],
        figureCodes: ['K2'],
      },
    )
    await write(2, 'Jobcoaching für Alleinerziehende', 'Es wurde direkt in Teilzeit vermittelt', {
      topics: ['Aktivierung'],
    })
    const titles = async (q: string, filter: { topic?: string; figure?: string } = {}) =>
      (
        await listPractices(t.database.db, { viewer: memberOf(3), query: { q, ...filter }, at: AT })
      ).practices.map((p) => p.title)
    // 'Beratungen' and 'Beratung' share the stem 'berat'.
    expect(await titles('Beratungen')).toEqual(['Aufsuchende Beratung für Langzeitleistungsbeziehende'])
    // 'Vermittlung' → 'vermittl' matches 'Vermittlungen', but 'vermittelt' stays 'vermittelt': the
    // Snowball stemmer removes endings, it does not know that both belong to 'vermitteln'.
    expect(await titles('Vermittlung')).toEqual(['Arbeitgeberservice mit festen Ansprechpersonen'])
    expect(await titles('vermittelt')).toEqual(['Jobcoaching für Alleinerziehende'])
    // Compounds are not split: 'Alleinerziehende' is found, 'erziehende' is not.
    expect(await titles('alleinerziehenden')).toEqual(['Jobcoaching für Alleinerziehende'])
    expect(await titles('erziehende')).toEqual([])
    // websearch syntax: exclusion.
    expect(await titles('Aktivierung -Jobcoaching')).toEqual([])
    expect((await titles('', { topic: 'Aktivierung' })).sort()).toEqual([
      'Aufsuchende Beratung für Langzeitleistungsbeziehende',
      'Jobcoaching für Alleinerziehende',
    ])
    expect(await titles('', { figure: 'k2' })).toEqual(['Arbeitgeberservice mit festen Ansprechpersonen'])
  })

  it('refuses unknown figure codes, naming the field', async () => {
    await expect(write(0, 'Karte mit falscher Kennzahl', '', { figureCodes: ['K99'] })).rejects.toThrow(
      /Unknown key figure\(s\): K99/,
    )
  })
})

describe('effect check through the service', () => {
  it('reads stored K2 values and computes the hand-checked difference-in-differences', async () => {
    const db = t.database.db
    const practiceId = await write(0, 'Digitale Terminvergabe', 'Online-Termine', { figureCodes: ['K2'] })
    // Start 2022-07 → before 2021-07 … 2022-06, after 2022-10 … 2023-09. Adopter (org 1): 20 → 23.
    // Peers 2 … 6 change by 0, 1, 2, 1, 1 (mean 1, sd √0.5); estimate 2, SE √0.6, t(0.975, 4) = 2.7764.
    const changes = [3, 0, 1, 2, 1, 1]
    const rows = []
    for (let m = 0; m < 36; m++) {
      const year = 2021 + Math.floor((m + 6) / 12)
      const month = ((m + 6) % 12) + 1
      const period = `${year}-${String(month).padStart(2, '0')}-01`
      const isAfter = period >= '2022-10-01'
      for (const [i, change] of changes.entries())
        rows.push({
          period,
          figure_code: 'K2',
          breakdown: 'total',
          organisation_id: orgIds[i + 1]!,
          version: 1,
          is_change_rate: false,
          numerator: 20 + (isAfter ? change : 0),
          denominator: 100,
          missing_reason: null,
          missing_detail: null,
          run_id: 1,
        })
    }
    await db.insertInto('kpi_value').values(rows).execute()
    await db
      .insertInto('kpi_run')
      .values({
        kind: 'full',
        started_at: NOW,
        finished_at: NOW,
        watermark_batch_id: null,
        watermark_batch_created_at: null,
        first_month: '2021-07-01',
        last_month: '2024-06-01',
        definitions_hash: 'test',
        organisations: 6,
        values_written: rows.length,
      })
      .execute()
    await adoptPractice(t.database, {
      viewer: memberOf(1),
      actor,
      now: NOW,
      practiceId,
      request: { startedOn: '2022-07-01', note: 'seit Juli' },
    })
    const adoption = await db
      .selectFrom('practice_adoption')
      .select('id')
      .where('practice_id', '=', practiceId)
      .executeTakeFirstOrThrow()
    const result = await checkPracticeEffect(db, {
      viewer: memberOf(1),
      practiceId,
      adoptionId: adoption.id,
      now: NOW,
    })
    const k2 = result.figures[0]!
    expect(k2).toMatchObject({ figureCode: 'K2', isEstimated: true, peerCount: 5, direction: 'unclear' })
    expect(k2.window).toEqual({
      start: '2022-07',
      beforeFrom: '2021-07',
      beforeTo: '2022-06',
      afterFrom: '2022-10',
      afterTo: '2023-09',
    })
    expect(k2.adopterChange).toBeCloseTo(3, 9)
    expect(k2.estimate).toBeCloseTo(2, 9)
    expect(k2.standardError).toBeCloseTo(Math.sqrt(0.6), 9)
    expect(k2.lower).toBeCloseTo(2 - 2.7764451052 * Math.sqrt(0.6), 6)
    expect(k2.wording.de).toContain('Hinweis, kein Beweis')
    // The author's own organisation (0) is a ring member but has no K2 values: it simply does not count.
    expect(k2.series).toHaveLength(27)
  })
})
