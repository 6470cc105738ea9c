import { useState } from 'react'
import { startSsoSignIn, useSsoChoices } from '../api/single-sign-on'
import { useI18n } from '../i18n/i18n'
import { ErrorView } from './state-views'

/**
 * "Mit <Organisation> anmelden": one button per organisation that connected its own sign-in, or only
 * the one of `organisationId` (an invitation's), under `heading` and `intro` when given.
 */
export function SsoChoices({
  organisationId,
  heading,
  intro,
}: { organisationId?: number; heading?: string; intro?: string } = {}) {
  const { t } = useI18n()
  const choices = useSsoChoices()
  const [state, setState] = useState<{ kind: 'idle' | 'redirecting' } | { kind: 'failed'; error: unknown }>({
    kind: 'idle',
  })
  const shown =
    choices.status === 'success'
      ? choices.data.choices.filter(
          (c) => organisationId === undefined || c.organisationId === organisationId,
        )
      : []
  if (shown.length === 0) return null
  const start = async (chosen: number) => {
    setState({ kind: 'redirecting' })
    try {
      window.location.assign(await startSsoSignIn(chosen))
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }
  return (
    <section className="panel narrow" aria-labelledby="sso-heading">
      <h2 id="sso-heading">{heading ?? t('sso.heading')}</h2>
      {intro && <p>{intro}</p>}
      <div className="button-row">
        {shown.map((choice) => (
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
