import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { confirmPasswordReset, requestPasswordReset } from '../api/mail'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import { EmailField, NewPasswordFields, useNewPassword } from '../components/account-fields'
import { Page } from '../components/page'
import { ErrorView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import { useFragmentToken } from '../lib/fragment-token'

type State = { kind: 'idle' | 'working' | 'done' } | { kind: 'failed'; error: unknown }

/**
 * "Forgot password": without a token, the form that requests a link by mail; with the link's token
 * (in the URL fragment, so it reaches no server log), the form that sets the new password.
 */
export default function PasswordResetPage(_props: PageProps) {
  const { t } = useI18n()
  const [token, forgetToken] = useFragmentToken()
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
      <EmailField id="reset-email" value={email} onChange={setEmail} />
      {state.kind === 'failed' && <ErrorView error={state.error} />}
      <button type="submit" className="button primary" disabled={state.kind === 'working'}>
        {state.kind === 'working' ? t('reset.working') : t('reset.request')}
      </button>
    </form>
  )
}

function SetPassword({ token, onNewLink }: { token: string; onNewLink: () => void }) {
  const { t } = useI18n()
  const newPassword = useNewPassword()
  const [state, setState] = useState<State>({ kind: 'idle' })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!newPassword.isConfirmed) return
    setState({ kind: 'working' })
    try {
      await confirmPasswordReset(token, newPassword.password)
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
      <NewPasswordFields idPrefix="reset" value={newPassword} />
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
      <button
        type="submit"
        className="button primary"
        disabled={state.kind === 'working' || newPassword.isMismatch}
      >
        {t('reset.save')}
      </button>
    </form>
  )
}
