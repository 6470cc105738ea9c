/**
 * Generated and mutated import files for the fuzz tests (features/imports: parse-fuzz.test.ts, import-fuzz.db.test.ts):
 * CSV with broken encodings, quotes, separators, huge numbers, odd periods, empty cells and long
 * lines, binary garbage, and XLSX workbooks cut short or with flipped bytes. Deterministic per seed.
 */
import ExcelJS from 'exceljs'
import { createRandom, drawItem as pick, type Random } from '../core/random'

export interface FuzzInput {
  fileName: string
  bytes: Uint8Array
  /** How it was made, for the failure message. */
  recipe: string
}

const KEYS = ['06435', '6435', '064350000', 'DE719', '99999', '', 'x', '06435 ', '"06435"', '0643']
const INDICATORS = ['elb', 'ELB', 'llu', 'integrations', 'population', 'nope', '', 'elb;elb', 'é']
const PERIODS = [
  '2023-01',
  '01/2023',
  'Januar 2023',
  '2023',
  '2099-12',
  '1900-01',
  '2023-13',
  '2023-00',
  '0000-01',
  '99999-01',
  '',
  '2023-1',
  '2004-12',
  '2023-01-15',
]
const VALUES = [
  '10',
  '1.234,5',
  '1,234.5',
  '-5',
  '0',
  `1${'0'.repeat(400)}`,
  '1e309',
  'NaN',
  'Infinity',
  '-',
  '.',
  '*',
  '',
  '12abc',
  '٣',
  '0x10',
  '1 000',
  '+7',
]
const SEPARATORS = [';', ',', '\t', '|', ';;', '']
const NOISE = ['"', '""', '\r', '\n', '\u0000', '\uFEFF', '\uFFFD', 'Ã¤', '\u00e4', '\\', "'", '=1+2']

function csvText(random: Random): string {
  const separator = pick(random, SEPARATORS.slice(0, 4))
  const header = pick(random, [
    ['org', 'indicator', 'period', 'value'],
    ['ags', 'indicator', 'period', 'breakdown', 'value'],
    ['Kennziffer', 'Kennzahl', 'Monat', 'Wert'],
    ['org', 'indicator', 'period'],
    ['org', 'org', 'period', 'value'],
    [],
  ])
  const lines = [header.join(separator)]
  const rows = Math.floor(random() * 20)
  for (let r = 0; r < rows; r++) {
    const cells = [pick(random, KEYS), pick(random, INDICATORS), pick(random, PERIODS), pick(random, VALUES)]
    if (header.length === 5) cells.splice(3, 0, pick(random, ['total', 'women', 'x', '']))
    if (random() < 0.2) cells.push(pick(random, VALUES))
    if (random() < 0.1) cells.pop()
    let line = cells.join(random() < 0.1 ? pick(random, SEPARATORS) : separator)
    if (random() < 0.15) line = line.replace(/;|,/, pick(random, NOISE))
    if (random() < 0.03) line += 'x'.repeat(Math.floor(random() * 200_000))
    lines.push(line)
  }
  return lines.join(pick(random, ['\n', '\r\n', '\r']))
}

function encode(random: Random, text: string): Uint8Array {
  const utf8 = new TextEncoder().encode(text)
  const choice = random()
  if (choice < 0.15) {
    // Latin-1 bytes (what Excel on Windows writes), or a BOM in front.
    return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff))
  }
  if (choice < 0.25) return Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])
  if (choice < 0.3)
    return Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, 0])])
  return utf8
}

function mutate(random: Random, bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes)
  const kind = random()
  if (kind < 0.35 && out.length > 0) {
    const flips = 1 + Math.floor(random() * 8)
    for (let i = 0; i < flips; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256)
    return out
  }
  if (kind < 0.7) return out.subarray(0, Math.floor(random() * out.length))
  return out
}

function garbage(random: Random): Uint8Array {
  const length = Math.floor(random() * 4096)
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256)
  if (random() < 0.3 && length > 4) bytes.set([0x50, 0x4b, 0x03, 0x04]) // a zip header, then nothing sensible
  return bytes
}

/** CSV-like inputs and binary garbage: cheap to parse, so there can be thousands. */
export function generateCsvInputs(seed: number, count: number): FuzzInput[] {
  const random = createRandom(seed)
  const inputs: FuzzInput[] = []
  for (let i = 0; i < count; i++) {
    if (random() < 0.08) {
      inputs.push({
        fileName: pick(random, ['data.csv', 'data.txt', 'x']),
        bytes: garbage(random),
        recipe: `#${i} garbage`,
      })
      continue
    }
    const text = csvText(random)
    const bytes = random() < 0.3 ? mutate(random, encode(random, text)) : encode(random, text)
    inputs.push({
      fileName: pick(random, ['values.csv', 'values.tsv', 'Werte.CSV']),
      bytes,
      recipe: `#${i} csv`,
    })
  }
  return inputs
}

async function workbookBytes(random: Random): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(pick(random, ['Daten', 'Sheet1', 'Tabelle 1']))
  sheet.addRow(['ags', 'indicator', 'period', 'value'])
  const rows = Math.floor(random() * 12)
  for (let r = 0; r < rows; r++) {
    const value = pick(random, VALUES)
    sheet.addRow([
      pick(random, KEYS),
      pick(random, INDICATORS),
      pick(random, PERIODS),
      random() < 0.5 && value !== '' && Number.isFinite(Number(value)) ? Number(value) : value,
    ])
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** Workbooks, whole or cut short or with flipped bytes (XLSX parsing is slower: fewer of them). */
export async function generateXlsxInputs(seed: number, count: number): Promise<FuzzInput[]> {
  const random = createRandom(seed)
  const inputs: FuzzInput[] = []
  for (let i = 0; i < count; i++) {
    const whole = await workbookBytes(random)
    const bytes = random() < 0.3 ? whole : mutate(random, whole)
    inputs.push({
      fileName: 'values.xlsx',
      bytes,
      recipe: `#${i} xlsx (${bytes.length} of ${whole.length} bytes)`,
    })
  }
  return inputs
}
