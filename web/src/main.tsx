import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import './styles.css'

createRoot(document.getElementById('root')!, {
  // React recovered from an error in a concurrent render by rendering again; reported with its cause
  // (the production message alone names only React's error number, not what threw).
  onRecoverableError: (error) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined
    reportError(cause ? new Error(`${(error as Error).message} Cause: ${cause.message}`, { cause }) : error)
  },
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
