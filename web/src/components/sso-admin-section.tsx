import { useState, type FormEvent } from 'react'
import type { OrganisationDto } from '../../../src/contracts/organisations'
import { describeError } from '../api/describe-error'
import { useOrganisations } from '../api/resources'
import { deleteSsoProvider, saveSsoProvider, useSsoProviders } from '../api/single-sign-on'
import { useI18n } from '../i18n/i18n'
import { formatDateTime } from '../i18n/translate'
import { SelectField, TextField } from './form-field'
import { QueryView } from './state-views'

/**
 * Administration of the organisations' own sign-in (OpenID Connect): which provider each job centre
 * uses, its client and the allowed e-mail domains. The client secret is only ever sent, never shown.
 */
export function SsoAdminSection() {
  const { t, locale } = useI18n()
  const providers = useSsoProviders()
  const organisations = useOrganisations()
  const [organisationId, setOrganisationId] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [issuer, setIssuer] = useState('')
  const [clientId, setClientId] = useState('')
  const [clientSecret, setClientSecret] = useState('')
  const [domains, setDomains] = useState('')
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const orgs: OrganisationDto[] =
    organisations.status === 'success' ? organisations.data.organisations.filter((o) => o.id > 0) : []
  const list = providers.status === 'success' ? providers.data.providers : []
  const existing = list.find((p) => String(p.organisationId) === organisationId)

  const choose = (value: string) => {
    setOrganisationId(value)
    const provider = list.find((p) => String(p.organisationId) === value)
    setDisplayName(provider?.displayName ?? orgs.find((o) => String(o.id) === value)?.name ?? '')
    setIssuer(provider?.issuer ?? '')
    setClientId(provider?.clientId ?? '')
    setClientSecret('')
    setDomains(provider?.allowedDomains.join(', ') ?? '')
  }
  const run = async (action: () => Promise<string>) => {
    try {
      setStatus({ kind: 'ok', text: await action() })
      providers.reload()
    } catch (error) {
      const readable = describeError(t, error)
      setStatus({ kind: 'error', text: [readable.title, readable.message, ...readable.lines].join(': ') })
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const saved = await saveSsoProvider(Number(organisationId), {
        displayName,
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        allowedDomains: domains
          .split(/[,\s]+/)
          .map((d) => d.trim())
          .filter(Boolean),
      })
      setClientSecret('')
      return t('admin.ssoSaved', { name: saved.organisationName })
    })
  }
  return (
    <section className="panel" id="admin-sso" aria-labelledby="admin-sso-heading">
      <h2 id="admin-sso-heading">{t('admin.sso')}</h2>
      <p className="muted">{t('admin.ssoIntro')}</p>
      <QueryView query={providers}>
        {(data) => (
          <>
            <p>
              {data.providers[0]?.redirectUri === null
                ? t('admin.ssoNoPublicUrl')
                : data.providers[0]
                  ? t('admin.ssoRedirect', { uri: data.providers[0].redirectUri })
                  : null}
            </p>
            {data.providers.length === 0 ? (
              <p>{t('admin.ssoNone')}</p>
            ) : (
              <table className="data-table">
                <caption>{t('admin.ssoCaption', { count: data.providers.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.organisation')}</th>
                    <th scope="col">{t('admin.ssoDisplayName')}</th>
                    <th scope="col">{t('admin.ssoIssuer')}</th>
                    <th scope="col">{t('admin.ssoDomains')}</th>
                    <th scope="col">{t('admin.lastSeen')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('admin.ssoRemove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.providers.map((p) => (
                    <tr key={p.organisationId}>
                      <th scope="row">{p.organisationName}</th>
                      <td>{p.displayName}</td>
                      <td>{p.issuer}</td>
                      <td>{p.allowedDomains.join(', ')}</td>
                      <td>{formatDateTime(locale, p.updatedAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="button secondary"
                          aria-label={t('admin.ssoRemoveNamed', { name: p.organisationName })}
                          onClick={() =>
                            void run(async () => {
                              await deleteSsoProvider(p.organisationId)
                              return t('admin.ssoRemoved', { name: p.organisationName })
                            })
                          }
                        >
                          {t('admin.ssoRemove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </QueryView>
      <form className="form admin-form" onSubmit={submit}>
        <div className="form-row">
          <SelectField
            id="sso-org"
            label={t('admin.organisation')}
            value={organisationId}
            onChange={choose}
            required
          >
            <option value="">{t('admin.ssoChoose')}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="sso-name"
            label={t('admin.ssoDisplayName')}
            required
            value={displayName}
            onChange={setDisplayName}
          />
          <TextField
            id="sso-issuer"
            label={t('admin.ssoIssuer')}
            type="url"
            required
            value={issuer}
            onChange={setIssuer}
          />
          <TextField
            id="sso-client"
            label={t('admin.ssoClientId')}
            required
            value={clientId}
            onChange={setClientId}
          />
          <TextField
            id="sso-secret"
            label={existing ? t('admin.ssoClientSecretKeep') : t('admin.ssoClientSecret')}
            type="password"
            autoComplete="off"
            required={!existing}
            value={clientSecret}
            onChange={setClientSecret}
          />
          <TextField id="sso-domains" label={t('admin.ssoDomains')} value={domains} onChange={setDomains} />
        </div>
        <div className="button-row">
          <button type="submit" className="button primary">
            {t('admin.ssoSave')}
          </button>
        </div>
      </form>
      {status && (
        <p
          role={status.kind === 'error' ? 'alert' : 'status'}
          className={status.kind === 'error' ? 'inline-error' : 'ok-text'}
        >
          {status.text}
        </p>
      )}
    </section>
  )
}
