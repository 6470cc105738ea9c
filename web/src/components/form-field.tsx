/**
 * The parts of a form, the same on every page:
 * - a field: label, control, hint and error, wired to each other (`htmlFor`, `aria-describedby`,
 *   `aria-invalid`); the controls take the value's text in `onChange`;
 * - `useFormValues`: the texts of a form's fields in one state, `field(name)` wiring a control to one;
 * - `useAction` / `FormSubmit` / `ActionError` / `ActionButton`: running a write with its busy and
 *   error state, the submit end of a form and a button that runs one write; `useActionStatus`: a
 *   write that ends in a sentence (saved, or why not);
 * - `ConfirmButton`: a button that asks in a dialog before it acts.
 */
import {
  useCallback,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import { currentUiLanguage } from '../api/client'
import { describeError } from '../api/describe-error'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { loadServerTexts, useServerTexts } from '../i18n/server-texts'

interface FieldFrame {
  /** The control's id; a generated one when left out. */
  id?: string
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  /** Classes besides `field` on the wrapper. */
  className?: string
  /** More ids that describe the control (a hint shared by several fields). */
  describedBy?: string
}

type Control<A> = FieldFrame &
  Omit<A, 'id' | 'onChange' | 'className'> & { onChange: (value: string) => void }

/** Splits a field's props into the frame's and the control's, with ids tying hint and error to it. */
function useField<A>({ id, label, hint, error, className, describedBy, onChange, ...control }: Control<A>) {
  const generated = useId()
  const controlId = id ?? generated
  const described = [describedBy, hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null]
    .filter(Boolean)
    .join(' ')
  return {
    frame: { id: controlId, label, hint, error, className },
    control: {
      ...control,
      id: controlId,
      'aria-describedby': described || undefined,
      'aria-invalid': error ? true : undefined,
      onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    },
  }
}

function Frame({
  id,
  label,
  hint,
  error,
  className,
  children,
}: Omit<FieldFrame, 'describedBy'> & { id: string; children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

export function TextField({ type = 'text', ...props }: Control<InputHTMLAttributes<HTMLInputElement>>) {
  const { frame, control } = useField(props)
  return (
    <Frame {...frame}>
      <input {...control} type={type} />
    </Frame>
  )
}

export function TextAreaField(props: Control<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { frame, control } = useField(props)
  return (
    <Frame {...frame}>
      <textarea {...control} />
    </Frame>
  )
}

/** A choice of one; the options as `<option>` (and `<optgroup>`) children. */
export function SelectField(props: Control<SelectHTMLAttributes<HTMLSelectElement>>) {
  const { frame, control } = useField(props)
  return (
    <Frame {...frame}>
      <select {...control} />
    </Frame>
  )
}

/** An `<option>` for each value in `labels`, in their order, showing the value's text. */
export function LabelledOptions({ labels }: { labels: Readonly<Record<string, MessageKey>> }) {
  const { t } = useI18n()
  return Object.entries(labels).map(([value, label]) => (
    <option key={value} value={value}>
      {t(label)}
    </option>
  ))
}

/**
 * The texts of a form's fields in one state. `field(name)` gives a control its `value` and
 * `onChange`; `set` changes several at once (filling the form from a record, emptying it after a save).
 */
export function useFormValues<K extends string>(initial: Record<K, string> | (() => Record<K, string>)) {
  const [values, setValues] = useState<Record<K, string>>(initial)
  const set = useCallback(
    (changes: Partial<Record<K, string>>) => setValues((before) => ({ ...before, ...changes })),
    [],
  )
  const field = (name: K) => ({
    value: values[name],
    onChange: (value: string) => set({ [name]: value } as Partial<Record<K, string>>),
  })
  return { values, set, field }
}

export interface ActionState {
  isBusy: boolean
  error: unknown
  /** Runs `task`; resolves true when it succeeded. */
  run: (task: () => Promise<unknown>) => Promise<boolean>
  reset: () => void
}

export function useAction(): ActionState {
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(async (task: () => Promise<unknown>) => {
    setIsBusy(true)
    setError(null)
    try {
      await task()
      return true
    } catch (caught) {
      setError(caught)
      return false
    } finally {
      setIsBusy(false)
    }
  }, [])
  const reset = useCallback(() => setError(null), [])
  return { isBusy, error, run, reset }
}

/** The server's refusal next to the control that caused it (without what a form shows by its fields). */
export function ActionError({ error, shownByField }: { error: unknown; shownByField?: readonly string[] }) {
  return error ? <ActionErrorBox error={error} shownByField={shownByField} /> : null
}

function ActionErrorBox({ error, shownByField }: { error: unknown; shownByField?: readonly string[] }) {
  useServerTexts()
  const { t } = useI18n()
  const readable = describeError(t, error, shownByField)
  return (
    <div className="inline-error-box" role="alert">
      <strong>{readable.title}:</strong> {readable.message}
      {readable.lines.length > 0 && (
        <ul>
          {readable.lines.slice(0, 5).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * The end of a form that writes through `action`: the server's refusal, an optional notice, then
 * the submit button, further buttons and, once the write is done, a short note.
 */
export function FormSubmit({
  action,
  label,
  buttonClass = 'button primary',
  shownByField,
  notice,
  doneNote,
  children,
}: {
  action: ActionState
  label: ReactNode
  buttonClass?: string
  shownByField?: readonly string[]
  notice?: ReactNode
  doneNote?: string | false
  children?: ReactNode
}) {
  return (
    <>
      <ActionError error={action.error} shownByField={shownByField} />
      {notice}
      <div className="button-row">
        <button type="submit" className={buttonClass} disabled={action.isBusy}>
          {label}
        </button>
        {children}
        {doneNote && (
          <span role="status" className="muted">
            {doneNote}
          </span>
        )}
      </div>
    </>
  )
}

/** A button that runs `task` through `action`; disabled while a write of the action runs. */
export function ActionButton({
  action,
  task,
  className = 'button secondary',
  ...button
}: {
  action: ActionState
  task: () => Promise<unknown>
  className?: string
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'disabled' | 'onClick' | 'className'>) {
  return (
    <button
      {...button}
      type="button"
      className={className}
      disabled={action.isBusy}
      onClick={() => void action.run(task)}
    />
  )
}

type Status = { kind: 'idle' } | { kind: 'ok' | 'error'; text: string }

/**
 * A write that ends in one sentence: `run` shows what `action` answers, or the server's refusal;
 * `view` is that sentence (a status, or an alert), nothing before the first write.
 */
export function useActionStatus() {
  const { t } = useI18n()
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const run = async (action: () => Promise<string>) => {
    try {
      setStatus({ kind: 'ok', text: await action() })
    } catch (error) {
      await loadServerTexts(currentUiLanguage())
      const readable = describeError(t, error)
      setStatus({ kind: 'error', text: [readable.title, readable.message, ...readable.lines].join(': ') })
    }
  }
  const view =
    status.kind === 'idle' ? null : (
      <p
        role={status.kind === 'error' ? 'alert' : 'status'}
        className={status.kind === 'error' ? 'inline-error' : 'ok-text'}
      >
        {status.text}
      </p>
    )
  return { run, view }
}

/**
 * A button that opens a dialog asking to confirm: `title` and `text` say what will happen,
 * `confirmLabel` does it (`onConfirm`), `keepLabel` closes the dialog and has the focus.
 */
export function ConfirmButton({
  label,
  className = 'button secondary',
  disabled,
  title,
  text,
  confirmLabel,
  keepLabel,
  onConfirm,
}: {
  label: ReactNode
  className?: string
  disabled?: boolean
  title: ReactNode
  text: ReactNode
  confirmLabel: ReactNode
  keepLabel: ReactNode
  onConfirm: () => void
}) {
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const close = () => dialog.current?.close()
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            onClick={() => {
              close()
              onConfirm()
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button secondary" onClick={close} autoFocus>
            {keepLabel}
          </button>
        </div>
      </dialog>
    </>
  )
}
