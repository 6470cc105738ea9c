/**
 * The fields of an account, asked the same way on the sign-in, reset, invitation and account pages:
 * the e-mail address to sign in with, and a new password typed twice with the rules the server applies
 * (at least 12 characters).
 */
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { TextField } from './form-field'

export interface NewPassword {
  password: string
  repeated: string
  setPassword: (value: string) => void
  setRepeated: (value: string) => void
  /** Both typed and different: the form must not be sent. */
  isMismatch: boolean
  /** Typed twice alike. */
  isConfirmed: boolean
  clear: () => void
}

export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('')
  const [repeated, setRepeated] = useState('')
  return {
    password,
    repeated,
    setPassword,
    setRepeated,
    isMismatch: repeated !== '' && repeated !== password,
    isConfirmed: password !== '' && repeated === password,
    clear: () => {
      setPassword('')
      setRepeated('')
    },
  }
}

export function NewPasswordFields({ idPrefix, value }: { idPrefix: string; value: NewPassword }) {
  const { t } = useI18n()
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        label={t('reset.password')}
        hint={t('reset.passwordHint')}
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
        value={value.password}
        onChange={value.setPassword}
      />
      <TextField
        id={`${idPrefix}-repeat`}
        label={t('reset.confirm')}
        type="password"
        autoComplete="new-password"
        required
        value={value.repeated}
        onChange={value.setRepeated}
        error={value.isMismatch ? t('reset.mismatch') : undefined}
      />
    </>
  )
}

interface AccountFieldProps {
  id: string
  value: string
  onChange: (value: string) => void
  /** Another label than the sign-in page's. */
  label?: string
}

/** A required field of the sign-in kind, with what password managers need to fill it. */
function accountField(type: 'email' | 'password' | 'text', autoComplete: string, labelKey: MessageKey) {
  return function AccountField({ id, value, onChange, label }: AccountFieldProps) {
    const { t } = useI18n()
    return (
      <TextField
        id={id}
        label={label ?? t(labelKey)}
        type={type}
        autoComplete={autoComplete}
        required
        value={value}
        onChange={onChange}
      />
    )
  }
}

/** The address a person signs in with. */
export const EmailField = accountField('email', 'username', 'signIn.email')
/** The password a person signs in with now (to sign in, or to confirm a change of the account). */
export const CurrentPasswordField = accountField('password', 'current-password', 'signIn.password')
/** The code of the authenticator app (or a recovery code): the second factor. */
export const TotpCodeField = accountField('text', 'one-time-code', 'signIn.code')
