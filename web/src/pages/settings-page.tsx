import { useState } from 'react'
import type { MailDeliveryChoice, MailPreferenceKind } from '../../../src/contracts/mail'
import { describeError } from '../api/describe-error'
import { updateMailPreference, useMailPreferences } from '../api/mail'
import type { PageProps } from '../app/routes'
import { Page } from '../components/page'
import { QueryView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'

const DELIVERIES: readonly MailDeliveryChoice[] = ['immediately', 'digest', 'app']

/** The signed-in person's settings: how each kind of message reaches them. */
export default function SettingsPage(_props: PageProps) {
  const { t } = useI18n()
  const preferences = useMailPreferences()
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const change = async (kind: MailPreferenceKind, delivery: MailDeliveryChoice) => {
    try {
      await updateMailPreference(kind, delivery)
      setStatus({ kind: 'ok', text: t('settings.saved') })
    } catch (error) {
      const readable = describeError(t, error)
      setStatus({ kind: 'error', text: `${readable.title}: ${readable.message}` })
    }
  }
  return (
    <Page title={t('settings.title')} intro={t('settings.intro')}>
      <section className="panel" aria-labelledby="settings-mail-heading">
        <h2 id="settings-mail-heading">{t('settings.mail')}</h2>
        <p className="muted">{t('settings.mailIntro')}</p>
        <QueryView query={preferences}>
          {(data) => (
            <div className="table-scroll">
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
                          onChange={(e) => void change(p.kind, e.target.value as MailDeliveryChoice)}
                        >
                          {DELIVERIES.map((d) => (
                            <option key={d} value={d}>
                              {t(`delivery.${d}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
        {status && (
          <p
            role={status.kind === 'error' ? 'alert' : 'status'}
            className={status.kind === 'error' ? 'inline-error' : 'ok-text'}
          >
            {status.text}
          </p>
        )}
      </section>
    </Page>
  )
}
