/**
 * A chart with everything around it: a heading, the drawing, a button that shows the same numbers as
 * a table, and CSV/XLSX downloads of those numbers.
 */
import { useId, useState, type ReactNode } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import { DataTable, TableToggle, type DataTableProps } from './data-table'
import { DownloadButtons } from './download-buttons'
import { EChart, type ChartsLoader } from './echart'
import type { TableData } from './table-data'

export interface ChartPanelProps {
  title: string
  summary: string
  option: EChartsCoreOption
  table: TableData
  fileName: string
  height?: number
  /** Controls above the chart (e.g. the group switch). */
  toolbar?: ReactNode
  tableProps?: Pick<DataTableProps, 'renderCell' | 'isRowHighlighted' | 'initialSort'>
  legend?: ReactNode
  /** Other series than bar and line: the loader of their ECharts parts (see EChart). */
  loadCharts?: ChartsLoader
}

export function ChartPanel({
  title,
  summary,
  option,
  table,
  fileName,
  height,
  toolbar,
  tableProps,
  legend,
  loadCharts,
}: ChartPanelProps) {
  const [isTableShown, setIsTableShown] = useState(false)
  const headingId = useId()
  const tableId = useId()
  return (
    <section className="panel chart-panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{title}</h2>
        <div className="panel-actions">
          <TableToggle isShown={isTableShown} tableId={tableId} onToggle={setIsTableShown} />
          <DownloadButtons data={table} fileName={fileName} title={title} />
        </div>
      </div>
      {toolbar}
      <EChart option={option} summary={summary} height={height} loadCharts={loadCharts} />
      {legend}
      <div id={tableId} hidden={!isTableShown}>
        {isTableShown && (
          <DataTable caption={title} columns={table.columns} rows={table.rows} {...tableProps} />
        )}
      </div>
    </section>
  )
}
