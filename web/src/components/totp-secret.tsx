import type { TotpEnrolment } from '../api/single-sign-on'
import { useI18n } from '../i18n/i18n'

/** A new TOTP secret to enter in an authenticator app: typed (base32) or opened as otpauth:// link. */
export function TotpSecret({ enrolment }: { enrolment: TotpEnrolment }) {
  const { t } = useI18n()
  return (
    <div className="totp-secret">
      <p>{t('signIn.enrolHint')}</p>
      <p>
        {t('signIn.enrolSecret')}:{' '}
        <code data-testid="totp-secret">{enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code>
      </p>
      <p>
        <a href={enrolment.otpauthUri}>{t('signIn.enrolUri')}</a>
      </p>
    </div>
  )
}
