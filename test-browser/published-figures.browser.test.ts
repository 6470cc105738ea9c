/**
 * Official figures as published, through the administrator's Data page on the demo network: a file
 * in the statistics office's layout (the shipped mapping "sgb2-kennzahlen-48a") with two months of
 * K2 for the KCA Main-Kinzig-Kreis — one as the platform computes it, one whose numerator is 10 higher
 * — is checked in a dry run, which shows the reconciliation (one of two values differs), imported,
 * and the figure page then shows the latest published month reconciled. Screenshots go to
 * docs/images/ for docs/published-figures.md.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { buildUiIfMissing, expectAccessible, settle, signInAs, startDemoApp, type DemoApp } from './demo-app'

const IMAGES = join(import.meta.dirname, '../docs/images')
const HEADER =
  'Regionalschlüssel;Jobcenter;Vergleichstyp;Kennzahl;Merkmal;Berichtsmonat;Wert;Zähler;Nenner;Status'

interface ComputedValue {
  /** The office's month, "06/2026". */
  month: string
  numerator: number
  denominator: number
}

let demo: DemoApp
/** The KCA's two latest computed K2 values (total), newest first. */
let computed: ComputedValue[]

beforeAll(async () => {
  buildUiIfMissing()
  demo = await startDemoApp()
  const kca = await demo.database.db
    .selectFrom('organisation_area')
    .select('organisation_id')
    .where('ags5', '=', '06435')
    .executeTakeFirstOrThrow()
  computed = (await demo.database.db
    .selectFrom('kpi_value')
    .select([sql<string>`to_char(period, 'MM/YYYY')`.as('month'), 'numerator', 'denominator'])
    .where('figure_code', '=', 'K2')
    .where('breakdown', '=', 'total')
    .where('organisation_id', '=', kca.organisation_id)
    .where('value', 'is not', null)
    .orderBy('period', 'desc')
    .limit(2)
    .execute()) as ComputedValue[]
  expect(computed).toHaveLength(2)
}, 240_000)

afterAll(async () => {
  await demo?.close()
})

/** A row as the office publishes it: German decimals, the value rounded to one decimal. */
function publishedRow({ month, numerator, denominator }: ComputedValue): string {
  const value = ((numerator / denominator) * 100).toFixed(1).replace('.', ',')
  const count = (x: number) => Math.round(x).toLocaleString('de-DE')
  return [
    '06435',
    'Kommunales Center für Arbeit Main-Kinzig-Kreis',
    'IIIa',
    'K2',
    'Insgesamt',
    month,
    value,
    count(numerator),
    count(denominator),
    'vorläufig',
  ].join(';')
}

describe('published figures on the Data page', () => {
  it('reconciles a publication in the dry run, imports it and shows it on the figure page', async () => {
    const [latest, before] = computed as [ComputedValue, ComputedValue]
    const differing = { ...before, numerator: before.numerator + 10 }
    // Only a numerator 10 higher: the published value stays as computed, the reconciliation sees the
    // numerator (half a unit of its last digit is the tolerance).
    const file = join(mkdtempSync(join(tmpdir(), 'benchlearn-published-')), 'dl_48a_daten.csv')
    const differingRow = publishedRow(differing).split(';')
    differingRow[6] = publishedRow(before).split(';')[6]!
    writeFileSync(file, [HEADER, publishedRow(latest), differingRow.join(';')].join('\n') + '\n')

    const page = await signInAs(demo, 'admin', { path: '/data', heading: 'Daten' })
    await page.getByLabel('Datei', { exact: true }).setInputFiles(file)
    await page.getByLabel('Spaltenzuordnung').selectOption('sgb2-kennzahlen-48a')
    await page.getByRole('button', { name: 'Prüfen (Probelauf)' }).click()
    const reconciliation = page.getByRole('region', { name: 'Abgleich mit der eigenen Berechnung' })
    await reconciliation.waitFor()
    await expect
      .poll(() => reconciliation.getByRole('status').innerText())
      .toBe(
        '2 veröffentlichte Werte haben einen auf der Plattform berechneten Wert; 1 davon weicht über die Rundung hinaus ab.',
      )
    // The file's layout in words, not the server's code.
    expect(await page.locator('.result dl').innerText()).toContain('veröffentlichte Kennzahlen')
    const findings = reconciliation.getByRole('table')
    const row = await findings.getByRole('row').nth(1).locator('th, td').allInnerTexts()
    expect(row.slice(0, 3)).toEqual([
      'Kommunales Center für Arbeit (KCA) Main-Kinzig-Kreis',
      'K2',
      expect.stringMatching(/^\p{L}+ \d{4}$/u),
    ])
    await expectAccessible(page, 'published dry run')
    copyFileSync(await screenshot(page, 'published-dry-run'), join(IMAGES, 'published-dry-run.png'))

    await page.getByRole('button', { name: 'Jetzt importieren' }).click()
    await page.getByText(/Import abgeschlossen/).waitFor()
    await reconciliation.waitFor()
    copyFileSync(
      await screenshot(page, 'published-reconciliation'),
      join(IMAGES, 'published-reconciliation.png'),
    )

    // The figure page reconciles the latest published month: the one that matches.
    await page.goto(`${demo.url}/figures/K2`)
    await settle(page, 60_000)
    const onFigure = page.getByRole('region', { name: 'Abgleich mit der eigenen Berechnung' })
    await onFigure.waitFor()
    expect(await onFigure.getByRole('status').innerText()).toBe(
      '1 veröffentlichter Wert hat einen auf der Plattform berechneten Wert; 0 davon weichen über die Rundung hinaus ab.',
    )
    await expectAccessible(page, 'figure page with a publication')
    copyFileSync(await screenshot(page, 'published-figure-page'), join(IMAGES, 'published-figure-page.png'))
    await page.close()
  })
})
