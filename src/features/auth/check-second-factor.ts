/**
 * The second factor of a password sign-in (docs/single-sign-on.md, "Second factor"): a TOTP code
 * (used once: its step is remembered) or a single-use recovery code. Administrators and moderators
 * without one must set one up first: the sign-in page asks for a secret (start-totp-enrolment.ts) and
 * the first right code confirms it here and answers the recovery codes. Wrong codes count towards
 * the sign-in limits like wrong passwords.
 */
import type { Kysely } from 'kysely'
import type { Account } from '../../core/accounts/account'
import { isSecondFactorRequired, type SecondFactorDemand } from '../../core/accounts/second-factor'
import { createRecoveryCodes, decodeBase32, matchTotp, normaliseRecoveryCode } from '../../core/accounts/totp'
import { AppError, detail } from '../../core/errors/app-error'
import { message, type Message } from '../../core/messages/text'
import type { DB } from '../../db/schema'
import { recordAudit } from '../audit/record-audit'
import { actorOf } from '../../core/accounts/account'
import { recordFailedAttempt } from './sign-in-limits'
import { hashToken } from './tokens'
import { findTotpState, replaceRecoveryCodes, useRecoveryCode, useTotpStep } from './totp.repository'

const DEMAND_TEXTS = {
  code_required: message('secondFactor.codeRequired'),
  enrolment_required: message('secondFactor.enrolmentRequired'),
  code_wrong: message('secondFactor.codeWrong'),
} satisfies Record<SecondFactorDemand, Message>

export function secondFactorDemand(demand: SecondFactorDemand): AppError {
  return new AppError('unauthenticated', DEMAND_TEXTS[demand], [
    detail(DEMAND_TEXTS[demand], { field: 'code', value: demand }),
  ])
}

/** Whether a TOTP code of the secret fits now and was not used before; records its step when it does. */
export async function useTotpCode(
  db: Kysely<DB>,
  options: {
    userId: number
    secret: string
    code: string
    lastUsedStep: number | null
    now: Date
    confirm?: boolean
  },
): Promise<boolean> {
  const step = matchTotp({
    secret: decodeBase32(options.secret) ?? new Uint8Array(),
    code: options.code,
    unixSeconds: Math.floor(options.now.getTime() / 1000),
    lastUsedStep: options.lastUsedStep,
  })
  if (step === null) return false
  return useTotpStep(db, {
    userId: options.userId,
    step,
    confirmAt: options.confirm ? options.now : undefined,
  })
}

/** Sets new recovery codes (the database keeps their hashes) and answers them, to be shown once. */
export async function issueRecoveryCodes(db: Kysely<DB>, userId: number): Promise<string[]> {
  const codes = createRecoveryCodes()
  await replaceRecoveryCodes(db, { userId, codeHashes: codes.map((code) => hashToken(code)) })
  return codes
}

/**
 * Confirms the account's waiting secret with its first code: the second factor is on from now, and
 * the recovery codes are answered (null when the code does not fit; nothing changes then).
 */
export async function confirmTotp(
  db: Kysely<DB>,
  options: { user: Account; code: string; ip: string; now: Date },
): Promise<string[] | null> {
  const { user, now } = options
  const state = await findTotpState(db, user.id)
  if (state.isConfirmed || !state.secret) return null
  const totp = {
    userId: user.id,
    secret: state.secret,
    code: options.code,
    lastUsedStep: state.lastUsedStep,
    now,
  }
  if (!(await useTotpCode(db, { ...totp, confirm: true }))) return null
  await recordAudit(db, {
    actor: actorOf(user),
    action: 'totp.enable',
    entity: 'user',
    entityId: user.id,
    ip: options.ip,
    at: now,
  })
  return issueRecoveryCodes(db, user.id)
}

/**
 * Passes when the account needs no code or the code is right; answers recovery codes when this
 * sign-in confirmed a new secret. Throws `unauthenticated` with the demand in the `code` detail.
 */
export async function checkSecondFactor(
  db: Kysely<DB>,
  options: { user: Account; code: string | undefined; ip: string; now: Date },
): Promise<string[] | null> {
  const { user, now } = options
  const state = await findTotpState(db, user.id)
  const isRequired = isSecondFactorRequired({ role: user.role, isTotpExempt: state.isTotpExempt })
  if (!state.isConfirmed && !isRequired) return null
  if (!state.isConfirmed && !state.secret) throw secondFactorDemand('enrolment_required')
  const code = options.code?.trim()
  if (!code) throw secondFactorDemand(state.isConfirmed ? 'code_required' : 'enrolment_required')
  const secret = state.secret!
  const totp = { userId: user.id, secret, code, lastUsedStep: state.lastUsedStep, now }
  if (state.isConfirmed) {
    if (await useTotpCode(db, totp)) return null
    const codeHash = hashToken(normaliseRecoveryCode(code))
    if (await useRecoveryCode(db, { userId: user.id, codeHash, now })) {
      await recordAudit(db, {
        actor: actorOf(user),
        action: 'totp.recovery_code_use',
        entity: 'user',
        entityId: user.id,
        ip: options.ip,
        at: now,
      })
      return null
    }
  } else {
    const recoveryCodes = await confirmTotp(db, { user, code, ip: options.ip, now })
    if (recoveryCodes) return recoveryCodes
  }
  await recordFailedAttempt(db, { email: user.email, ip: options.ip, now })
  throw secondFactorDemand('code_wrong')
}
