import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { confirmPasswordReset, requestPasswordReset } from '../api/mail'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import { EmailField, NewPasswordFields, useNewPassword } from '../components/account-fields'
import { Page } from '../components/page'
import { ErrorView } from '../components/state-views'
import { useAction } from '../components/form-field'
import { useI18n } from '../i18n/i18n'
import { useFragmentToken } from '../lib/fragment-token'

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
  const step = useResetStep()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void step.send(() => requestPasswordReset(email.trim()))
  }
  if (step.isDone) return <ResetDone text={t('reset.requested')} />
  return (
    <form className="panel form narrow" onSubmit={submit}>
      <EmailField id="reset-email" value={email} onChange={setEmail} />
      {step.error !== null && <ErrorView error={step.error} />}
      <button type="submit" className="button primary" disabled={step.isBusy}>
        {step.isBusy ? t('reset.working') : t('reset.request')}
      </button>
    </form>
  )
}

function SetPassword({ token, onNewLink }: { token: string; onNewLink: () => void }) {
  const { t } = useI18n()
  const newPassword = useNewPassword()
  const step = useResetStep()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!newPassword.isConfirmed) return
    void step.send(async () => {
      await confirmPasswordReset(token, newPassword.password)
      // The token is spent: it must not stay in the address bar or the history.
      window.history.replaceState(null, '', window.location.pathname)
    })
  }
  if (step.isDone) return <ResetDone text={t('reset.done')} />
  const isInvalidLink =
    step.error instanceof ApiError &&
    step.error.code === 'invalid_input' &&
    step.error.details.some((d) => d.field === 'token')
  return (
    <form className="panel form narrow" onSubmit={submit}>
      <NewPasswordFields idPrefix="reset" value={newPassword} />
      {isInvalidLink ? (
        <p className="inline-error" role="alert">
          {t('reset.invalid')}{' '}
          <button type="button" className="button secondary small" onClick={onNewLink}>
            {t('reset.request')}
          </button>
        </p>
      ) : (
        step.error !== null && <ErrorView error={step.error} />
      )}
      <button type="submit" className="button primary" disabled={step.isBusy || newPassword.isMismatch}>
        {t('reset.save')}
      </button>
    </form>
  )
}

/** One step of the reset: `send` runs the request, and once it succeeded the step is done. */
function useResetStep() {
  const action = useAction()
  const [isDone, setIsDone] = useState(false)
  const send = async (task: () => Promise<unknown>) => {
    if (await action.run(task)) setIsDone(true)
  }
  return { isBusy: action.isBusy, error: action.error, isDone, send }
}

function ResetDone({ text }: { text: string }) {
  const { t } = useI18n()
  return (
    <div className="panel narrow">
      <p role="status">{text}</p>
      <p>
        <Link href="/sign-in">{t('reset.toSignIn')}</Link>
      </p>
    </div>
  )
}
