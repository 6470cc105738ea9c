import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { signIn, useSession } from '../api/resources'
import { Link, navigate, readSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import { Page } from '../components/page'
import { ErrorView, Loading } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import { CurrentPasswordField, EmailField, TotpCodeField } from '../components/account-fields'
import { secondFactorDemandOf, startTotpEnrolment, type TotpEnrolment } from '../api/single-sign-on'
import { RecoveryCodes } from '../components/recovery-codes'
import { SsoChoices } from '../components/sso-choices'
import { TotpSecret } from '../components/totp-secret'
import type { MessageKey } from '../i18n/messages'

/** What the server asks for after a right password (the `code` detail of its answer). */
const DEMANDS: Record<string, MessageKey> = {
  code_required: 'signIn.code.code_required',
  code_wrong: 'signIn.code.code_wrong',
  enrolment_required: 'signIn.code.enrolment_required',
}

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
  const [code, setCode] = useState('')
  const [demand, setDemand] = useState<string | null>(null)
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null)
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
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
  if (recoveryCodes) {
    return (
      <Page title={t('signIn.title')}>
        <RecoveryCodes
          codes={recoveryCodes}
          onContinue={() => navigate(safeNext(location), { replace: true })}
        />
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
      const opened = await signIn(email.trim(), password, demand ? code.trim() : undefined)
      if (opened.recoveryCodes) return setRecoveryCodes(opened.recoveryCodes)
      navigate(safeNext(location), { replace: true })
    } catch (error) {
      const asked = secondFactorDemandOf(error)
      setCode('')
      if (asked) {
        setDemand(asked)
        setState({ kind: 'idle' })
      } else setState({ kind: 'failed', error })
    }
  }

  const enrol = async () => {
    setState({ kind: 'working' })
    try {
      setEnrolment(await startTotpEnrolment(email.trim(), password))
      setState({ kind: 'idle' })
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }
  const isCodeAsked = demand !== null && (demand !== 'enrolment_required' || enrolment !== null)

  const isWrongCredentials =
    state.kind === 'failed' && state.error instanceof ApiError && state.error.code === 'unauthenticated'

  return (
    <Page title={t('signIn.title')} intro={t('signIn.intro')}>
      <form className="panel form narrow" onSubmit={(event) => void submit(event)} noValidate={false}>
        <EmailField id="sign-in-email" value={email} onChange={setEmail} />
        <CurrentPasswordField id="sign-in-password" value={password} onChange={setPassword} />
        {demand && DEMANDS[demand] && (
          <p className={demand === 'code_wrong' ? 'inline-error' : undefined} role="alert">
            {t(DEMANDS[demand])}
          </p>
        )}
        {demand === 'enrolment_required' && !enrolment && (
          <button type="button" className="button secondary" onClick={() => void enrol()}>
            {t('signIn.enrolStart')}
          </button>
        )}
        {enrolment && <TotpSecret enrolment={enrolment} />}
        {isCodeAsked && <TotpCodeField id="sign-in-code" value={code} onChange={setCode} />}
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
      <SsoChoices />
    </Page>
  )
}
