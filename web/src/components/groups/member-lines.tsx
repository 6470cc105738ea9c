/** The members of a group over time: one line each, the highlighted one in colour, and the numbers as a table. */
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n'
import { formatPeriod, formatPeriodShort } from '../../i18n/translate'
import { buildTimeSeriesOption } from '../../lib/chart-options'
import { ChartPanel } from '../chart-panel'
import type { TableRow } from '../table-data'

export interface MemberLine {
  id: number
  name: string
  values: ReadonlyMap<string, number | null>
}

export function MemberLinesPanel({
  title,
  subject,
  periods,
  lines,
  highlightId,
  formatValue,
  digits,
  fileName,
  legend,
}: {
  title: string
  /** What the lines show (the figure's or indicator's name), for the summary. */
  subject: string
  /** In order, oldest first; at least one. */
  periods: readonly string[]
  lines: readonly MemberLine[]
  highlightId: number | null
  formatValue: (value: number) => string
  /** Decimal places in the table. */
  digits: number
  fileName: string
  legend: ReactNode
}) {
  const { t, locale } = useI18n()
  const option = buildTimeSeriesOption(
    periods,
    lines.map((line) => ({
      name: line.name,
      values: periods.map((p) => line.values.get(p) ?? null),
      isHighlighted: line.id === highlightId,
    })),
    { formatValue, formatPeriod: formatPeriodShort },
  )
  return (
    <ChartPanel
      title={title}
      summary={t('compare.lineSummary', {
        name: subject,
        count: lines.length,
        from: formatPeriod(locale, periods[0]!),
        to: formatPeriod(locale, periods.at(-1)!),
      })}
      option={option}
      table={{
        columns: [
          { key: 'period', header: t('common.period') },
          ...lines.map((line) => ({
            key: `m${line.id}`,
            header: line.name,
            type: 'number' as const,
            digits,
          })),
        ],
        rows: [...periods].reverse().map((p) => {
          const row: TableRow = { period: p }
          for (const line of lines) row[`m${line.id}`] = line.values.get(p) ?? null
          return row
        }),
      }}
      fileName={fileName}
      legend={legend}
      tableProps={{
        renderCell: (row, column) =>
          column.key === 'period' ? formatPeriod(locale, String(row.period)) : undefined,
      }}
    />
  )
}
