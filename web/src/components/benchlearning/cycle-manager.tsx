/**
 * Opening, renaming, closing and reopening self-assessment cycles, for moderators and
 * administrators (the page shows it by the session's manageSelfAssessment ability; the server
 * checks the role again and audits every write). A cycle is open from its start to its end date,
 * so closing and reopening move the end date (lib/cycle-dates.ts). Loaded when someone opens it,
 * so that the Self-assessment page's own JavaScript stays small.
 */
import { useId, useState, type FormEvent } from 'react'
import type { CycleDto } from '../../../../src/contracts/self-assessment'
import { createCycle, updateCycle } from '../../api/benchlearning'
import { fieldMessages } from '../../api/describe-error'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { formatDate } from '../../i18n/translate'
import { addDays, closingChange, cycleStatus } from '../../lib/cycle-dates'
import { ActionError, FormSubmit, todayIso, useAction } from './common'

type Field = 'code' | 'name' | 'startsOn' | 'endsOn'
type Values = Record<Field, string>
type Mode = 'new' | 'edit' | 'reopen' | null

const LABELS: Record<Field, MessageKey> = {
  code: 'cycles.code',
  name: 'cycles.name',
  startsOn: 'cycles.startsOn',
  endsOn: 'cycles.endsOn',
}

export default function CycleManager({
  cycle,
  onOpened,
}: {
  /** The cycle the page shows (none before the first one). */
  cycle: CycleDto | undefined
  /** Called with the code of a cycle just opened, so that the page switches to it. */
  onOpened: (code: string) => void
}) {
  const { t, locale } = useI18n()
  const [mode, setMode] = useState<Mode>(cycle ? null : 'new')
  const [done, setDone] = useState<string | null>(null)
  const closing = useAction()
  const today = todayIso()
  const status = cycle ? cycleStatus(cycle, today) : null
  const finish = (message: string) => {
    setMode(null)
    setDone(message)
  }
  const start = (next: Mode) => {
    setDone(null)
    closing.reset()
    setMode(next)
  }
  const close = async (open: CycleDto) => {
    setDone(null)
    if (await closing.run(() => updateCycle(open.id, closingChange(open, today))))
      finish(t('cycles.closed', { name: open.name }))
  }

  return (
    <section className="panel" aria-labelledby="cycle-manager-heading">
      <h2 id="cycle-manager-heading">{t('cycles.title')}</h2>
      {cycle && (
        <p>
          <strong>{cycle.name}</strong> ({cycle.code}): {formatDate(locale, cycle.startsOn)} –{' '}
          {formatDate(locale, cycle.endsOn)} · {t(`selfAssessment.status.${status!}`)}
        </p>
      )}
      {status === 'open' && <p className="hint">{t('cycles.closeHint')}</p>}
      <div className="button-row">
        {cycle && status === 'open' && (
          <button
            type="button"
            className="button secondary"
            disabled={closing.isBusy}
            onClick={() => void close(cycle)}
          >
            {t('cycles.close')}
          </button>
        )}
        {cycle && status === 'closed' && (
          <button type="button" className="button secondary" onClick={() => start('reopen')}>
            {t('cycles.reopen')}
          </button>
        )}
        {cycle && (
          <button type="button" className="button secondary" onClick={() => start('edit')}>
            {t('cycles.edit')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => start('new')}>
          {t('cycles.new')}
        </button>
      </div>
      <ActionError error={closing.error} />
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
      {mode === 'new' && (
        <CycleForm
          key="new"
          fields={['code', 'name', 'startsOn', 'endsOn']}
          initial={{ code: '', name: '', startsOn: today, endsOn: addDays(today, 90) }}
          hint={t('cycles.template')}
          submitLabel={t('cycles.open')}
          onCancel={() => setMode(null)}
          onSubmit={async (values) => {
            const created = await createCycle(values)
            finish(t('cycles.opened', { name: created.name }))
            onOpened(created.code)
          }}
        />
      )}
      {cycle && mode === 'edit' && (
        <CycleForm
          key={`edit-${cycle.id}`}
          fields={['name', 'startsOn', 'endsOn']}
          initial={{ code: cycle.code, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn }}
          submitLabel={t('cycles.save')}
          onCancel={() => setMode(null)}
          onSubmit={async (values) => {
            const saved = await updateCycle(cycle.id, {
              name: values.name,
              startsOn: values.startsOn,
              endsOn: values.endsOn,
            })
            finish(t('cycles.saved', { name: saved.name }))
          }}
        />
      )}
      {cycle && mode === 'reopen' && (
        <CycleForm
          key={`reopen-${cycle.id}`}
          fields={['endsOn']}
          initial={{
            code: cycle.code,
            name: cycle.name,
            startsOn: cycle.startsOn,
            endsOn: addDays(today, 28),
          }}
          minEnd={today}
          submitLabel={t('cycles.reopen')}
          onCancel={() => setMode(null)}
          onSubmit={async (values) => {
            const saved = await updateCycle(cycle.id, { endsOn: values.endsOn })
            finish(t('cycles.reopened', { name: saved.name, date: formatDate(locale, saved.endsOn) }))
          }}
        />
      )}
    </section>
  )
}

/** The fields of a cycle; the server's refusals appear next to the field they name. */
function CycleForm({
  fields,
  initial,
  hint,
  minEnd,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  fields: readonly Field[]
  initial: Values
  hint?: string
  /** The earliest end date the browser offers (reopening: today). */
  minEnd?: string
  submitLabel: string
  onSubmit: (values: Values) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useI18n()
  const id = useId()
  const action = useAction()
  const [values, setValues] = useState(initial)
  const errors = fieldMessages(action.error, fields)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await action.run(() => onSubmit(values))
  }
  return (
    <form className="form" onSubmit={submit}>
      {hint && <p className="hint">{hint}</p>}
      {fields.map((field) => {
        const inputId = `${id}-${field}`
        const isDate = field === 'startsOn' || field === 'endsOn'
        return (
          <div className="field" key={field}>
            <label htmlFor={inputId}>{t(LABELS[field])}</label>
            <input
              id={inputId}
              type={isDate ? 'date' : 'text'}
              required
              maxLength={field === 'code' ? 40 : field === 'name' ? 200 : undefined}
              min={field === 'endsOn' ? (minEnd ?? values.startsOn) : undefined}
              value={values[field]}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={errors[field] ? `${inputId}-error` : undefined}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            />
            {errors[field] && (
              <p id={`${inputId}-error`} className="field-error">
                {errors[field]}
              </p>
            )}
          </div>
        )
      })}
      <FormSubmit action={action} label={submitLabel} shownByField={fields}>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('meetings.cancel')}
        </button>
      </FormSubmit>
    </form>
  )
}
