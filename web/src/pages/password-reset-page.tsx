import { useEffect, useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { confirmPasswordReset, requestPasswordReset } from '../api/mail'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import { TextField } from '../components/form-field'
import { Page } from '../components/page'
import { ErrorView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'

type State = { kind: 'idle' | 'working' | 'done' } | { kind: 'failed'; error: unknown }

/**
 * "Forgot password": without a token, the form that requests a link by mail; with the link's token
 * (in the URL fragment, so it reaches no server log), the form that sets the new password.
 */
export default function PasswordResetPage(_props: PageProps) {
  const { t } = useI18n()
  const [token, setToken] = useState(() => window.location.hash.slice(1))
  // A link opened in a tab that shows this page already changes only the fragment.
  useEffect(() => {
    const follow = () => setToken(window.location.hash.slice(1))
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  const forgetToken = () => {
    window.history.replaceState(null, '', window.location.pathname)
    setToken('')
  }
  return (
    <Page title={t('reset.title')} intro={token ? t('reset.setIntro') : t('reset.intro')}>
      {token ? <SetPassword token={token} onNewLink={forgetToken} /> : <RequestLink />}
    </Page>
  )
}

function RequestLink() {
  const { t } = useI18n()
  const [email, setEmail] = useState('')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState({ kind: 'working' })
    try {
      await requestPasswordReset(email.trim())
      setState({ kind: 'done' })
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }
  if (state.kind === 'done')
    return (
      <div className="panel narrow">
        <p role="status">{t('reset.requested')}</p>
        <p>
          <Link href="/sign-in">{t('reset.toSignIn')}</Link>
        </p>
      </div>
    )
  return (
    <form className="panel form narrow" onSubmit={(event) => void submit(event)}>
      <TextField
        id="reset-email"
        label={t('reset.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={setEmail}
      />
      {state.kind === 'failed' && <ErrorView error={state.error} />}
      <button type="submit" className="button primary" disabled={state.kind === 'working'}>
        {state.kind === 'working' ? t('reset.working') : t('reset.request')}
      </button>
    </form>
  )
}

function SetPassword({ token, onNewLink }: { token: string; onNewLink: () => void }) {
  const { t } = useI18n()
  const [password, setPassword] = useState('')
  const [repeated, setRepeated] = useState('')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const isMismatch = repeated !== '' && repeated !== password
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (password !== repeated) return
    setState({ kind: 'working' })
    try {
      await confirmPasswordReset(token, password)
      // The token is spent: it must not stay in the address bar or the history.
      window.history.replaceState(null, '', window.location.pathname)
      setState({ kind: 'done' })
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }
  if (state.kind === 'done')
    return (
      <div className="panel narrow">
        <p role="status">{t('reset.done')}</p>
        <p>
          <Link href="/sign-in">{t('reset.toSignIn')}</Link>
        </p>
      </div>
    )
  const isInvalidLink =
    state.kind === 'failed' &&
    state.error instanceof ApiError &&
    state.error.code === 'invalid_input' &&
    state.error.details.some((d) => d.field === 'token')
  return (
    <form className="panel form narrow" onSubmit={(event) => void submit(event)}>
      <TextField
        id="reset-password"
        label={t('reset.password')}
        hint={t('reset.passwordHint')}
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
        value={password}
        onChange={setPassword}
      />
      <TextField
        id="reset-repeat"
        label={t('reset.confirm')}
        type="password"
        autoComplete="new-password"
        required
        value={repeated}
        onChange={setRepeated}
        error={isMismatch ? t('reset.mismatch') : undefined}
      />
      {isInvalidLink ? (
        <p className="inline-error" role="alert">
          {t('reset.invalid')}{' '}
          <button type="button" className="button secondary small" onClick={onNewLink}>
            {t('reset.request')}
          </button>
        </p>
      ) : (
        state.kind === 'failed' && <ErrorView error={state.error} />
      )}
      <button type="submit" className="button primary" disabled={state.kind === 'working' || isMismatch}>
        {t('reset.save')}
      </button>
    </form>
  )
}
