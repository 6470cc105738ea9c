/**
 * CSV and XLSX downloads of the data a view shows. exceljs is large, so it is imported only when
 * someone clicks "XLSX" and never counts towards a page's load.
 */
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { saveBlob } from '../lib/save-blob'
import { safeFileName, toCsv, type TableData } from './table-data'

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
  const base = safeFileName(fileName)

  const downloadCsv = () =>
    saveBlob(new Blob([toCsv(data, locale)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`)

  const downloadXlsx = async () => {
    setStatus('working')
    try {
      const { buildXlsx } = await import('./xlsx-export')
      saveBlob(await buildXlsx(data, title), `${base}.xlsx`)
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
      {status === 'failed' && (
        <span role="alert" className="inline-error">
          {t('download.failed')}
        </span>
      )}
    </div>
  )
}
