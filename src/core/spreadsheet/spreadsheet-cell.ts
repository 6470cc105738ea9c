/**
 * Cells of every CSV and XLSX file the platform writes (exports, the web UI's downloads) go through
 * here, so that no text a member entered (a file name, an organisation's name, a note) is run by a
 * spreadsheet program as a formula or a DDE command when someone opens the file ("CSV injection").
 * Text starting with = + - @, a tab or a carriage return gets a leading apostrophe, which spreadsheet
 * programs read as "this is text". Numbers are never touched: -5 is a number, not a formula.
 */

export type SpreadsheetValue = string | number | boolean | null

const FORMULA_START = /^[=+\-@\t\r]/

/** The text as a spreadsheet must receive it: prefixed with ' when it would start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** A cell for a workbook: numbers and booleans as they are, text neutralised. */
export function toSpreadsheetCell(value: SpreadsheetValue): SpreadsheetValue {
  return typeof value === 'string' ? neutraliseFormula(value) : value
}

export interface CsvRowOptions {
  separator: ';' | ',' | '\t'
  /** How numbers are written (for example with a decimal comma); default String(n). */
  formatNumber?: (value: number) => string
}

/**
 * One CSV line (without line break): text cells neutralised, then quoted when they hold the
 * separator, a quote or a line break; numbers written by `formatNumber`; null as an empty cell.
 */
export function toCsvRow(values: readonly SpreadsheetValue[], options: CsvRowOptions): string {
  const needsQuotes = (text: string) => text.includes(options.separator) || /["\n\r]/.test(text)
  return values
    .map((value) => {
      if (value === null) return ''
      if (typeof value === 'number') return (options.formatNumber ?? String)(value)
      if (typeof value === 'boolean') return String(value)
      const text = neutraliseFormula(value)
      return needsQuotes(text) ? `"${text.replace(/"/g, '""')}"` : text
    })
    .join(options.separator)
}
