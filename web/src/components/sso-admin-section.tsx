import type { FormEvent } from 'react'
import { useOrganisations } from '../api/resources'
import { deleteSsoProvider, saveSsoProvider, useSsoProviders } from '../api/single-sign-on'
import { useI18n } from '../i18n/i18n'
import { formatDateTime } from '../i18n/translate'
import { TextField, useActionStatus, useFormValues } from './form-field'
import { OrganisationField } from './organisation-field'
import { QueryView } from './state-views'

/**
 * Administration of the organisations' own sign-in (OpenID Connect): which provider each job centre
 * uses, its client and the allowed e-mail domains. The client secret is only ever sent, never shown.
 */
export function SsoAdminSection() {
  const { t, locale } = useI18n()
  const providers = useSsoProviders()
  const organisations = useOrganisations()
  const form = useFormValues({
    organisationId: '',
    displayName: '',
    issuer: '',
    clientId: '',
    clientSecret: '',
    domains: '',
  })
  const { run, view } = useActionStatus()
  const { organisationId, displayName, issuer, clientId, clientSecret, domains } = form.values
  const list = providers.status === 'success' ? providers.data.providers : []
  const existing = list.find((p) => String(p.organisationId) === organisationId)

  const choose = (value: string) => {
    const provider = list.find((p) => String(p.organisationId) === value)
    const organisation = organisations.data?.organisations.find((o) => String(o.id) === value)
    form.set({
      organisationId: value,
      displayName: provider?.displayName ?? organisation?.name ?? '',
      issuer: provider?.issuer ?? '',
      clientId: provider?.clientId ?? '',
      clientSecret: '',
      domains: provider?.allowedDomains.join(', ') ?? '',
    })
  }
  const write = (action: () => Promise<string>) =>
    run(async () => {
      const text = await action()
      providers.reload()
      return text
    })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void write(async () => {
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
      form.set({ clientSecret: '' })
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
                            void write(async () => {
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
          <OrganisationField
            id="sso-org"
            label={t('admin.organisation')}
            emptyLabel={t('admin.ssoChoose')}
            required
            value={organisationId}
            onChange={choose}
          />
          <TextField
            id="sso-name"
            label={t('admin.ssoDisplayName')}
            required
            {...form.field('displayName')}
          />
          <TextField
            id="sso-issuer"
            label={t('admin.ssoIssuer')}
            type="url"
            required
            {...form.field('issuer')}
          />
          <TextField id="sso-client" label={t('admin.ssoClientId')} required {...form.field('clientId')} />
          <TextField
            id="sso-secret"
            label={existing ? t('admin.ssoClientSecretKeep') : t('admin.ssoClientSecret')}
            type="password"
            autoComplete="off"
            required={!existing}
            {...form.field('clientSecret')}
          />
          <TextField id="sso-domains" label={t('admin.ssoDomains')} {...form.field('domains')} />
        </div>
        <div className="button-row">
          <button type="submit" className="button primary">
            {t('admin.ssoSave')}
          </button>
        </div>
      </form>
      {view}
    </section>
  )
}
