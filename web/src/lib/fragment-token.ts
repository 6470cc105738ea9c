import { useEffect, useState } from 'react'

/**
 * The secret token of a mailed link, carried in the URL fragment so that it reaches no server log.
 * Returns the token and a function that removes it from the address bar and the history (once it is
 * spent, or when the person wants a new link).
 */
export function useFragmentToken(): [token: string, forget: () => void] {
  const [token, setToken] = useState(() => window.location.hash.slice(1))
  // A link opened in a tab that shows the page already changes only the fragment.
  useEffect(() => {
    const follow = () => setToken(window.location.hash.slice(1))
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  const forget = () => {
    window.history.replaceState(null, '', window.location.pathname)
    setToken('')
  }
  return [token, forget]
}
