/**
 * The frame of every page: one h1, the document title, and focus on the heading after a client-side
 * navigation so screen-reader and keyboard users start at the new content.
 */
import { useEffect, useRef, type ReactNode } from 'react'
import { consumeFocusRequest } from '../app/router'

export function Page({
  title,
  intro,
  actions,
  children,
}: {
  title: string
  intro?: ReactNode
  actions?: ReactNode
  children: ReactNode
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} – benchlearn`
  }, [title])
  useEffect(() => {
    if (consumeFocusRequest()) heading.current?.focus()
  }, [])
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {intro && <p className="page-intro">{intro}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  )
}
