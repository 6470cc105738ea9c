import { useEffect, useState, type FormEvent } from 'react'
import { ROLE_LABELS } from '../../../src/core/permissions/permissions'
import { ApiError } from '../api/client'
import { acceptInvitation, previewInvitation, type InvitationPreview } from '../api/invitations'
import { Link, navigate } from '../app/router'
import type { PageProps } from '../app/routes'
import { TextField } from '../components/form-field'
import { EmailField, NewPasswordFields, useNewPassword } from '../components/account-fields'
import { Page } from '../components/page'
import { SsoChoices } from '../components/sso-choices'
import { ErrorView, Loading } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import { formatDateTime, pick } from '../i18n/translate'
import { useFragmentToken } from '../lib/fragment-token'

type Lookup =
  | { kind: 'loading' }
  | { kind: 'open'; invitation: InvitationPreview }
  | { kind: 'spent' }
  | { kind: 'failed'; error: unknown }

/** Unknown, used and expired links: the server answers all three alike (404). */
const isSpent = (error: unknown) => error instanceof ApiError && error.status === 404

/** A spent token has nothing more to offer: it leaves the address bar and the history. */
const dropTokenFromAddress = () => window.history.replaceState(null, '', window.location.pathname)

/**
 * The page of an invitation link (`/invitation#<token>`, the token in the fragment so that it reaches
 * no server log): who invited the person as what, then name and password, and they are signed in with
 * the role given. Where the organisation connected its own sign-in, that is offered instead.
 */
export default function InvitationPage(_props: PageProps) {
  const { t } = useI18n()
  const [token] = useFragmentToken()
  const [lookup, setLookup] = useState<Lookup>({ kind: 'loading' })
  useEffect(() => {
    if (!token) return
    let isCurrent = true
    setLookup({ kind: 'loading' })
    previewInvitation(token).then(
      (invitation) => isCurrent && setLookup({ kind: 'open', invitation }),
      (error: unknown) => {
        if (!isCurrent) return
        if (!isSpent(error)) return setLookup({ kind: 'failed', error })
        dropTokenFromAddress()
        setLookup({ kind: 'spent' })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [token])
  const shown: Lookup = token ? lookup : { kind: 'spent' }
  return (
    <Page title={t('invitation.title')} intro={shown.kind === 'open' ? t('invitation.intro') : undefined}>
      {shown.kind === 'loading' && <Loading />}
      {shown.kind === 'failed' && <ErrorView error={shown.error} />}
      {shown.kind === 'spent' && <SpentLink hasToken={token !== ''} />}
      {shown.kind === 'open' && (
        <Accept token={token} invitation={shown.invitation} onSpent={() => setLookup({ kind: 'spent' })} />
      )}
      {shown.kind === 'open' && shown.invitation.organisationId !== null && shown.invitation.email && (
        <SsoChoices
          organisationId={shown.invitation.organisationId}
          heading={t('invitation.ssoHeading')}
          intro={t('invitation.ssoIntro', { email: shown.invitation.email })}
        />
      )}
    </Page>
  )
}

function SpentLink({ hasToken }: { hasToken: boolean }) {
  const { t } = useI18n()
  return (
    <div className="panel narrow">
      <p role="alert" className="inline-error">
        {hasToken ? t('invitation.spent') : t('invitation.noToken')}
      </p>
      <p>
        <Link href="/sign-in">{t('reset.toSignIn')}</Link>
      </p>
    </div>
  )
}

function Accept({
  token,
  invitation,
  onSpent,
}: {
  token: string
  invitation: InvitationPreview
  onSpent: () => void
}) {
  const { t, locale } = useI18n()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const newPassword = useNewPassword()
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'failed'; error: unknown }>({
    kind: 'idle',
  })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!newPassword.isConfirmed) return
    setState({ kind: 'working' })
    try {
      await acceptInvitation({
        token,
        name: name.trim(),
        email: invitation.email ? undefined : email.trim(),
        password: newPassword.password,
      })
      // Signed in; the spent token must not stay in the address bar or the history.
      navigate('/', { replace: true })
    } catch (error) {
      if (isSpent(error)) {
        dropTokenFromAddress()
        onSpent()
      } else setState({ kind: 'failed', error })
    }
  }
  const role = pick(locale, ROLE_LABELS[invitation.role])
  return (
    <form className="panel form narrow" onSubmit={(event) => void submit(event)}>
      <p>
        {invitation.organisationName
          ? t('invitation.forRoleAt', { role, organisation: invitation.organisationName })
          : t('invitation.forRole', { role })}{' '}
        {t('invitation.validUntil', { date: formatDateTime(locale, invitation.expiresAt) })}
      </p>
      <TextField
        id="invitation-name"
        label={t('invitation.name')}
        autoComplete="name"
        required
        maxLength={200}
        value={name}
        onChange={setName}
      />
      {invitation.email ? (
        <p>{t('invitation.emailFixed', { email: invitation.email })}</p>
      ) : (
        <EmailField id="invitation-email" value={email} onChange={setEmail} />
      )}
      <NewPasswordFields idPrefix="invitation" value={newPassword} />
      {state.kind === 'failed' && <ErrorView error={state.error} />}
      <button
        type="submit"
        className="button primary"
        disabled={state.kind === 'working' || newPassword.isMismatch}
      >
        {state.kind === 'working' ? t('invitation.working') : t('invitation.submit')}
      </button>
    </form>
  )
}
