import { beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import { createJobcentre, createUser, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { insertNetwork, insertRing, insertRingMemberships } from '../networks/network.repository'
import { closeCollection } from './close-collection'
import { readCollectionWorkbook, writeCollectionWorkbook } from './collection-workbook'
import { createCollection } from './create-collection'
import { listCollections } from './list-collections'
import { loadCollection } from './load-collection'
import { readCollectionForm } from './read-collection-form'
import { readCollectionMatrix } from './read-collection-matrix'
import { readCollectionResults } from './read-collection-results'
import { remindCollectionMembers } from './remind-collection-members'
import { reopenCollectionSubmission } from './reopen-collection-submission'
import { saveCollectionForm } from './save-collection-form'
import { submitCollectionForm } from './submit-collection-form'

const t = useTestDatabase()
const NOW = new Date('2026-03-10T10:00:00Z')
const orgIds: number[] = []
let ringId = 0
let moderatorId = 0
const leadIds: number[] = []
const actor = { userId: null, label: 'test' }

const moderator = (): Viewer => ({
  userId: moderatorId,
  role: 'moderator',
  organisationId: null,
  ringIds: [],
  moderatedRingIds: 'all',
})
const lead = (index: number): Viewer => ({
  userId: leadIds[index]!,
  role: 'member_lead',
  organisationId: orgIds[index]!,
  ringIds: [ringId],
  moderatedRingIds: [],
})

async function expectError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(isAppError(error), String(error)).toBe(true)
  if (!isAppError(error)) return
  expect(error.code).toBe(code)
  expect(error.message).toMatch(message)
  return error
}

let collectionId = 0
/** Who writes the form of the organisation at `index`, and which form: what every write of it takes. */
const asLead = (index: number) => ({
  viewer: lead(index),
  actor,
  now: NOW,
  collectionId,
  organisationId: orgIds[index]!,
})
const save = (
  index: number,
  cells: { indicator: string; breakdown?: string; value: number | null; comment?: string }[],
) =>
  saveCollectionForm(t.database, {
    ...asLead(index),
    request: {
      organisationId: orgIds[index]!,
      cells: cells.map((c) => ({ period: '2025', breakdown: 'total', comment: '', ...c })),
    },
  })

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const networkId = await insertNetwork(db, { name: 'Netz' })
  ringId = await insertRing(db, { networkId, code: 'R01', name: 'Vergleichsring 1', validFrom: '2018-01-01' })
  for (const ags of ['06435', '06431', '06432', '06433', '06434', '06436'])
    orgIds.push(await createJobcentre(db, { ags5: ags }))
  await insertRingMemberships(
    db,
    ringId,
    orgIds.map((organisationId) => ({ organisationId, validFrom: '2018-01-01' })),
  )
  moderatorId = await createUser(db, { email: 'moderation@collections.test', role: 'moderator' })
  for (const [i, organisationId] of orgIds.entries())
    leadIds.push(
      await createUser(db, { email: `lead${i}@collections.test`, role: 'member_lead', organisationId }),
    )
  collectionId = await createCollection(t.database, {
    viewer: moderator(),
    actor,
    now: NOW,
    request: {
      title: 'Erhebung Fallbelastung 2025',
      instructions: 'Stichtag 31.12.',
      frequency: 'yearly',
      periods: ['2025'],
      ringIds: [ringId],
      deadline: '2026-03-31',
      isResultsForDeliverersOnly: true,
      changeThresholdPercent: 30,
      indicators: [
        {
          code: 'caseload_staff',
          figureCode: 'K2',
          definition: {
            nameDe: 'Fälle je Vollzeitkraft',
            nameEn: 'Cases per full-time staff',
            unit: 'persons',
            definitionDe: 'Bedarfsgemeinschaften je Vollzeitäquivalent',
            definitionEn: 'Households per full-time equivalent',
            allowedMin: 0,
            allowedMax: 400,
            polarity: 'lower_is_better',
            breakdowns: ['total'],
          },
        },
        {
          code: 'objections',
          figureCode: null,
          definition: {
            nameDe: 'Widersprüche',
            nameEn: 'Objections',
            unit: 'persons',
            definitionDe: '',
            definitionEn: '',
            allowedMin: null,
            allowedMax: null,
            polarity: 'lower_is_better',
            breakdowns: ['total', 'women', 'men'],
          },
        },
      ],
    },
  })
})

describe('a collection cycle', () => {
  it('asks the ring’s members and shows each only its own form', async () => {
    const list = await listCollections(t.database.db, { viewer: lead(0), today: '2026-03-10' })
    expect(list.collections).toHaveLength(1)
    expect(list.collections[0]).toMatchObject({
      organisationCount: 6,
      canFill: true,
      own: { status: 'missing' },
    })
    const form = await readCollectionForm(t.database.db, {
      viewer: lead(0),
      collectionId,
      organisationId: orgIds[0]!,
    })
    expect(form.cells.map((c) => `${c.indicator}/${c.breakdown}`)).toEqual([
      'caseload_staff/total',
      'objections/total',
      'objections/women',
      'objections/men',
    ])
    await expectError(
      readCollectionForm(t.database.db, { viewer: lead(0), collectionId, organisationId: orgIds[1]! }),
      'not_found',
      /no form of organisation/,
    )
  })

  it('refuses a value out of range naming the cell, keeps warnings until commented', async () => {
    const error = await expectError(
      save(0, [{ indicator: 'caseload_staff', value: 4000 }]),
      'invalid_input',
      /cannot be taken/,
    )
    expect(error?.details[0]).toMatchObject({ field: 'cells[0].value', value: '4000' })
    // Five others deliver; the first organisation's value is far from theirs.
    for (const [i, value] of [150, 155, 148, 160, 152].entries())
      await save(i + 1, [
        { indicator: 'caseload_staff', value },
        { indicator: 'objections', value: 40 },
        { indicator: 'objections', breakdown: 'women', value: 20 },
        { indicator: 'objections', breakdown: 'men', value: 20 },
      ])
    const draft = await save(0, [
      { indicator: 'caseload_staff', value: 390 },
      { indicator: 'objections', value: 50 },
      { indicator: 'objections', breakdown: 'women', value: 30 },
      { indicator: 'objections', breakdown: 'men', value: 25 },
    ])
    expect(draft.status).toBe('draft')
    expect(draft.findings.map((f) => f.code).sort()).toEqual(['breakdown_sum', 'outlier'])
    expect(draft.uncommentedWarnings).toBe(2)
    await expectError(
      submitCollectionForm(t.database, asLead(0)),
      'invalid_input',
      /2 findings need a correction or a comment/,
    )
    await save(0, [
      { indicator: 'caseload_staff', value: 390, comment: 'Personalausfall im Herbst' },
      { indicator: 'objections', value: 55 },
      { indicator: 'objections', breakdown: 'women', value: 30 },
      { indicator: 'objections', breakdown: 'men', value: 25 },
    ])
    const submitted = await submitCollectionForm(t.database, asLead(0))
    expect(submitted).toMatchObject({ status: 'submitted', isEditable: false })
    await expectError(save(0, [{ indicator: 'caseload_staff', value: 300 }]), 'conflict', /submitted/)
  })

  it('shows the moderator the matrix, reminds the late ones and reopens a submission', async () => {
    for (const i of [1, 2, 3, 4]) await submitCollectionForm(t.database, asLead(i))
    const matrix = await readCollectionMatrix(t.database.db, { viewer: moderator(), collectionId })
    const row = (i: number) => matrix.rows.find((r) => r.organisation.id === orgIds[i])!
    expect(row(0).cells).toEqual([
      { indicator: 'caseload_staff', state: 'commented' },
      { indicator: 'objections', state: 'submitted' },
    ])
    expect(row(0).warnings[0]).toMatchObject({ code: 'outlier', comment: 'Personalausfall im Herbst' })
    expect(row(5).status).toBe('draft')
    await expectError(
      readCollectionMatrix(t.database.db, { viewer: lead(0), collectionId }),
      'forbidden',
      /moderators/,
    )
    expect(
      await remindCollectionMembers(t.database, { viewer: moderator(), actor, now: NOW, collectionId }),
    ).toEqual({
      reminded: 1,
    })
    const reminded = await readCollectionForm(t.database.db, {
      viewer: lead(5),
      collectionId,
      organisationId: orgIds[5]!,
    })
    expect(reminded.remindedAt).toBe(NOW.toISOString())
    await reopenCollectionSubmission(t.database, {
      viewer: moderator(),
      actor,
      now: NOW,
      collectionId,
      organisationId: orgIds[4]!,
    })
    const reopened = await readCollectionForm(t.database.db, {
      viewer: lead(4),
      collectionId,
      organisationId: orgIds[4]!,
    })
    expect(reopened).toMatchObject({ status: 'draft', isEditable: true })
    await submitCollectionForm(t.database, asLead(4))
  })

  it('round-trips the XLSX template: download, fill, upload', async () => {
    const db = t.database.db
    const form = await readCollectionForm(db, { viewer: lead(5), collectionId, organisationId: orgIds[5]! })
    const collection = await loadCollection(db, { viewer: lead(5), id: collectionId })
    const bytes = await writeCollectionWorkbook({
      title: collection.row.title,
      form,
      indicators: collection.indicators,
    })
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer)
    const sheet = workbook.getWorksheet('Erhebung')!
    expect(sheet.getRow(2).getCell(1).value).toBe('caseload_staff')
    expect(sheet.getRow(2).getCell(7).value).toBe(152)
    sheet.getRow(2).getCell(7).value = '149,5'
    sheet.getRow(3).getCell(7).value = 'viele'
    const broken = new Uint8Array(await workbook.xlsx.writeBuffer())
    const error = await expectError(
      readCollectionWorkbook(broken, { fileName: 'erhebung.xlsx', organisationId: orgIds[5]! }),
      'invalid_input',
      /erhebung\.xlsx: the form cannot be read \(1 problem\)/,
    )
    expect(error?.details[0]).toMatchObject({
      row: 3,
      column: 'G (value)',
      message: "'viele' is not a number",
      key: 'collection.notANumber',
    })
    sheet.getRow(3).getCell(7).value = 41
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer())
    const { request, origin } = await readCollectionWorkbook(filled, {
      fileName: 'erhebung.xlsx',
      organisationId: orgIds[5]!,
    })
    const saved = await saveCollectionForm(t.database, { ...asLead(5), request, origin })
    expect(saved.cells.slice(0, 2).map((c) => c.value)).toEqual([149.5, 41])
    sheet.getRow(2).getCell(7).value = 999
    const outOfRange = new Uint8Array(await workbook.xlsx.writeBuffer())
    const parsed = await readCollectionWorkbook(outOfRange, {
      fileName: 'erhebung.xlsx',
      organisationId: orgIds[5]!,
    })
    const refused = await expectError(
      saveCollectionForm(t.database, { ...asLead(5), ...parsed }),
      'invalid_input',
      /1 value cannot be taken/,
    )
    expect(refused?.details[0]).toMatchObject({
      file: 'erhebung.xlsx',
      row: 2,
      message: 'caseload_staff: 999 is above the allowed maximum 400',
    })
  })

  it('closes: submitted values become observations in one audited batch, results follow the rules', async () => {
    const db = t.database.db
    await expectError(
      readCollectionResults(db, { viewer: lead(0), collectionId, today: '2026-03-10' }),
      'conflict',
      /still open/,
    )
    const closed = await closeCollection(t.database, { viewer: moderator(), actor, now: NOW, collectionId })
    // Five submitted forms × (1 + 3) values; the sixth organisation's draft is not taken.
    expect(closed.valuesWritten).toBe(20)
    const observations = await db
      .selectFrom('observation as o')
      .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
      .select(['o.organisation_id', 'i.code', 'o.value', 'o.revision', 'o.batch_id', 'o.period'])
      .where('i.code', '=', 'caseload_staff')
      .orderBy('o.organisation_id')
      .execute()
    expect(observations.map((o) => o.value)).toEqual([390, 150, 155, 148, 160])
    expect(new Set(observations.map((o) => o.batch_id))).toEqual(new Set([closed.batchId]))
    expect(observations[0]).toMatchObject({ revision: 1, period: '2025-01-01' })
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'data_collection')
      .execute()
    expect(audit.map((a) => a.action)).toContain('collection.close')
    const batch = await db
      .selectFrom('import_batch')
      .select('key_figures_pending')
      .where('id', '=', closed.batchId!)
      .executeTakeFirstOrThrow()
    expect(batch.key_figures_pending).toBe(false)
    await expectError(
      closeCollection(t.database, { viewer: moderator(), actor, now: NOW, collectionId }),
      'conflict',
      /closed/,
    )

    const results = await readCollectionResults(db, { viewer: lead(0), collectionId, today: '2026-03-10' })
    const caseload = results.indicators[0]!.cells[0]!
    expect(caseload.members).toHaveLength(5)
    expect(caseload.members.find((m) => m.isOwn)?.value).toBe(390)
    expect(caseload.median).toBe(155)
    // Organisation 6 did not deliver: with "deliverers only" it sees no one else.
    const late = await readCollectionResults(db, { viewer: lead(5), collectionId, today: '2026-03-10' })
    expect(late.isRestricted).toBe(true)
    expect(late.indicators[0]!.cells[0]!.members).toEqual([])
    expect(late.indicators[0]!.cells[0]!.mean).toBeNull()
  })

  it('refuses definitions it cannot check, naming the field', async () => {
    const error = await expectError(
      createCollection(t.database, {
        viewer: moderator(),
        actor,
        now: NOW,
        request: {
          title: 'Fehlerhafte Erhebung',
          instructions: '',
          frequency: 'yearly',
          periods: ['2099', '2025-03'],
          ringIds: [],
          deadline: '2026-04-30',
          isResultsForDeliverersOnly: false,
          changeThresholdPercent: 30,
          indicators: [
            { code: 'elb', figureCode: null },
            { code: 'caseload_staff', figureCode: null },
          ],
        },
      }),
      'invalid_input',
      /cannot be defined/,
    )
    expect(error?.details.map((d) => d.field)).toEqual(['periods[0]', 'periods[1]', 'indicators[0].code'])
  })
})
