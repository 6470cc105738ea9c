import { useI18n } from '../i18n/i18n'

/** The recovery codes of a new second factor, shown once, with what they are for. */
export function RecoveryCodes({ codes, onContinue }: { codes: readonly string[]; onContinue?: () => void }) {
  const { t } = useI18n()
  return (
    <section className="panel narrow" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('recovery.title')}</h2>
      <p>{t('recovery.hint')}</p>
      <ul className="recovery-codes" aria-label={t('recovery.title')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {onContinue && (
        <button type="button" className="button primary" onClick={onContinue}>
          {t('recovery.continue')}
        </button>
      )}
    </section>
  )
}
