/**
 * The controls above a group comparison (figure page, comparison page): the form they sit in and
 * the pickers both pages offer. The choice lives in the address, so the form never submits.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n'
import { breakdownLabel } from '../../lib/labels'
import { SelectField } from '../form-field'

export function GroupControls({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form className="panel toolbar controls" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  )
}

/** The breakdowns of a series (total, women, …); nothing when there is only one. */
export function BreakdownField({
  id,
  breakdowns,
  value,
  onChange,
}: {
  id: string
  breakdowns: readonly string[]
  value: string
  onChange: (breakdown: string) => void
}) {
  const { t, locale } = useI18n()
  if (breakdowns.length <= 1) return null
  return (
    <SelectField id={id} label={t('compare.breakdown')} value={value} onChange={onChange}>
      {breakdowns.map((b) => (
        <option key={b} value={b}>
          {breakdownLabel(locale, b)}
        </option>
      ))}
    </SelectField>
  )
}

/** One of several named things (organisations, rings), the viewer's own marked. */
export function OwnMarkedField({
  id,
  label,
  items,
  value,
  ownId,
  ownText,
  onChange,
}: {
  id: string
  label: string
  items: readonly { id: number; name: string }[]
  value: number
  ownId: number | null | undefined
  /** "own", "own ring": shown in brackets after the viewer's own. */
  ownText: string
  onChange: (id: string) => void
}) {
  return (
    <SelectField id={id} label={label} value={value} onChange={onChange}>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
          {item.id === ownId ? ` (${ownText})` : ''}
        </option>
      ))}
    </SelectField>
  )
}
