/**
 * Peer groups end to end on a small synthetic network: 30 job centres in three clear context
 * clusters plus one without complete data. Proposals, bounds, infeasible requests, saved models,
 * hand moves, rings with validity periods, ring history, official types, neighbours and the CLI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../cli/main'
import type { CliIo } from '../../cli/io'
import { AppError } from '../../core/errors/app-error'
import { text } from '../../core/messages/text'
import { createRandom } from '../../core/random'
import { createRing, seedReferenceData } from '../../test/factories'
import { importContextValues, type ContextValue } from '../../test/context-factory'
import { useTestDatabase } from '../../test/use-test-database'
import { monthIndexOf } from '../kpi/load-series'
import { resolveGroup } from '../kpi/resolve-group'
import { applyPeerModel } from './apply-peer-model'
import { comparePeerModels } from './compare-peer-models'
import { findPeerNeighbours } from './find-peer-neighbours'
import { importPeerTypes } from './import-peer-types'
import { movePeerMembers, previewPeerMoves } from './move-peer-members'
import { proposePeerGroups } from './propose-peer-groups'
import { readRingHistory } from './read-ring-history'
import { savePeerModel } from './save-peer-model'

const t = useTestDatabase()
const actor = { userId: null, label: 'test' }
const now = new Date('2024-03-01T12:00:00Z')
let agsList: string[] = []
const ids = new Map<string, number>()
let incompleteAgs = ''

async function expectError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe(code)
  expect((error as AppError).message).toMatch(message)
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const kreise = await db
    .selectFrom('kreis')
    .select('ags5')
    .where('valid_to', 'is', null)
    .orderBy('ags5')
    .limit(31)
    .execute()
  agsList = kreise.map((k) => k.ags5)
  const ring = await createRing(db, {
    code: 'R01',
    name: 'Alter Ring',
    members: agsList,
    isNetworkMember: true,
  })
  for (const [i, ags] of agsList.entries()) ids.set(ags, ring.memberIds[i]!)
  // Three clusters of ten in SGB II rate and density; the 31st lacks the SGB II rate.
  const random = createRandom(42)
  const values: ContextValue[] = []
  agsList.forEach((ags, i) => {
    const cluster = i % 3
    for (const year of [2021, 2022]) {
      if (i < 30) values.push({ ags, indicator: 'sgb2_rate', year, value: round(4 + cluster * 5 + random()) })
      values.push({
        ags,
        indicator: 'population_density',
        year,
        value: round(100 * 4 ** cluster * (1 + random() / 5)),
      })
      values.push({
        ags,
        indicator: 'gdp_per_employed',
        year,
        value: round(70 + cluster * 10 + random() * 3),
      })
    }
  })
  incompleteAgs = agsList[30]!
  await importContextValues(t.database, values)
})

const round = (x: number) => Math.round(x * 100) / 100
const INDICATORS = ['sgb2_rate', 'population_density', 'gdp_per_employed']

describe('proposals', () => {
  it('finds the three clusters with Ward and lists the organisation without complete data', async () => {
    const progress: number[] = []
    const { dto } = await proposePeerGroups(
      t.database.db,
      { method: 'ward', k: 3, indicators: INDICATORS, weighting: 'manual' },
      { onProgress: (done, total) => progress.push(done / total) },
    )
    // 20 replicates by default, reported from 0 before the first to 1 after the last.
    expect(progress).toHaveLength(21)
    expect(progress.at(0)).toBe(0)
    expect(progress.at(-1)).toBe(1)
    expect(dto.quality!.stability).toMatchObject({ replicates: 20, sampleRows: 30 })
    expect(dto.inputs.referenceYear).toBe(2022)
    expect(dto.groups.map((g) => g.size)).toEqual([10, 10, 10])
    expect(dto.quality!.rSquared).toBeGreaterThan(0.9)
    expect(dto.quality!.stability!.meanAdjustedRandIndex).toBeGreaterThan(0.9)
    expect(dto.excluded).toEqual([expect.objectContaining({ ags5: incompleteAgs, missing: ['sgb2_rate'] })])
    // Notes are catalogue messages: English text for API users, the key for the reader's language.
    const note = dto.notes.find((n) => n.messageKey === 'peers.noteExcluded')!
    expect(note.message).toMatch(/^1 organisation\(s\) without complete data, not grouped: .* \(sgb2_rate\)$/)
    expect(text('de', 'peers.noteExcluded', note.params)).toMatch(
      /^1 Organisation ohne vollständige Daten, nicht gruppiert: /,
    )
    expect(dto.dendrogram!.merges).toHaveLength(29)
    expect(dto.inputs.indicators.find((i) => i.code === 'population_density')!.transform).toBe('log')
  })

  it('keeps rings within their size bounds and hard constraints', async () => {
    const [a, b, c] = agsList
    const { dto } = await proposePeerGroups(t.database.db, {
      method: 'rings',
      k: 4,
      minSize: 7,
      maxSize: 8,
      indicators: INDICATORS,
      weighting: 'manual',
      together: [[a!, b!]],
      apart: [[a!, agsList[3]!]],
      pinned: [{ org: c!, ring: 2 }],
    })
    for (const g of dto.groups) expect(g.size).toBeGreaterThanOrEqual(7)
    for (const g of dto.groups) expect(g.size).toBeLessThanOrEqual(8)
    const groupOf = (ags: string) => dto.assignments.find((x) => x.ags5 === ags)!.group
    expect(groupOf(a!)).toBe(groupOf(b!))
    expect(groupOf(a!)).not.toBe(groupOf(agsList[3]!))
    expect(groupOf(c!)).toBe('R02')
  })

  it('refuses an infeasible request and says why', async () => {
    await expectError(
      proposePeerGroups(t.database.db, {
        method: 'rings',
        k: 4,
        minSize: 8,
        indicators: INDICATORS,
        weighting: 'manual',
      }),
      'infeasible',
      /4 rings of at least 8 members need at least 32 members, but there are 30/,
    )
    await expectError(
      proposePeerGroups(t.database.db, {
        method: 'rings',
        k: 3,
        indicators: INDICATORS,
        weighting: 'manual',
        pinned: [{ org: incompleteAgs, ring: 1 }],
      }),
      'invalid_input',
      /has no complete context data \(missing: sgb2_rate\)/,
    )
    await expectError(
      proposePeerGroups(t.database.db, {
        method: 'ward',
        k: 3,
        indicators: ['sgb2_rate', 'nonsense'],
        weighting: 'manual',
      }),
      'invalid_input',
      /'nonsense' is not a yearly context indicator/,
    )
  })
})

describe('models, moves, rings and history', () => {
  it('saves a model, previews and refuses a move that breaks a bound, applies it as rings', async () => {
    const model = await savePeerModel(t.database, {
      request: {
        method: 'rings',
        k: 3,
        minSize: 10,
        maxSize: 11,
        indicators: INDICATORS,
        weighting: 'manual',
      },
      name: 'Drei Ringe',
      actor,
      now,
    })
    expect(model.kind).toBe('computed')
    expect(model.vintage.latestBatchId).toEqual(expect.any(Number))
    const member = model.groups[0]!.members[0]!
    const preview = await previewPeerMoves(t.database.db, {
      modelId: model.id,
      request: { moves: [{ org: member.ags5!, toGroup: 'R02' }] },
    })
    expect(preview.after!.rSquared).toBeLessThan(preview.before!.rSquared)
    expect(preview.violations).toEqual([
      {
        message: 'R01: 9 members, at least 10',
        messageKey: 'peers.violationTooSmall',
        params: { group: 'R01', size: 9, min: 10 },
      },
    ])
    expect(text('de', 'peers.violationTooSmall', preview.violations[0]!.params)).toBe(
      'R01: 9 Mitglieder, mindestens 10',
    )
    await expectError(
      movePeerMembers(t.database, {
        modelId: model.id,
        request: { moves: [{ org: member.ags5!, toGroup: 'R02' }] },
        actor,
        now,
      }),
      'conflict',
      /break 1 bound/,
    )
    // The excluded organisation may be added by hand (size 11 is allowed).
    const moved = await movePeerMembers(t.database, {
      modelId: model.id,
      request: { moves: [{ org: incompleteAgs, toGroup: 'R03' }] },
      actor,
      now,
    })
    expect(moved.moves).toEqual([expect.objectContaining({ from: null, to: 'R03' })])
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'peer_model')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['peer_model.create', 'peer_model.move'])

    // A meeting planned under the old membership: R01's September meeting, hosted by the
    // organisation that moves to R03 with the new rings.
    const r01 = await t.database.db
      .selectFrom('ring')
      .select(['id', 'network_id'])
      .where('code', '=', 'R01')
      .executeTakeFirstOrThrow()
    const planned = await t.database.db
      .insertInto('meeting')
      .values({
        network_id: r01.network_id,
        ring_id: r01.id,
        kind: 'ring_meeting',
        title: 'R01 September',
        starts_on: '2024-09-11',
        ends_on: '2024-09-11',
        start_time: null,
        end_time: null,
        venue: null,
        host_organisation_id: ids.get(incompleteAgs)!,
        host_source: 'rotation',
        moderator_user_id: null,
        is_demo: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const applied = await applyPeerModel(t.database, {
      modelId: model.id,
      validFrom: '2024-07-01',
      actor,
      now,
    })
    expect(applied.meetingsToCheck).toEqual([
      {
        meetingId: planned.id,
        title: 'R01 September',
        startsOn: '2024-09-11',
        ringCode: 'R01',
        isRingEnded: false,
        isHostOutside: true,
        registrationsOutside: 0,
      },
    ])
    expect(applied.rings.map((r) => [r.code, r.isNew])).toEqual([
      ['R01', false],
      ['R02', true],
      ['R03', true],
    ])
    expect(applied.endedMemberships).toBe(31)
    expect(applied.withoutRing).toEqual([])
    const history = await readRingHistory(t.database.db, { id: ids.get(incompleteAgs)!, name: 'x' })
    expect(history.memberships.map((m) => [m.code, m.validFrom, m.validTo])).toEqual([
      ['R01', '2020-01-01', '2024-06-30'],
      ['R03', '2024-07-01', null],
    ])
    await expectError(
      applyPeerModel(t.database, { modelId: model.id, validFrom: '2024-05-01', actor, now }),
      'conflict',
      /start on or after 2024-05-01/,
    )
  })

  it('imports official types all-or-nothing, lists unmatched keys, compares and serves kpi groups', async () => {
    const lines = agsList.slice(0, 30).map((ags, i) => `${ags};${(i % 3) + 1};Typ ${(i % 3) + 1}`)
    const good = `AGS;Vergleichstyp;Typbezeichnung\n${lines.join('\n')}\n09162;1;Typ 1\n`
    const bad = `AGS;Vergleichstyp\n${agsList[0]};1\n${agsList[1]};\nabc;2\n`
    const badSummary = await importPeerTypes(t.database, {
      fileName: 'bad.csv',
      bytes: encode(bad),
      name: 'x',
      actor,
      now,
    })
    expect(badSummary.isCommitted).toBe(false)
    expect(badSummary.errors).toEqual([
      {
        row: 3,
        column: 'Vergleichstyp',
        value: '',
        message: 'expected a type code',
        messageKey: 'peers.typesExpectedCode',
        params: {},
      },
      {
        row: 4,
        column: 'AGS',
        value: 'abc',
        message: expect.stringMatching(/no organisation with id abc/),
        messageKey: 'import.noOrganisationWithId',
        params: { key: 'abc' },
      },
    ])
    const summary = await importPeerTypes(t.database, {
      fileName: 'types.csv',
      bytes: encode(good),
      name: 'IAB-Typen (Test)',
      actor,
      now,
    })
    expect(summary).toMatchObject({ isCommitted: true, assigned: 30, rowsRead: 31 })
    expect(summary.unmatched).toHaveLength(1)
    expect(summary.withoutType.map((w) => w.ags5)).toEqual([incompleteAgs])
    const computed = await savePeerModel(t.database, {
      request: {
        method: 'kmeans',
        k: 3,
        indicators: INDICATORS,
        weighting: 'manual',
        bootstrapReplicates: 0,
      },
      name: 'k-means',
      actor,
      now,
    })
    const comparison = await comparePeerModels(t.database.db, { a: summary.modelId!, b: computed.id })
    expect(comparison.adjustedRandIndex).toBeCloseTo(1, 10)
    expect(comparison.moves).toEqual([])
    const group = await resolveGroup(t.database.db, {
      kind: 'type',
      organisationId: ids.get(agsList[0]!)!,
      month: monthIndexOf('2024-03'),
    })
    expect(group.organisationIds).toHaveLength(10)
    expect(group.label).toBe('IAB-Typen (Test): Typ 1')
    const neighbours = await resolveGroup(t.database.db, {
      kind: 'neighbours',
      organisationId: ids.get(agsList[0]!)!,
      month: monthIndexOf('2024-03'),
    })
    expect(neighbours.organisationIds).toHaveLength(11)
  })

  it('explains neighbours and hides those the caller may not see by name', async () => {
    const self = { id: ids.get(agsList[0]!)!, name: 'Jobcenter A' }
    const open = await findPeerNeighbours(t.database.db, {
      organisation: self,
      k: 3,
      canSeeByName: () => true,
    })
    expect(open.neighbours).toHaveLength(3)
    expect(open.neighbours[0]!.rebasedDistance).toBeLessThan(0.2)
    expect(open.neighbours[0]!.explanationDe).toMatch(/ist der 1\. nächste Nachbar von Jobcenter A/)
    expect(open.neighbours[0]!.contributions.reduce((s, c) => s + c.sharePercent, 0)).toBeCloseTo(100, 6)
    const hidden = await findPeerNeighbours(t.database.db, {
      organisation: self,
      k: 3,
      canSeeByName: () => false,
    })
    expect(hidden.neighbours[0]).toMatchObject({ organisationId: null, isHidden: true })
    expect(hidden.neighbours[0]!.contributions.every((c) => c.neighbourValue === null)).toBe(true)
    expect(JSON.stringify(hidden)).not.toMatch(/Jobcenter \d{5}/)
  })
})

describe('CLI peers form --input', () => {
  function capture(): CliIo & { stdout: string[]; stderr: string[]; bars: string[] } {
    const stdout: string[] = []
    const stderr: string[] = []
    const bars: string[] = []
    return {
      stdout,
      stderr,
      bars,
      out: (s) => stdout.push(s),
      err: (s) => stderr.push(s),
      progress: (label, done, total) => bars.push(`${label} ${done}/${total}`),
      env: {},
      cwd: process.cwd(),
    }
  }

  it('clusters any numeric table and reports bad cells by row and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peers-cli-'))
    const rows = Array.from({ length: 12 }, (_, i) => `x${i},${(i % 3) * 10 + i / 100},${(i % 3) * 5}`)
    writeFileSync(join(dir, 'table.csv'), `id,a,b\n${rows.join('\n')}\n`)
    const io = capture()
    expect(
      await main(
        [
          'peers',
          'form',
          '--method',
          'rings',
          '--k',
          '3',
          '--min',
          '4',
          '--max',
          '4',
          '--input',
          join(dir, 'table.csv'),
          '--json',
        ],
        io,
      ),
    ).toBe(0)
    const result = JSON.parse(io.stdout.join('\n'))
    expect(result.assignments).toHaveLength(12)
    expect(result.assignments[0]).toEqual({ id: 'x0', group: 1 })
    expect(result.quality.rSquared).toBeGreaterThan(0.99)
    // The stability check shows its progress: 20 replicates by default.
    expect(io.bars.at(0)).toBe('Bootstrap 0/20')
    expect(io.bars.at(-1)).toBe('Bootstrap 20/20')
    expect(result.quality.stability).toMatchObject({ replicates: 20, sampleRows: 12 })
    writeFileSync(join(dir, 'bad.csv'), 'id;a\nx;1,5\ny;zwei\n')
    const bad = capture()
    expect(
      await main(['peers', 'form', '--method', 'ward', '--k', '2', '--input', join(dir, 'bad.csv')], bad),
    ).toBe(2)
    // The CLI speaks German first: the catalogue's text of the bad cell, with row and column.
    expect(bad.stderr.join('\n')).toMatch(/Zeile 3, Spalte a: ‚zwei‘: erwartet: eine Zahl/)
  })
})

function encode(text: string) {
  return new TextEncoder().encode(text)
}
