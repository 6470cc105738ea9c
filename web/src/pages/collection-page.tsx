import { useState, type FormEvent } from 'react'
import type { CollectionDto, SaveCollectionFormRequest } from '../../../src/contracts/collections'
import { ServerText } from '../i18n/server-texts'
import {
  closeCollection,
  remindCollectionMembers,
  reopenCollectionSubmission,
  saveCollectionForm,
  submitCollectionForm,
  templateUrl,
  uploadCollectionWorkbook,
  useCollection,
  useCollectionForm,
  useCollectionMatrix,
  useCollectionResults,
  type CollectionForm,
} from '../api/collections'
import { downloadFile } from '../api/benchlearning'
import type { PageProps } from '../app/routes'
import { ActionError, useAction } from '../components/benchlearning/common'
import { ActionButton } from '../components/form-field'
import { CollectionResultsTable } from '../components/collections/collection-results'
import '../components/collections/collections.css'
import { CollectionReminder } from '../components/collections/collection-reminder'
import { Page } from '../components/page'
import { QueryView } from '../components/state-views'
import { TableScroll } from '../components/table-scroll'
import { collectionsTexts } from '../i18n/collections-texts'
import { useI18n, useTexts } from '../i18n/i18n'
import { formatDate, formatDateTime, formatNumber, formatPeriod, pick } from '../i18n/translate'
import { breakdownLabel } from '../lib/labels'

/**
 * One data collection: its instructions and indicators; the own organisation's form (with the
 * previous period's values, the plausibility findings, the Excel template); for the moderation
 * the completion matrix with reminders, reopening and closing; once closed, the results.
 */
export default function CollectionPage({ params }: PageProps) {
  useTexts(collectionsTexts)
  const { t, locale } = useI18n()
  const id = Number(params.id)
  const collection = useCollection(id)
  return (
    <QueryView query={collection}>
      {(c) => (
        <Page title={c.title} intro={c.isDemo ? t('collections.demo') : undefined}>
          <p className="muted">
            {t('collections.deadline')}: {formatDate(locale, c.deadline)} · {t('collections.periods')}:{' '}
            {c.periods.join(', ')} ·{' '}
            <span className="status-badge">{t(`collections.status.${c.status}`)}</span>
            {c.isOverdue && ` · ${t('collections.overdue')}`} ·{' '}
            {t('collections.submittedCount', { submitted: c.submittedCount, total: c.organisationCount })}
          </p>
          <CollectionReminder collection={c} />
          {c.instructions && (
            <section className="panel">
              <h2>{t('collections.instructions')}</h2>
              <p style={{ whiteSpace: 'pre-line' }}>{c.instructions}</p>
            </section>
          )}
          <section className="panel">
            <h2>{t('collections.indicators')}</h2>
            <ul>
              {c.indicators.map((i) => (
                <li key={i.code}>
                  <strong>{pick(locale, { de: i.nameDe, en: i.nameEn })}</strong> ({i.code}, {i.unit}) ·{' '}
                  {t(`collections.polarity.${i.polarity}`)}
                  {(i.allowedMin !== null || i.allowedMax !== null) &&
                    ` · ${t('collections.range', {
                      min: i.allowedMin === null ? '–' : formatNumber(locale, i.allowedMin),
                      max: i.allowedMax === null ? '–' : formatNumber(locale, i.allowedMax),
                    })}`}
                  {pick(locale, { de: i.definitionDe, en: i.definitionEn }) && (
                    <span className="muted">
                      {' '}
                      – {pick(locale, { de: i.definitionDe, en: i.definitionEn })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
          {c.status === 'closed' && <Results id={c.id} />}
          {c.own && <OwnForm collection={c} organisationId={c.own.organisationId} />}
          {c.canManage && <Moderation collection={c} />}
        </Page>
      )}
    </QueryView>
  )
}

function Results({ id }: { id: number }) {
  const { t } = useI18n()
  const results = useCollectionResults(id)
  return (
    <section className="panel" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('collections.results')}</h2>
      <QueryView query={results}>{(data) => <CollectionResultsTable results={data} />}</QueryView>
    </section>
  )
}

function OwnForm({ collection, organisationId }: { collection: CollectionDto; organisationId: number }) {
  const form = useCollectionForm(collection.id, organisationId)
  return (
    <QueryView query={form}>
      {(data) => (
        <FormTable
          key={data.status === 'submitted' ? `submitted ${data.submittedAt}` : 'editing'}
          collection={collection}
          form={data}
        />
      )}
    </QueryView>
  )
}

type CellDraft = { value: string; comment: string }
const keyOf = (c: { indicator: string; period: string; breakdown: string }) =>
  `${c.indicator}|${c.period}|${c.breakdown}`

function FormTable({ collection, form }: { collection: CollectionDto; form: CollectionForm }) {
  const { t, locale } = useI18n()
  const action = useAction()
  const [current, setCurrent] = useState(form)
  const [notice, setNotice] = useState<string | null>(null)
  const [invalid, setInvalid] = useState<string | null>(null)
  const [drafts, setDrafts] = useState(
    () =>
      new Map<string, CellDraft>(
        form.cells.map((c) => [
          keyOf(c),
          {
            value: c.value === null ? '' : String(c.value).replace('.', locale === 'de' ? ',' : '.'),
            comment: c.comment,
          },
        ]),
      ),
  )
  const names = new Map(
    collection.indicators.map((i) => [i.code, pick(locale, { de: i.nameDe, en: i.nameEn })]),
  )
  const set = (key: string, patch: Partial<CellDraft>) => {
    setNotice(null)
    setDrafts((before) => new Map(before).set(key, { ...before.get(key)!, ...patch }))
  }
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setInvalid(null)
    const cells: SaveCollectionFormRequest['cells'] = []
    for (const cell of current.cells) {
      const draft = drafts.get(keyOf(cell))!
      const text = draft.value.trim()
      const value = text === '' ? null : Number(text.replace(/\s/g, '').replace(',', '.'))
      if (value !== null && !Number.isFinite(value)) return setInvalid(t('collections.notNumber', { text }))
      cells.push({
        indicator: cell.indicator,
        period: cell.period,
        breakdown: cell.breakdown,
        value,
        comment: draft.comment,
      })
    }
    await action.run(async () => {
      setCurrent(await saveCollectionForm(collection.id, { organisationId: form.organisation.id, cells }))
      setNotice(t('collections.saved'))
    })
  }
  const submit = () =>
    action.run(async () => {
      setCurrent(await submitCollectionForm(collection.id, form.organisation.id))
    })
  const upload = (file: File) =>
    action.run(async () => {
      const saved = await uploadCollectionWorkbook(collection.id, form.organisation.id, file)
      setCurrent(saved)
      setDrafts(
        new Map(
          saved.cells.map((c) => [
            keyOf(c),
            { value: c.value === null ? '' : String(c.value), comment: c.comment },
          ]),
        ),
      )
      setNotice(t('collections.uploaded'))
    })
  const isEditable = current.isEditable
  return (
    <section className="panel" aria-labelledby="form-heading">
      <h2 id="form-heading">{t('collections.formFor', { name: current.organisation.name })}</h2>
      <p className="muted">
        <span className="status-badge">{t(`collections.own.${current.status}`)}</span>
        {current.submittedAt &&
          ` · ${t('collections.submitted', { date: formatDateTime(locale, current.submittedAt) })}`}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            action.run(() =>
              downloadFile(
                templateUrl(collection.id, form.organisation.id),
                `erhebung-${collection.id}.xlsx`,
              ),
            )
          }
        >
          {t('collections.template')}
        </button>
        {isEditable && (
          <label className="button secondary">
            {t('collections.upload')}
            <input
              type="file"
              accept=".xlsx"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) void upload(file)
                e.target.value = ''
              }}
            />
          </label>
        )}
      </div>
      <form className="collection-form" onSubmit={save}>
        <TableScroll label={t('collections.formFor', { name: current.organisation.name })}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('collections.col.indicator')}</th>
                <th scope="col">{t('collections.col.period')}</th>
                <th scope="col">{t('collections.col.breakdown')}</th>
                <th scope="col" className="numeric">
                  {t('collections.col.previous')}
                </th>
                <th scope="col">{t('collections.col.value')}</th>
                <th scope="col">{t('collections.col.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {current.cells.map((cell) => {
                const key = keyOf(cell)
                const draft = drafts.get(key)!
                const labelParams = {
                  indicator: names.get(cell.indicator) ?? cell.indicator,
                  period: cell.period,
                  breakdown: breakdownLabel(locale, cell.breakdown),
                }
                return (
                  <tr key={key}>
                    <th scope="row">{names.get(cell.indicator)}</th>
                    <td>{cell.period}</td>
                    <td>{breakdownLabel(locale, cell.breakdown)}</td>
                    <td className="numeric">
                      {cell.previousValue === null ? '–' : formatNumber(locale, cell.previousValue)}
                    </td>
                    <CellInput
                      inputMode="decimal"
                      label={t('collections.valueLabel', labelParams)}
                      isEditable={isEditable}
                      maxLength={30}
                      value={draft.value}
                      onChange={(value) => set(key, { value })}
                    />
                    <CellInput
                      className="comment"
                      label={t('collections.commentLabel', labelParams)}
                      isEditable={isEditable}
                      maxLength={1000}
                      value={draft.comment}
                      onChange={(comment) => set(key, { comment })}
                    />
                  </tr>
                )
              })}
            </tbody>
          </table>
        </TableScroll>
        {current.findings.length > 0 && (
          <div aria-labelledby="findings-heading">
            <h3 id="findings-heading">{t('collections.findings')}</h3>
            <p className="hint">{t('collections.findingsHint')}</p>
            <ul>
              {current.findings.map((f) => {
                const comment = drafts.get(keyOf(f))?.comment.trim()
                return (
                  <li key={`${f.code}|${keyOf(f)}`} className={`finding ${f.severity}`}>
                    <strong>{t(`collections.severity.${f.severity}`)}:</strong> {names.get(f.indicator)}{' '}
                    {formatPeriod(locale, f.period)} – <ServerText sent={f} />
                    {f.severity === 'warning' && comment && ` (${t('collections.commented')})`}
                  </li>
                )
              })}
            </ul>
          </div>
        )}
        {invalid && (
          <p className="inline-error-box" role="alert">
            {invalid}
          </p>
        )}
        <ActionError error={action.error} />
        {isEditable && (
          <div className="button-row">
            <button type="submit" className="button secondary" disabled={action.isBusy}>
              {t('collections.save')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={action.isBusy || current.status !== 'draft'}
              onClick={() => void submit()}
            >
              {t('collections.submit')}
            </button>
            {notice && (
              <span role="status" className="muted">
                {notice}
              </span>
            )}
          </div>
        )}
      </form>
    </section>
  )
}

/** One editable cell of the form table, named for screen readers by `label`. */
function CellInput({
  label,
  isEditable,
  onChange,
  ...input
}: {
  label: string
  isEditable: boolean
  value: string
  maxLength: number
  onChange: (value: string) => void
  inputMode?: 'decimal'
  className?: string
}) {
  return (
    <td>
      <input
        {...input}
        aria-label={label}
        disabled={!isEditable}
        onChange={(e) => onChange(e.target.value)}
      />
    </td>
  )
}

function Moderation({ collection }: { collection: CollectionDto }) {
  const { t, locale } = useI18n()
  const matrix = useCollectionMatrix(collection.id)
  const action = useAction()
  const [notice, setNotice] = useState<string | null>(null)
  const isOpen = collection.status === 'open'
  return (
    <section className="panel" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t('collections.matrix')}</h2>
      <p className="hint">{t('collections.matrixHint')}</p>
      <QueryView query={matrix}>
        {(data) => (
          <>
            <TableScroll label={t('collections.matrix')}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('collections.col.organisation')}</th>
                    <th scope="col">{t('collections.status')}</th>
                    {data.indicators.map((code) => (
                      <th scope="col" key={code}>
                        {code}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="visually-hidden">{t('collections.reopen')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={row.organisation.id}>
                      <th scope="row">{row.organisation.name}</th>
                      <td>
                        {t(`collections.own.${row.status}`)}
                        {row.remindedAt &&
                          ` · ${t('collections.remindedAt', { date: formatDate(locale, row.remindedAt.slice(0, 10)) })}`}
                      </td>
                      {row.cells.map((cell) => (
                        <td key={cell.indicator}>
                          <span className={`matrix-state state-${cell.state}`}>
                            {t(`collections.state.${cell.state}`)}
                          </span>
                        </td>
                      ))}
                      <td>
                        {isOpen && row.status === 'submitted' && (
                          <button
                            type="button"
                            className="button secondary"
                            aria-label={`${t('collections.reopen')}: ${row.organisation.name}`}
                            onClick={() =>
                              void action.run(() =>
                                reopenCollectionSubmission(collection.id, row.organisation.id),
                              )
                            }
                          >
                            {t('collections.reopen')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <h3>{t('collections.warnings')}</h3>
            {data.rows.every((r) => r.warnings.length === 0) ? (
              <p className="muted">{t('collections.noWarnings')}</p>
            ) : (
              <ul>
                {data.rows.flatMap((row) =>
                  row.warnings.map((w) => (
                    <li key={`${row.organisation.id}|${w.code}|${keyOf(w)}`}>
                      <strong>{row.organisation.name}</strong>: <ServerText sent={w} />
                      {w.comment ? ` – „${w.comment}“` : ` – ${t('collections.state.warning')}`}
                    </li>
                  )),
                )}
              </ul>
            )}
          </>
        )}
      </QueryView>
      <ActionError error={action.error} />
      {isOpen && (
        <div className="button-row">
          <ActionButton
            action={action}
            task={async () => {
              const reminded = await remindCollectionMembers(collection.id)
              setNotice(t('collections.reminded', { count: reminded.reminded }))
            }}
          >
            {t('collections.remindLate')}
          </ActionButton>
          <button
            type="button"
            className="button primary"
            disabled={action.isBusy}
            onClick={() => {
              if (!window.confirm(t('collections.closeConfirm'))) return
              void action.run(async () => {
                const closed = await closeCollection(collection.id)
                setNotice(t('collections.closed', { count: closed.valuesWritten }))
              })
            }}
          >
            {t('collections.close')}
          </button>
          {notice && (
            <span role="status" className="muted">
              {notice}
            </span>
          )}
        </div>
      )}
      {!isOpen && notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
    </section>
  )
}
