/**
 * An accessible data table: a caption, column headers with scope, sortable columns as buttons that
 * announce their state through aria-sort, numbers right-aligned in the reader's locale. Cells can be
 * rendered richly (links, marks) while sorting and downloads use the plain values.
 *
 * The one responsive table of the UI: headers and cells wrap, the first column stays in view while a
 * wide table scrolls inside its own box (never the page), and below 600 px a table of four or more
 * columns becomes a stack of cards, one per row, each cell under its column's name (styles.css,
 * "responsive tables"), so no page scrolls sideways on a phone.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'
import { formatNumber } from '../i18n/translate'
import { columnDigits, sortRows, type CellValue, type TableColumn, type TableRow } from './table-data'
import { ToggleButton } from './toggle-button'
import { TableScroll } from './table-scroll'

export interface DataTableProps {
  caption: string
  /** Shown to screen readers only, e.g. when a heading already says the same. */
  isCaptionHidden?: boolean
  columns: TableColumn[]
  rows: TableRow[]
  /** Rich content for a cell; falls back to the formatted value. */
  renderCell?: (row: TableRow, column: TableColumn) => ReactNode | undefined
  /** Emphasised row (e.g. the own organisation). */
  isRowHighlighted?: (row: TableRow) => boolean
  rowKey?: (row: TableRow, index: number) => string
  isSortable?: boolean
  initialSort?: { key: string; direction: 'ascending' | 'descending' }
  maxRows?: number
  /**
   * On a phone: `stack` shows each row as a card, `scroll` keeps the table (scrolling in its box).
   * Default: stack from four columns on.
   */
  narrowLayout?: 'stack' | 'scroll'
}

/** Tables with at least this many columns become cards on a phone unless told otherwise. */
const STACK_FROM_COLUMNS = 4

export function DataTable({
  caption,
  isCaptionHidden,
  columns,
  rows,
  renderCell,
  isRowHighlighted,
  rowKey,
  isSortable = true,
  initialSort,
  maxRows,
  narrowLayout,
}: DataTableProps) {
  const { t, locale } = useI18n()
  const [sort, setSort] = useState(initialSort)
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key)
    return column ? sortRows(rows, column, sort.direction, locale) : rows
  }, [rows, columns, sort, locale])
  const visible = maxRows ? sorted.slice(0, maxRows) : sorted

  const format = (value: CellValue, column: TableColumn): string => {
    if (value === null || value === undefined) return '–'
    if (typeof value === 'number')
      return formatNumber(locale, value, columnDigits(column), column.isFixed ? columnDigits(column) : 0)
    return value
  }

  return (
    <TableScroll label={caption}>
      <table
        className={
          (narrowLayout ?? (columns.length >= STACK_FROM_COLUMNS ? 'stack' : 'scroll')) === 'stack'
            ? 'data-table stackable'
            : 'data-table'
        }
      >
        <caption className={isCaptionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const direction = sort?.key === column.key ? sort.direction : undefined
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={direction ?? (isSortable ? 'none' : undefined)}
                  className={column.type === 'number' ? 'numeric' : undefined}
                >
                  {isSortable ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        setSort({
                          key: column.key,
                          direction: direction === 'ascending' ? 'descending' : 'ascending',
                        })
                      }
                    >
                      {column.header}
                      <span className="sort-mark" aria-hidden="true">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                      <span className="visually-hidden">, {t('table.sort')}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {visible.map((row, index) => (
            <tr
              key={rowKey ? rowKey(row, index) : index}
              className={isRowHighlighted?.(row) ? 'highlighted' : undefined}
            >
              {columns.map((column, columnIndex) => {
                const content = renderCell?.(row, column) ?? format(row[column.key] ?? null, column)
                const className = column.type === 'number' ? 'numeric' : undefined
                return columnIndex === 0 ? (
                  <th key={column.key} scope="row" className={className} data-label={column.header}>
                    {content}
                  </th>
                ) : (
                  <td key={column.key} className={className} data-label={column.header}>
                    {content}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {maxRows !== undefined && sorted.length > maxRows && (
        <p className="table-note">{t('table.truncated', { shown: maxRows, total: sorted.length })}</p>
      )}
    </TableScroll>
  )
}

/** The button that shows or hides the table next to a chart or map. */
export function TableToggle({
  isShown,
  tableId,
  onToggle,
}: {
  isShown: boolean
  tableId: string
  onToggle: (isShown: boolean) => void
}) {
  const { t } = useI18n()
  return (
    <ToggleButton className="button secondary small" isOpen={isShown} controls={tableId} onToggle={onToggle}>
      {isShown ? t('chart.hideTable') : t('chart.showTable')}
    </ToggleButton>
  )
}
