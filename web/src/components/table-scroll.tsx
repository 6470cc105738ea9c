/**
 * The box of a table that may be wider than the screen: it scrolls sideways on its own, never the
 * page. It is a focusable region (so keyboard users can scroll it) named "Tabelle: <name>", so it
 * never repeats the name of the section around it (two landmarks with one name confuse screen-reader
 * users). Every table box of the UI is this component.
 */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="table-scroll" role="region" aria-label={t('table.region', { name: label })} tabIndex={0}>
      {children}
    </div>
  )
}
