import { useState, type FormEvent, type ReactNode } from 'react'
import type { MailDeliveryChoice, MailPreferenceKind } from '../../../src/contracts/mail'
import { changeOwnPassword } from '../api/account'
import { currentUiLanguage } from '../api/client'
import { describeError } from '../api/describe-error'
import { updateMailPreference, useMailPreferences } from '../api/mail'
import {
  confirmOwnTotpEnrolment,
  disableOwnTotp,
  startOwnTotpEnrolment,
  useSecondFactor,
  useSignInMethods,
  type TotpEnrolment,
} from '../api/single-sign-on'
import type { PageProps } from '../app/routes'
import {
  CurrentPasswordField,
  NewPasswordFields,
  TotpCodeField,
  useNewPassword,
} from '../components/account-fields'
import { LabelledOptions } from '../components/form-field'
import { Page } from '../components/page'
import { RecoveryCodes } from '../components/recovery-codes'
import { QueryView } from '../components/state-views'
import { TotpSecret } from '../components/totp-secret'
import { useI18n } from '../i18n/i18n'
import { loadServerTexts } from '../i18n/server-texts'
import { formatDate } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'

type Message = { kind: 'ok' | 'error'; text: string } | null

/** Runs a section's action and turns its outcome into the section's message. */
function useAction() {
  const { t } = useI18n()
  const [message, setMessage] = useState<Message>(null)
  const run = async (action: () => Promise<string | null>) => {
    setMessage(null)
    try {
      const text = await action()
      if (text) setMessage({ kind: 'ok', text })
    } catch (error) {
      await loadServerTexts(currentUiLanguage())
      const readable = describeError(t, error)
      setMessage({ kind: 'error', text: `${readable.title}: ${readable.message}` })
    }
  }
  return { message, run }
}

function MessageLine({ message }: { message: Message }) {
  if (!message) return null
  return (
    <p
      role={message.kind === 'error' ? 'alert' : 'status'}
      className={message.kind === 'error' ? 'inline-error' : 'ok-text'}
    >
      {message.text}
    </p>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel narrow" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  )
}

const SECTIONS: readonly { id: string; title: MessageKey }[] = [
  { id: 'account-password', title: 'account.password' },
  { id: 'account-second-factor', title: 'secondFactor.title' },
  { id: 'account-methods', title: 'account.methods' },
  { id: 'account-mail', title: 'settings.mail' },
]

/**
 * The own account in one place (`/account`; `/settings` leads here): the password, the second factor
 * (required for administrators and moderators, optional for members) and how each kind of message
 * reaches the person.
 */
export default function AccountPage(_props: PageProps) {
  const { t } = useI18n()
  return (
    <Page title={t('account.title')} intro={t('account.intro')}>
      <nav aria-label={t('account.sections')} className="section-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PasswordSection />
      <SecondFactorSection />
      <SignInMethodsSection />
      <MailSection />
    </Page>
  )
}

function PasswordSection() {
  const { t } = useI18n()
  const [current, setCurrent] = useState('')
  const newPassword = useNewPassword()
  const { message, run } = useAction()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!newPassword.isConfirmed) return
    void run(async () => {
      await changeOwnPassword(current, newPassword.password)
      setCurrent('')
      newPassword.clear()
      return t('account.passwordChanged')
    })
  }
  return (
    <Section id="account-password" title={t('account.password')}>
      <form className="form" onSubmit={submit}>
        <CurrentPasswordField
          id="account-current-password"
          label={t('secondFactor.password')}
          value={current}
          onChange={setCurrent}
        />
        <NewPasswordFields idPrefix="account-new" value={newPassword} />
        <button type="submit" className="button primary" disabled={newPassword.isMismatch}>
          {t('account.changePassword')}
        </button>
      </form>
      <MessageLine message={message} />
    </Section>
  )
}

function SecondFactorSection() {
  const { t } = useI18n()
  const status = useSecondFactor()
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null)
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const { message, run } = useAction()
  const act = (event: FormEvent, action: () => Promise<string | null>) => {
    event.preventDefault()
    void run(async () => {
      const text = await action()
      status.reload()
      return text
    })
  }
  const passwordField = (
    <CurrentPasswordField
      id="account-password-2fa"
      label={t('secondFactor.password')}
      value={password}
      onChange={setPassword}
    />
  )
  return (
    <Section id="account-second-factor" title={t('secondFactor.title')}>
      <QueryView query={status}>
        {(data) => (
          <>
            <p>
              {data.isEnabled
                ? t('secondFactor.on', { count: data.recoveryCodesLeft })
                : t('secondFactor.off')}
            </p>
            {data.isRequired && <p>{t('secondFactor.required')}</p>}
            {!data.isEnabled && !enrolment && (
              <form
                className="form"
                onSubmit={(event) =>
                  act(event, async () => {
                    setEnrolment(await startOwnTotpEnrolment(password))
                    setPassword('')
                    return null
                  })
                }
              >
                {passwordField}
                <button type="submit" className="button primary">
                  {t('secondFactor.start')}
                </button>
              </form>
            )}
            {enrolment && (
              <form
                className="form"
                onSubmit={(event) =>
                  act(event, async () => {
                    setRecoveryCodes(await confirmOwnTotpEnrolment(code.trim()))
                    setEnrolment(null)
                    setCode('')
                    return null
                  })
                }
              >
                <TotpSecret enrolment={enrolment} />
                <TotpCodeField id="account-code" value={code} onChange={setCode} />
                <button type="submit" className="button primary">
                  {t('secondFactor.confirm')}
                </button>
              </form>
            )}
            {data.isEnabled && !data.isRequired && (
              <form
                className="form"
                onSubmit={(event) =>
                  act(event, async () => {
                    await disableOwnTotp(password)
                    setPassword('')
                    return t('secondFactor.disabled')
                  })
                }
              >
                {passwordField}
                <button type="submit" className="button secondary">
                  {t('secondFactor.disable')}
                </button>
              </form>
            )}
          </>
        )}
      </QueryView>
      {recoveryCodes && <RecoveryCodes codes={recoveryCodes} />}
      <MessageLine message={message} />
    </Section>
  )
}

/** Besides the password: the organisation accounts bound at a first sign-in with them. */
function SignInMethodsSection() {
  const { t, locale } = useI18n()
  const methods = useSignInMethods()
  return (
    <Section id="account-methods" title={t('account.methods')}>
      <QueryView query={methods}>
        {(data) =>
          data.organisationAccounts.length === 0 ? (
            <p>{t('account.methodsPasswordOnly')}</p>
          ) : (
            <ul>
              {data.organisationAccounts.map((a) => (
                <li key={`${a.organisationName}-${a.boundAt}`}>
                  {t('account.methodOrganisation', {
                    name: a.organisationName,
                    date: formatDate(locale, a.boundAt),
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Section>
  )
}

const DELIVERIES: Readonly<Record<MailDeliveryChoice, MessageKey>> = {
  immediately: 'delivery.immediately',
  digest: 'delivery.digest',
  app: 'delivery.app',
}

function MailSection() {
  const { t } = useI18n()
  const preferences = useMailPreferences()
  const { message, run } = useAction()
  const change = (kind: MailPreferenceKind, delivery: MailDeliveryChoice) =>
    void run(async () => {
      await updateMailPreference(kind, delivery)
      return t('settings.saved')
    })
  return (
    <Section id="account-mail" title={t('settings.mail')}>
      <p className="muted">{t('settings.mailIntro')}</p>
      <QueryView query={preferences}>
        {(data) => (
          <table>
            <caption className="visually-hidden">{t('settings.mailCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.kind')}</th>
                <th scope="col">{t('settings.delivery')}</th>
              </tr>
            </thead>
            <tbody>
              {data.preferences.map((p) => (
                <tr key={p.kind}>
                  <th scope="row">{t(`mailKind.${p.kind}`)}</th>
                  <td>
                    <select
                      aria-label={t('settings.deliveryOf', { kind: t(`mailKind.${p.kind}`) })}
                      value={p.delivery}
                      onChange={(e) => change(p.kind, e.target.value as MailDeliveryChoice)}
                    >
                      <LabelledOptions labels={DELIVERIES} />
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      <MessageLine message={message} />
    </Section>
  )
}
