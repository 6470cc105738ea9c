import { useEffect, useRef, useState } from 'react'
import { finishSsoSignIn, ssoRefusalOf } from '../api/single-sign-on'
import { Link, navigate } from '../app/router'
import type { PageProps } from '../app/routes'
import { Page } from '../components/page'
import { ErrorView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'

const REFUSALS: Record<string, MessageKey> = {
  email_missing: 'sso.refused.email_missing',
  email_unverified: 'sso.refused.email_unverified',
  domain_not_allowed: 'sso.refused.domain_not_allowed',
  other_organisation: 'sso.refused.other_organisation',
  account_disabled: 'sso.refused.account_disabled',
}

/**
 * Where the organisation's provider sends the browser back (BENCHLEARN_PUBLIC_URL + /sign-in/sso):
 * hands the query to the server, which checks state, code and ID token, and goes on to the start page.
 */
export default function SsoCallbackPage({ location }: PageProps) {
  const { t } = useI18n()
  const [failure, setFailure] = useState<unknown>(null)
  const isSent = useRef(false)
  useEffect(() => {
    // Once only: the state is used up by the first request (React may run effects twice in development).
    if (isSent.current) return
    isSent.current = true
    const query = location.includes('?') ? location.slice(location.indexOf('?')) : ''
    finishSsoSignIn(query).then(
      () => navigate('/', { replace: true }),
      (error: unknown) => setFailure(error ?? new Error('sign-in failed')),
    )
  }, [location])
  const refusal = failure ? ssoRefusalOf(failure) : null
  return (
    <Page title={failure ? t('sso.refusedTitle') : t('sso.callbackTitle')}>
      {!failure && <p role="status">{t('sso.finishing')}</p>}
      {failure !== null &&
        (refusal && REFUSALS[refusal] ? (
          <p className="inline-error" role="alert">
            {t(REFUSALS[refusal])}
          </p>
        ) : (
          <ErrorView error={failure} />
        ))}
      {failure !== null && (
        <p>
          <Link href="/sign-in">{t('sso.backToSignIn')}</Link>
        </p>
      )}
    </Page>
  )
}
