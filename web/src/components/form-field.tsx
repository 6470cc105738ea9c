/**
 * A form field: label, control, hint and error, wired to each other (`htmlFor`, `aria-describedby`,
 * `aria-invalid`) the same way on every page. The controls take the value's text in `onChange`.
 */
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'

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
