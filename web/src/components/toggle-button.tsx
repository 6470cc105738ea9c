import type { ReactNode } from 'react'

/**
 * A button that shows or hides a part of the page: it says whether that part is open
 * (`aria-expanded`), names it (`aria-controls`, where it is always in the page) and flips it.
 */
export function ToggleButton({
  isOpen,
  onToggle,
  controls,
  className = 'button secondary',
  children,
}: {
  isOpen: boolean
  onToggle: (isOpen: boolean) => void
  controls?: string
  className?: string
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className={className}
      aria-expanded={isOpen}
      aria-controls={controls}
      onClick={() => onToggle(!isOpen)}
    >
      {children}
    </button>
  )
}
