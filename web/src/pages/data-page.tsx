import { useId, useRef, useState, type FormEvent } from 'react'
import type { ImportSummaryDto } from '../../../src/contracts/imports'
import type { PublishedFiguresSummaryDto } from '../../../src/contracts/published-figures'
import { ReconciliationTable } from '../components/published/reconciliation-table'
import { ApiError } from '../api/client'
import { describeError } from '../api/describe-error'
import { uploadImport, useImportBatches, useMappings, useSession } from '../api/resources'
import { can } from '../app/access'
import { navigate, readSearchParams, withSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import { DataTable } from '../components/data-table'
import { Page } from '../components/page'
import { ImportChanges } from '../components/revisions/import-changes'
import { Empty, ErrorView, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { useI18n } from '../i18n/i18n'
import { formatDateTime, formatNumber, formatPeriod, pick } from '../i18n/translate'
import { breakdownLabel } from '../lib/labels'
import { SelectField } from '../components/form-field'
import { renderSent, useServerTexts } from '../i18n/server-texts'

type UploadState =
  | { kind: 'idle' }
  | { kind: 'uploading'; isDryRun: boolean; share: number }
  | { kind: 'done'; summary: ImportSummaryDto | PublishedFiguresSummaryDto }
  | { kind: 'failed'; error: unknown }

/**
 * Data for analysts: upload with a column mapping, a dry run with row-level errors, the history, and
 * what one import corrected (`?import=<id>`, so the view can be linked and survives a reload).
 */
export default function DataPage({ location }: PageProps) {
  const { t } = useI18n()
  const session = useSession()
  const state = session.data
  const opened = Number(readSearchParams(location).get('import'))
  const openedId = Number.isInteger(opened) && opened > 0 ? opened : null
  const openChanges = (batchId: number | null) =>
    navigate(withSearchParams(location, { import: batchId === null ? undefined : String(batchId) }), {
      replace: true,
    })
  const canViewImports = state !== undefined && can(state, 'viewImports')
  return (
    <Page
      title={t('data.title')}
      intro={state && can(state, 'uploadData') ? t('data.intro') : t('data.introHistoryOnly')}
    >
      {state && can(state, 'uploadData') && (
        <Upload
          onOpenChanges={canViewImports ? openChanges : undefined}
          canImportOrganisationLists={can(state, 'manageNetwork')}
        />
      )}
      {canViewImports && openedId !== null && (
        <ImportChanges batchId={openedId} onClose={() => closeChanges(openedId, openChanges)} />
      )}
      {canViewImports && <History onOpenChanges={openChanges} />}
    </Page>
  )
}

/** Closes the corrections and gives the focus back to the button of that import in the history. */
function closeChanges(batchId: number, openChanges: (batchId: number | null) => void) {
  openChanges(null)
  requestAnimationFrame(() => document.getElementById(changesButtonId(batchId))?.focus())
}

const changesButtonId = (batchId: number) => `import-changes-${batchId}`

function Upload({
  onOpenChanges,
  canImportOrganisationLists,
}: {
  onOpenChanges?: (batchId: number) => void
  /** Lists of organisations change the whole network: their mappings are offered to the administration only. */
  canImportOrganisationLists: boolean
}) {
  const { t, locale } = useI18n()
  const mappings = useMappings()
  const fileInput = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [mapping, setMapping] = useState('')
  const [upload, setUpload] = useState<UploadState>({ kind: 'idle' })
  const statusId = useId()

  const run = async (isDryRun: boolean) => {
    if (!file) return
    setUpload({ kind: 'uploading', isDryRun, share: 0 })
    try {
      const summary = await uploadImport(file, {
        isDryRun,
        mapping: mapping || undefined,
        onProgress: (share) => setUpload({ kind: 'uploading', isDryRun, share }),
      })
      setUpload({ kind: 'done', summary })
    } catch (error) {
      setUpload({ kind: 'failed', error })
    }
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    void run(submitter?.value !== 'import')
  }

  const isBusy = upload.kind === 'uploading'
  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('data.upload')}</h2>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          <div className="field">
            <label htmlFor="upload-file">{t('data.file')}</label>
            <input
              ref={fileInput}
              id="upload-file"
              type="file"
              accept=".csv,.txt,.tsv,.xlsx"
              required
              aria-describedby="upload-file-hint"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null)
                setUpload({ kind: 'idle' })
              }}
            />
            <p id="upload-file-hint" className="hint">
              {t('data.fileHint')}
            </p>
          </div>
          <SelectField
            id="upload-mapping"
            label={t('data.mapping')}
            value={mapping}
            onChange={setMapping}
            hint={
              <>
                {mappings.status === 'error' ? (
                  <MappingsFailed error={mappings.error} />
                ) : (
                  t('data.mappingHint')
                )}
              </>
            }
          >
            <option value="">{t('data.mappingAuto')}</option>
            {mappings.status === 'success' &&
              mappings.data.mappings
                .filter((m) => m.kind === 'observations' || canImportOrganisationLists)
                .map((m) => (
                  <option key={m.name} value={m.name}>
                    {m.name} – {pick(locale, m.description)}
                  </option>
                ))}
          </SelectField>
        </div>
        <div className="button-row">
          <button
            type="submit"
            name="action"
            value="dry-run"
            className="button primary"
            disabled={!file || isBusy}
          >
            {t('data.dryRun')}
          </button>
          <button
            type="submit"
            name="action"
            value="import"
            className="button secondary"
            disabled={!file || isBusy}
          >
            {t('data.import')}
          </button>
        </div>
      </form>
      <div id={statusId} aria-live="polite" className="upload-status">
        {upload.kind === 'uploading' && (
          <div className="progress">
            <label htmlFor="upload-progress">
              {upload.share < 1
                ? t('data.uploading', { percent: formatNumber(locale, upload.share * 100, 0) })
                : upload.isDryRun
                  ? t('data.checking')
                  : t('data.importing')}
            </label>
            <progress id="upload-progress" max={1} value={upload.share < 1 ? upload.share : undefined} />
          </div>
        )}
      </div>
      {upload.kind === 'done' && (
        <ImportResult
          summary={upload.summary}
          onImport={
            upload.summary.isDryRun && upload.summary.rowsRejected === 0 ? () => void run(false) : undefined
          }
          onOpenChanges={onOpenChanges}
        />
      )}
      {upload.kind === 'failed' && <UploadError error={upload.error} />}
    </section>
  )
}

const FORMAT_KEYS = {
  long: 'data.formatLong',
  'wide-periods': 'data.formatWidePeriods',
  'wide-indicators': 'data.formatWideIndicators',
  'published-figures': 'data.formatPublished',
  'organisation-list': 'data.formatOrganisationList',
} as const

/** The file's layout in words; a layout this page does not know yet is shown as the server names it. */
function formatLabel(t: ReturnType<typeof useI18n>['t'], format: string): string {
  return format in FORMAT_KEYS ? t(FORMAT_KEYS[format as keyof typeof FORMAT_KEYS]) : format
}

function ImportResult({
  summary,
  onImport,
  onOpenChanges,
}: {
  summary: ImportSummaryDto | PublishedFiguresSummaryDto
  onImport?: () => void
  onOpenChanges?: (batchId: number) => void
}) {
  const { t, locale } = useI18n()
  const importMessage = useImportMessage()
  const n = (value: number) => formatNumber(locale, value, 0)
  const title = summary.isDryRun
    ? t('data.dryRunResult', { file: summary.fileName })
    : t('data.importResult', { file: summary.fileName })
  return (
    <section
      className={`result ${summary.rowsRejected > 0 ? 'has-errors' : 'is-ok'}`}
      aria-labelledby="result-heading"
    >
      <h3 id="result-heading" tabIndex={-1}>
        {title}
      </h3>
      <p role="status">
        {summary.isDryRun
          ? summary.rowsRejected > 0
            ? t('data.dryRunErrors', { count: n(summary.rowsRejected) })
            : t('data.dryRunOk', { count: n(summary.rowsImported) })
          : t('data.importOk', { count: n(summary.rowsImported) })}
      </p>
      <dl className="facts stats">
        <div>
          <dt>{t('data.format')}</dt>
          <dd>{formatLabel(t, summary.format)}</dd>
        </div>
        <div>
          <dt>{t('data.rowsRead')}</dt>
          <dd>{n(summary.rowsRead)}</dd>
        </div>
        {'valuesRead' in summary && (
          <div>
            <dt>{t('data.valuesRead')}</dt>
            <dd>{n(summary.valuesRead)}</dd>
          </div>
        )}
        <div>
          <dt>{t('data.newValues')}</dt>
          <dd>{n(summary.newValues)}</dd>
        </div>
        <div>
          <dt>{t('data.revisedValues')}</dt>
          <dd>{n(summary.revisedValues)}</dd>
        </div>
        <div>
          <dt>{t('data.unchanged')}</dt>
          <dd>{n(summary.rowsUnchanged)}</dd>
        </div>
        <div>
          <dt>{t('data.rejected')}</dt>
          <dd>{n(summary.rowsRejected)}</dd>
        </div>
      </dl>
      {summary.notices.length > 0 && (
        <ul className="notices">
          {summary.notices.map((notice, i) => (
            <li key={i}>
              {importMessage(notice)} ({n(notice.count)})
              {notice.keys && notice.keys.length > 0 && (
                <span className="muted">: {notice.keys.join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {summary.errors.length > 0 && <ErrorTable errors={summary.errors} caption={t('data.errorsCaption')} />}
      {'reconciliation' in summary && summary.errors.length === 0 && (
        <ReconciliationTable reconciliation={summary.reconciliation} />
      )}
      {'changes' in summary && summary.changes.length > 0 && (
        <DataTable
          caption={t('data.changesCaption', {
            shown: Math.min(100, summary.changes.length),
            total: n(summary.changes.length),
          })}
          columns={[
            { key: 'organisationId', header: t('data.organisationId'), type: 'number', digits: 0 },
            { key: 'indicator', header: t('data.indicator') },
            { key: 'period', header: t('common.period') },
            { key: 'breakdown', header: t('data.breakdown') },
            { key: 'before', header: t('data.before'), type: 'number' },
            { key: 'after', header: t('data.after'), type: 'number' },
          ]}
          rows={summary.changes.slice(0, 100).map((c) => ({
            ...c,
            period: formatPeriod(locale, c.period),
            breakdown: breakdownLabel(locale, c.breakdown),
            before: c.before === null ? t('data.new') : c.before,
          }))}
        />
      )}
      {onImport && (
        <button type="button" className="button primary" onClick={onImport}>
          {t('data.importNow')}
        </button>
      )}
      {onOpenChanges && summary.batchId !== null && summary.revisedValues > 0 && (
        <button type="button" className="button secondary" onClick={() => onOpenChanges(summary.batchId!)}>
          {t('revisions.openChangesOf', { file: summary.fileName })}
        </button>
      )}
    </section>
  )
}

interface ServerMessage {
  message: string
  /** A key of the server catalogue (src/core/messages). */
  messageKey?: string
  /** Error details name their catalogue key `key`. */
  key?: string
  params?: Record<string, string | number>
}

/** A server message in the reader's language where the server sent its key, else as sent. */
function useImportMessage(): (m: ServerMessage) => string {
  useServerTexts()
  const { locale } = useI18n()
  return (m) => renderSent(locale, { ...m, key: m.key ?? m.messageKey })
}

function ErrorTable({
  errors,
  caption,
}: {
  errors: (ServerMessage & { row?: number; column?: string; value?: string })[]
  caption: string
}) {
  const { t } = useI18n()
  const importMessage = useImportMessage()
  const rows: TableRow[] = errors.slice(0, 200).map((e) => ({
    row: e.row ?? null,
    column: e.column ?? null,
    value: e.value ?? null,
    message: importMessage(e),
  }))
  return (
    <DataTable
      caption={
        errors.length > 200
          ? `${caption} (${t('table.truncated', { shown: 200, total: errors.length })})`
          : caption
      }
      columns={[
        { key: 'row', header: t('data.row'), type: 'number', digits: 0 },
        { key: 'column', header: t('data.column') },
        { key: 'value', header: t('data.value') },
        { key: 'message', header: t('data.message') },
      ]}
      rows={rows}
      isSortable={false}
    />
  )
}

/** The mappings could not be loaded: the server's reason, in the UI language. */
function MappingsFailed({ error }: { error: unknown }) {
  useServerTexts()
  const { t } = useI18n()
  return <>{t('data.mappingsFailed', { message: describeError(t, error).message })}</>
}

function UploadError({ error }: { error: unknown }) {
  useServerTexts()
  const { t } = useI18n()
  if (error instanceof ApiError && error.details.some((d) => d.row !== undefined)) {
    const readable = describeError(t, error)
    return (
      <div className="result has-errors" role="alert">
        <p className="state-title">{readable.title}</p>
        <p>{readable.message}</p>
        <ErrorTable errors={error.details} caption={t('data.errorsCaption')} />
      </div>
    )
  }
  return <ErrorView error={error} />
}

function History({ onOpenChanges }: { onOpenChanges: (batchId: number) => void }) {
  const { t, locale } = useI18n()
  const batches = useImportBatches()
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('data.history')}</h2>
      <QueryView query={batches}>
        {(data) =>
          data.batches.length === 0 ? (
            <Empty>{t('data.historyEmpty')}</Empty>
          ) : (
            <DataTable
              caption={t('data.history')}
              isCaptionHidden
              columns={[
                { key: 'createdAt', header: t('data.when') },
                { key: 'fileName', header: t('data.file') },
                // Next to the file, so that it needs no scrolling on narrow screens.
                { key: 'changes', header: t('revisions.openChanges') },
                { key: 'mapping', header: t('data.mapping') },
                { key: 'createdBy', header: t('data.by') },
                { key: 'rowsRead', header: t('data.rowsRead'), type: 'number', digits: 0 },
                { key: 'rowsImported', header: t('data.imported'), type: 'number', digits: 0 },
                { key: 'rowsUnchanged', header: t('data.unchanged'), type: 'number', digits: 0 },
                { key: 'rowsRejected', header: t('data.rejected'), type: 'number', digits: 0 },
              ]}
              rows={data.batches.map((b) => ({
                id: b.id,
                createdAt: b.createdAt,
                // The generated demo network has no file; its batch is named in the reader's language.
                fileName:
                  b.format === 'generated'
                    ? renderSent(locale, { message: b.fileName, key: 'demo.networkName' })
                    : b.fileName,
                mapping: b.mapping,
                createdBy: b.createdBy,
                rowsRead: b.rowsRead,
                rowsImported: b.rowsImported,
                rowsUnchanged: b.rowsUnchanged,
                rowsRejected: b.rowsRejected,
                changes: null,
              }))}
              rowKey={(row) => String(row.id)}
              initialSort={{ key: 'createdAt', direction: 'descending' }}
              renderCell={(row, column) => {
                if (column.key === 'createdAt') return formatDateTime(locale, String(row.createdAt))
                if (column.key !== 'changes' || row.rowsImported === 0) return undefined
                return (
                  <button
                    type="button"
                    id={changesButtonId(Number(row.id))}
                    className="button secondary small"
                    aria-label={t('revisions.openChangesOf', { file: String(row.fileName) })}
                    onClick={() => onOpenChanges(Number(row.id))}
                  >
                    {t('revisions.openChanges')}
                  </button>
                )
              }}
            />
          )
        }
      </QueryView>
    </section>
  )
}
