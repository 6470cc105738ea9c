import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { signIn, useSession } from '../api/resources'
import { Link, navigate, readSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import { Page } from '../components/page'
import { ErrorView, Loading } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import { TextField } from '../components/form-field'

/** Only paths of this app are followed after signing in, never another site. */
function safeNext(location: string): string {
  const next = readSearchParams(location).get('next')
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/'
}

export default function SignInPage({ location }: PageProps) {
  const { t } = useI18n()
  const session = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'failed'; error: unknown }>({
    kind: 'idle',
  })

  if (session.status === 'loading') return <Loading />
  if (session.status === 'success' && session.data.kind === 'unavailable') {
    return (
      <Page title={t('signIn.title')}>
        <p>{t('signIn.unavailable')}</p>
        <p>
          <Link href="/">{t('page.backToStart')}</Link>
        </p>
      </Page>
    )
  }
  if (session.status === 'success' && session.data.kind === 'signed-in') {
    return (
      <Page title={t('signIn.title')}>
        <p>{t('signIn.already', { name: session.data.session.user.name })}</p>
        <p>
          <Link href={safeNext(location)}>{t('signIn.continue')}</Link>
        </p>
      </Page>
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState({ kind: 'working' })
    try {
      await signIn(email.trim(), password)
      navigate(safeNext(location), { replace: true })
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }

  const isWrongCredentials =
    state.kind === 'failed' && state.error instanceof ApiError && state.error.code === 'unauthenticated'

  return (
    <Page title={t('signIn.title')} intro={t('signIn.intro')}>
      <form className="panel form narrow" onSubmit={(event) => void submit(event)} noValidate={false}>
        <TextField
          id="sign-in-email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          id="sign-in-password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        {state.kind === 'failed' &&
          (isWrongCredentials ? (
            <p className="inline-error" role="alert">
              {t('signIn.wrong')}
            </p>
          ) : (
            <ErrorView error={state.error} />
          ))}
        <button type="submit" className="button primary" disabled={state.kind === 'working'}>
          {state.kind === 'working' ? t('signIn.working') : t('signIn.submit')}
        </button>
        <p>
          <Link href="/password-reset">{t('signIn.forgot')}</Link>
        </p>
        <p className="hint">{t('signIn.demoHint')}</p>
      </form>
    </Page>
  )
}
