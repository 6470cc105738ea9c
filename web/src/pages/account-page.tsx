import { useState, type FormEvent } from 'react'
import { describeError } from '../api/describe-error'
import {
  confirmOwnTotpEnrolment,
  disableOwnTotp,
  startOwnTotpEnrolment,
  useSecondFactor,
  type TotpEnrolment,
} from '../api/single-sign-on'
import { TextField } from '../components/form-field'
import { Page } from '../components/page'
import { RecoveryCodes } from '../components/recovery-codes'
import { QueryView } from '../components/state-views'
import { TotpSecret } from '../components/totp-secret'
import { useI18n } from '../i18n/i18n'

/** The own account: the second factor (required for administrators and moderators, optional for members). */
export default function AccountPage() {
  const { t } = useI18n()
  const status = useSecondFactor()
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null)
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const run = async (action: () => Promise<string | null>) => {
    setMessage(null)
    try {
      const text = await action()
      if (text) setMessage({ kind: 'ok', text })
      status.reload()
    } catch (error) {
      const readable = describeError(t, error)
      setMessage({ kind: 'error', text: `${readable.title}: ${readable.message}` })
    }
  }
  const start = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      setEnrolment(await startOwnTotpEnrolment(password))
      setPassword('')
      return null
    })
  }
  const confirm = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      setRecoveryCodes(await confirmOwnTotpEnrolment(code.trim()))
      setEnrolment(null)
      setCode('')
      return null
    })
  }
  const disable = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await disableOwnTotp(password)
      setPassword('')
      return t('secondFactor.disabled')
    })
  }
  const passwordField = (
    <TextField
      id="account-password"
      label={t('secondFactor.password')}
      type="password"
      autoComplete="current-password"
      required
      value={password}
      onChange={setPassword}
    />
  )
  return (
    <Page title={t('secondFactor.title')}>
      <QueryView query={status}>
        {(data) => (
          <section className="panel narrow">
            <p>
              {data.isEnabled
                ? t('secondFactor.on', { count: data.recoveryCodesLeft })
                : t('secondFactor.off')}
            </p>
            {data.isRequired && <p>{t('secondFactor.required')}</p>}
            {!data.isEnabled && !enrolment && (
              <form className="form" onSubmit={start}>
                {passwordField}
                <button type="submit" className="button primary">
                  {t('secondFactor.start')}
                </button>
              </form>
            )}
            {enrolment && (
              <form className="form" onSubmit={confirm}>
                <TotpSecret enrolment={enrolment} />
                <TextField
                  id="account-code"
                  label={t('signIn.code')}
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={setCode}
                />
                <button type="submit" className="button primary">
                  {t('secondFactor.confirm')}
                </button>
              </form>
            )}
            {data.isEnabled && !data.isRequired && (
              <form className="form" onSubmit={disable}>
                {passwordField}
                <button type="submit" className="button secondary">
                  {t('secondFactor.disable')}
                </button>
              </form>
            )}
          </section>
        )}
      </QueryView>
      {recoveryCodes && <RecoveryCodes codes={recoveryCodes} />}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'inline-error' : 'ok-text'}
        >
          {message.text}
        </p>
      )}
    </Page>
  )
}
