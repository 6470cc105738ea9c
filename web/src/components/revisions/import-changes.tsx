/**
 * What one import corrected: every value it revised with the value before, the difference and the
 * import that had written the old value. Long lists come in pages (the count says how many there
 * are); each value's full history opens in a dialog.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useImportChanges, useIndicators } from '../../api/resources'
import { useI18n } from '../../i18n/i18n'
import { formatDate, formatDateTime, formatNumber, formatPeriod, pick } from '../../i18n/translate'
import { breakdownLabel } from '../../lib/labels'
import { DataTable } from '../data-table'
import { DownloadButtons } from '../download-buttons'
import { Empty, QueryView } from '../state-views'
import type { TableColumn, TableRow } from '../table-data'
import { importText, valueText, ValueHistoryDialog, type HistoryTarget } from './value-history'

/** Values per page: an import can revise thousands. */
const PAGE = 500

export function ImportChanges({ batchId, onClose }: { batchId: number; onClose: () => void }) {
  const { t, locale } = useI18n()
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [offset, setOffset] = useState(0)
  const changes = useImportChanges(batchId, { limit: PAGE, offset })
  const indicators = useIndicators()
  const [history, setHistory] = useState<HistoryTarget | null>(null)

  // A new import opened: start with one page again and bring the reader to it.
  useEffect(() => {
    setOffset(0)
    heading.current?.focus()
  }, [batchId])

  const nameOf = useMemo(() => {
    const names = new Map(
      (indicators.data?.indicators ?? []).map((i) => [i.code, pick(locale, { de: i.nameDe, en: i.nameEn })]),
    )
    return (code: string) => names.get(code) ?? code
  }, [indicators.data, locale])

  const title =
    changes.status === 'success'
      ? t('revisions.changesTitle', {
          file: changes.data.batch.fileName,
          date: formatDateTime(locale, changes.data.batch.createdAt),
        })
      : t('revisions.changesTitleLoading')

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <div className="panel-actions">
          <button type="button" className="button secondary small" onClick={onClose}>
            {t('revisions.closeChanges')}
          </button>
        </div>
      </div>
      <QueryView query={changes}>
        {(data) => {
          if (data.revisedValues === 0) return <Empty>{t('revisions.noChanges')}</Empty>
          const columns: TableColumn[] = [
            { key: 'organisation', header: t('revisions.organisation') },
            { key: 'indicator', header: t('data.indicator') },
            { key: 'period', header: t('common.period') },
            { key: 'breakdown', header: t('data.breakdown') },
            { key: 'previous', header: t('data.before'), type: 'number' },
            { key: 'value', header: t('data.after'), type: 'number' },
            { key: 'difference', header: t('revisions.difference'), type: 'number' },
            { key: 'previousImport', header: t('revisions.previousImport') },
            { key: 'previousRecordedAt', header: t('revisions.previousRecordedAt') },
          ]
          const rows: TableRow[] = data.changes.map((c) => ({
            key: `${c.organisationId}|${c.indicator}|${c.period}|${c.breakdown}`,
            organisationId: c.organisationId,
            organisation: c.organisationName,
            indicatorCode: c.indicator,
            indicator: nameOf(c.indicator),
            period: c.period,
            breakdownCode: c.breakdown,
            breakdown: breakdownLabel(locale, c.breakdown),
            previous: c.previousValue ?? valueText(t, locale, null, c.previousMissingReason),
            value: c.value ?? valueText(t, locale, null, c.missingReason),
            difference: c.value !== null && c.previousValue !== null ? c.value - c.previousValue : null,
            previousImport: importText(t, c.previousBatchId, c.previousFileName),
            previousRecordedAt: c.previousRecordedAt.slice(0, 10),
          }))
          const shown = data.changes.length
          const caption = t('revisions.changesCaption', { file: data.batch.fileName })
          const openHistory = (row: TableRow) =>
            setHistory({
              org: Number(row.organisationId),
              indicator: String(row.indicatorCode),
              period: String(row.period),
              breakdown: String(row.breakdownCode),
              label: `${row.indicator}, ${formatPeriod(locale, String(row.period))}, ${row.breakdown} – ${row.organisation}`,
            })
          return (
            <>
              <p role="status">
                {shown < data.revisedValues
                  ? t('revisions.countPartial', {
                      count: formatNumber(locale, data.revisedValues, 0),
                      from: formatNumber(locale, data.offset + 1, 0),
                      to: formatNumber(locale, data.offset + shown, 0),
                    })
                  : data.revisedValues === 1
                    ? t('revisions.countOne')
                    : t('revisions.count', { count: formatNumber(locale, data.revisedValues, 0) })}
              </p>
              <DownloadButtons
                data={{ columns, rows }}
                fileName={`${t('revisions.changesFileName')}-${data.batch.fileName}`}
                title={caption}
              />
              <DataTable
                caption={caption}
                columns={[
                  // The previous import and its date in one column (the download has both).
                  ...columns.filter((c) => c.key !== 'previousRecordedAt'),
                  { key: 'history', header: t('revisions.history') },
                ]}
                rows={rows}
                rowKey={(row) => String(row.key)}
                renderCell={(row, column) => {
                  if (column.key === 'period') return formatPeriod(locale, String(row.period))
                  if (column.key === 'previousImport')
                    return t('revisions.importOn', {
                      import: String(row.previousImport),
                      date: formatDate(locale, String(row.previousRecordedAt)),
                    })
                  if (column.key === 'difference' && typeof row.difference === 'number')
                    return `${row.difference > 0 ? '+' : ''}${formatNumber(locale, row.difference, 2)}`
                  if (column.key !== 'history') return undefined
                  return (
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t('revisions.showHistoryOf', {
                        what: `${row.indicator} ${row.period} ${row.breakdown}, ${row.organisation}`,
                      })}
                      onClick={() => openHistory(row)}
                    >
                      {t('revisions.history')}
                    </button>
                  )
                }}
              />
              {shown < data.revisedValues && (
                <div className="button-row">
                  <button
                    type="button"
                    className="button secondary"
                    disabled={data.offset === 0}
                    onClick={() => setOffset(Math.max(0, data.offset - PAGE))}
                  >
                    {t('revisions.previousPage')}
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={data.offset + shown >= data.revisedValues}
                    onClick={() => setOffset(data.offset + PAGE)}
                  >
                    {t('revisions.nextPage')}
                  </button>
                </div>
              )}
            </>
          )
        }}
      </QueryView>
      <ValueHistoryDialog target={history} onClose={() => setHistory(null)} />
    </section>
  )
}
