/**
 * The history of one value: every revision with when it was recorded and which import wrote it, in
 * a modal dialog that any list of raw values can open for a value with more than one revision.
 */
import { useEffect, useId, useRef } from 'react'
import { useValueRevisions, type ValueKey } from '../../api/resources'
import { useI18n, type I18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { formatDateTime, formatNumber, type Locale } from '../../i18n/translate'
import { DataTable } from '../data-table'
import { DownloadButtons } from '../download-buttons'
import { Empty, QueryView } from '../state-views'
import type { TableColumn, TableRow } from '../table-data'

export interface HistoryTarget extends ValueKey {
  /** What the value is, in words: series, period, breakdown and organisation. */
  label: string
}

type Translate = I18n['t']

/** A value or, for a missing one, its reason in words. */
export function valueText(
  t: Translate,
  locale: Locale,
  value: number | null,
  missingReason: string | null,
): string {
  if (value !== null) return formatNumber(locale, value, 2)
  return missingReason ? t('revisions.missing', { reason: t(`missing.${missingReason}` as MessageKey) }) : '–'
}

/** An import as the reader may know it: its file when it is in their history, else its number. */
export function importText(t: Translate, batchId: number, fileName: string | null): string {
  return fileName ?? t('revisions.importNumber', { id: batchId })
}

/** Opens as a modal when `target` is set; closing (button, Escape) calls `onClose`. */
export function ValueHistoryDialog({
  target,
  onClose,
}: {
  target: HistoryTarget | null
  onClose: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (target && element && !element.open) element.showModal()
  }, [target])
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog history-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{t('revisions.historyTitle')}</h2>
      {target && (
        <>
          <p className="muted">{target.label}</p>
          <History target={target} />
        </>
      )}
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
          {t('revisions.close')}
        </button>
      </div>
    </dialog>
  )
}

function History({ target }: { target: HistoryTarget }) {
  const { t, locale } = useI18n()
  const revisions = useValueRevisions(target)
  return (
    <QueryView query={revisions}>
      {(data) => {
        if (data.revisions.length === 0) return <Empty>{t('revisions.historyEmpty')}</Empty>
        const columns: TableColumn[] = [
          { key: 'revision', header: t('revisions.revision'), type: 'number', digits: 0 },
          { key: 'value', header: t('data.value') },
          { key: 'status', header: t('revisions.status') },
          { key: 'recordedAt', header: t('revisions.recordedAt') },
          { key: 'import', header: t('revisions.import') },
          { key: 'createdBy', header: t('data.by') },
        ]
        const rows: TableRow[] = data.revisions.map((r) => ({
          revision: r.revision,
          value: valueText(t, locale, r.value, r.missingReason),
          status: t(`status.${r.status}`),
          recordedAt: formatDateTime(locale, r.recordedAt),
          import: importText(t, r.batchId, r.fileName),
          createdBy: r.createdBy,
          isCurrent: r.isCurrent ? 1 : 0,
        }))
        const caption = t('revisions.historyCaption', { count: data.revisions.length })
        return (
          <>
            <DownloadButtons
              data={{ columns, rows }}
              fileName={`${target.indicator}-${target.period}-${target.breakdown}-${t('revisions.fileName')}`}
              title={caption}
            />
            <DataTable
              caption={caption}
              columns={columns}
              rows={rows}
              isSortable={false}
              isRowHighlighted={(row) => row.isCurrent === 1}
            />
            <p className="hint">{t('revisions.currentHint')}</p>
          </>
        )
      }}
    </QueryView>
  )
}
