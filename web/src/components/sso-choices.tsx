import { useState } from 'react'
import { startSsoSignIn, useSsoChoices } from '../api/single-sign-on'
import { useI18n } from '../i18n/i18n'
import { ErrorView } from './state-views'

/** "Mit <Organisation> anmelden": one button per organisation that connected its own sign-in. */
export function SsoChoices() {
  const { t } = useI18n()
  const choices = useSsoChoices()
  const [state, setState] = useState<{ kind: 'idle' | 'redirecting' } | { kind: 'failed'; error: unknown }>({
    kind: 'idle',
  })
  if (choices.status !== 'success' || choices.data.choices.length === 0) return null
  const start = async (organisationId: number) => {
    setState({ kind: 'redirecting' })
    try {
      window.location.assign(await startSsoSignIn(organisationId))
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }
  return (
    <section className="panel narrow" aria-labelledby="sso-heading">
      <h2 id="sso-heading">{t('sso.heading')}</h2>
      <div className="button-row">
        {choices.data.choices.map((choice) => (
          <button
            key={choice.organisationId}
            type="button"
            className="button secondary"
            disabled={state.kind === 'redirecting'}
            onClick={() => void start(choice.organisationId)}
          >
            {t('sso.button', { name: choice.displayName })}
          </button>
        ))}
      </div>
      {state.kind === 'redirecting' && <p role="status">{t('sso.redirecting')}</p>}
      {state.kind === 'failed' && <ErrorView error={state.error} />}
    </section>
  )
}
