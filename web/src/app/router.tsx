/**
 * A minimal history router: the path is external state (the address bar), read with
 * useSyncExternalStore; links are real <a href> so they work with the keyboard, middle click and
 * "open in new tab", and only plain left clicks are taken over.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

const NAVIGATE_EVENT = 'benchlearn:navigate'

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(NAVIGATE_EVENT, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(NAVIGATE_EVENT, listener)
  }
}

const readLocation = () => window.location.pathname + window.location.search

/** Path plus query string, e.g. "/compare?indicator=elb". */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, readLocation, () => '/')
}

/** Set by navigation so the next page moves focus to its heading (not on the first load). */
let isFocusRequested = false
if (typeof window !== 'undefined') window.addEventListener('popstate', () => (isFocusRequested = true))

export function consumeFocusRequest(): boolean {
  const requested = isFocusRequested
  isFocusRequested = false
  return requested
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === readLocation()) return
  // A new page gets focus on its heading; replacing the address (filters, redirects) keeps focus.
  isFocusRequested = !options.replace
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/** Matches "/organisations/:id" against "/organisations/36"; returns the parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean)
  const pathParts = path.split('?')[0]!.split('/').filter(Boolean)
  if (patternParts.length !== pathParts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i]!
    const actual = pathParts[i]!
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(actual)
    else if (expected !== actual) return null
  }
  return params
}

export function readSearchParams(location: string): URLSearchParams {
  const index = location.indexOf('?')
  return new URLSearchParams(index >= 0 ? location.slice(index + 1) : '')
}

/** Replaces some query parameters of the current address (undefined removes one). */
export function withSearchParams(location: string, changes: Record<string, string | undefined>): string {
  const path = location.split('?')[0]!
  const params = readSearchParams(location)
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(key)
    else params.set(key, value)
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }

export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    )
      return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={handleClick} {...rest} />
}
