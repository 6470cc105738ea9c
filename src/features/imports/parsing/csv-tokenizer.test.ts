import { describe, expect, it } from 'vitest'
import { detectDelimiter, tokenizeCsv, type CsvRowInfo } from './csv-tokenizer'

function tokenize(text: string, delimiter = ';') {
  const rows: { fields: string[]; info: CsvRowInfo }[] = []
  const result = tokenizeCsv(text, {
    fileName: 'test.csv',
    delimiter,
    onRow: (fields, info) => void rows.push({ fields: fields.slice(), info }),
  })
  return { rows, result }
}

describe('tokenizeCsv', () => {
  it('refills one array for every row, so that no per-row array is made and kept', () => {
    const arrays = new Set<string[]>()
    const seen: string[][] = []
    tokenizeCsv('a;b\n1;2\n"3";4;5\n', {
      fileName: 'test.csv',
      delimiter: ';',
      onRow: (fields) => {
        arrays.add(fields)
        seen.push(fields.slice())
      },
    })
    expect(arrays.size).toBe(1)
    expect(seen).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4', '5'],
    ])
  })

  it('reads quoted separators, line breaks and doubled quotes; rows count as a spreadsheet shows them', () => {
    const { rows } = tokenize('a;b\r\n"x;y";"line\r\nbreak"\r\n\r\n"say ""hi""";\n')
    expect(rows.map((r) => [r.info.row, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['x;y', 'line\r\nbreak']],
      [3, ['']],
      [4, ['say "hi"', '']],
    ])
    expect(rows.at(-1)?.info.isLast).toBe(true)
  })

  it('reads a last row without a line break and a trailing separator', () => {
    expect(tokenize('a,b\n1,', ',').rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', ''],
    ])
    expect(tokenize('a\tb\n1\t2', '\t').rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('reports a quote that never closes with its row and field', () => {
    const { rows, result } = tokenize('a;b\n1;"open\n2;3\n')
    expect(rows).toHaveLength(1)
    expect(result.unterminatedQuote).toEqual({ row: 2, field: 2 })
  })

  it('flags text after a closing quote', () => {
    const { rows } = tokenize('"a"b;c\n')
    expect(rows[0]).toMatchObject({ fields: ['ab', 'c'], info: { strayQuoteField: 1 } })
  })

  it('stops when the callback says so', () => {
    const seen: number[] = []
    tokenizeCsv('1\n2\n3\n', {
      fileName: 'test.csv',
      delimiter: ';',
      onRow: (_, info) => (seen.push(info.row), info.row < 2),
    })
    expect(seen).toEqual([1, 2])
  })
})

describe('detectDelimiter', () => {
  it('picks the most frequent separator outside quotes, preferring ; on ties', () => {
    expect(detectDelimiter('org;indicator;period;value')).toBe(';')
    expect(detectDelimiter('kennziffer,name,zeitbezug')).toBe(',')
    expect(detectDelimiter('a\tb\tc')).toBe('\t')
    expect(detectDelimiter('"a,b,c";d')).toBe(';')
    expect(detectDelimiter('a;b,c')).toBe(';')
  })
})
