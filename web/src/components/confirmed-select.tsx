/**
 * A select whose change takes effect only when saved: choosing another option (with the mouse or
 * an arrow key) makes a draft; "Speichern" applies it, "Verwerfen" goes back. For settings whose
 * change is consequential (an account's role, a ring's sharing, a status others see), so that one
 * key press on a focused control never changes them.
 */
import { useEffect, useId, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'

export function ConfirmedSelect({
  label,
  value,
  onSave,
  disabled,
  children,
}: {
  /** The accessible name of the select ("Rolle von Lena Leitung"); the buttons name it too. */
  label: string
  /** The saved value. */
  value: string
  onSave: (value: string) => Promise<unknown> | void
  disabled?: boolean
  /** The `<option>`s. */
  children: ReactNode
}) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(value)
  const [isSaving, setIsSaving] = useState(false)
  const pendingId = useId()
  // A new saved value (after the save, or changed elsewhere) replaces the draft.
  useEffect(() => setDraft(value), [value])
  const isChanged = draft !== value
  const save = async () => {
    setIsSaving(true)
    try {
      await onSave(draft)
    } finally {
      setIsSaving(false)
    }
  }
  return (
    <span className="confirmed-select">
      <select
        aria-label={label}
        aria-describedby={isChanged ? pendingId : undefined}
        value={draft}
        disabled={disabled || isSaving}
        onChange={(e) => setDraft(e.target.value)}
      >
        {children}
      </select>
      {isChanged && (
        <>
          <span id={pendingId} className="visually-hidden">
            {t('confirm.pending')}
          </span>
          <button
            type="button"
            className="button primary small"
            aria-label={t('confirm.saveOf', { what: label })}
            disabled={disabled || isSaving}
            onClick={() => void save()}
          >
            {t('confirm.save')}
          </button>
          <button
            type="button"
            className="button secondary small"
            aria-label={t('confirm.discardOf', { what: label })}
            disabled={isSaving}
            onClick={() => setDraft(value)}
          >
            {t('confirm.discard')}
          </button>
        </>
      )}
    </span>
  )
}
