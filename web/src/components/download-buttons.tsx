/**
 * CSV and XLSX downloads of the data a view shows. exceljs is large, so it is imported only when
 * someone clicks "XLSX" and never counts towards a page's load. Numbers are rounded as the page
 * shows them; the unrounded values come as extra columns only when the reader ticks the box.
 */
import { useId, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { saveBlob } from '../lib/save-blob'
import { forDownload, safeFileName, toCsv, type TableData } from './table-data'

export function DownloadButtons({
  data,
  fileName,
  title,
}: {
  data: TableData
  fileName: string
  title: string
}) {
  const { t, locale } = useI18n()
  const [status, setStatus] = useState<'idle' | 'working' | 'failed'>('idle')
  const [withRaw, setWithRaw] = useState(false)
  const rawId = useId()
  const base = safeFileName(fileName)
  const hasNumbers = data.columns.some((column) => column.type === 'number')
  const file = () => forDownload(data, withRaw ? (header) => t('download.rawColumn', { header }) : undefined)

  const downloadCsv = () =>
    saveBlob(new Blob([toCsv(file(), locale)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`)

  const downloadXlsx = async () => {
    setStatus('working')
    try {
      const { buildXlsx } = await import('./xlsx-export')
      saveBlob(await buildXlsx(file(), title), `${base}.xlsx`)
      setStatus('idle')
    } catch {
      setStatus('failed')
    }
  }

  return (
    <div className="download-buttons" role="group" aria-label={t('download.group', { title })}>
      <button type="button" className="button secondary small" onClick={downloadCsv}>
        {t('download.csv')}
      </button>
      <button
        type="button"
        className="button secondary small"
        onClick={() => void downloadXlsx()}
        aria-busy={status === 'working'}
        disabled={status === 'working'}
      >
        {status === 'working' ? t('download.working') : t('download.xlsx')}
      </button>
      {hasNumbers && (
        <span className="download-raw">
          <input
            id={rawId}
            type="checkbox"
            checked={withRaw}
            onChange={(e) => setWithRaw(e.target.checked)}
          />
          <label htmlFor={rawId}>{t('download.raw')}</label>
        </span>
      )}
      {status === 'failed' && (
        <span role="alert" className="inline-error">
          {t('download.failed')}
        </span>
      )}
    </div>
  )
}
