import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema'

export interface TotpState {
  /** The base32 secret: confirmed, or waiting for the first code. */
  secret: string | null
  isConfirmed: boolean
  lastUsedStep: number | null
  isTotpExempt: boolean
}

export async function findTotpState(db: Kysely<DB>, userId: number): Promise<TotpState> {
  const row = await db
    .selectFrom('app_user')
    .select(['totp_secret', 'totp_confirmed_at', 'totp_last_step', 'is_totp_exempt'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return {
    secret: row.totp_secret,
    isConfirmed: row.totp_confirmed_at !== null,
    lastUsedStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    isTotpExempt: row.is_totp_exempt,
  }
}

/** A new secret waiting for its first code (replaces an earlier unconfirmed one). */
export async function setPendingTotpSecret(
  db: Kysely<DB>,
  options: { userId: number; secret: string },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ totp_secret: options.secret, totp_confirmed_at: null, totp_last_step: null })
    .where('id', '=', options.userId)
    .where('totp_confirmed_at', 'is', null)
    .execute()
}

/**
 * Records that a step's code was used; false when another request used this step (or a later one)
 * first, so that two requests with the same code cannot both pass.
 */
export async function useTotpStep(
  db: Kysely<DB>,
  options: { userId: number; step: number; confirmAt?: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({
      totp_last_step: options.step,
      ...(options.confirmAt ? { totp_confirmed_at: options.confirmAt } : {}),
    })
    .where('id', '=', options.userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(options.step))]))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function clearTotp(db: Kysely<DB>, userId: number): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ totp_secret: null, totp_confirmed_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute()
  await db.deleteFrom('totp_recovery_code').where('user_id', '=', userId).execute()
}

export async function replaceRecoveryCodes(
  db: Kysely<DB>,
  options: { userId: number; codeHashes: string[] },
): Promise<void> {
  await db.deleteFrom('totp_recovery_code').where('user_id', '=', options.userId).execute()
  await db
    .insertInto('totp_recovery_code')
    .values(options.codeHashes.map((hash) => ({ user_id: options.userId, code_hash: hash })))
    .execute()
}

/** Uses an unused recovery code of the account; false when there is none with this hash. */
export async function useRecoveryCode(
  db: Kysely<DB>,
  options: { userId: number; codeHash: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('totp_recovery_code')
    .set({ used_at: options.now })
    .where('user_id', '=', options.userId)
    .where('code_hash', '=', options.codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function countRecoveryCodesLeft(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_code')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.n
}

/** Demo accounts only (features/demo): their passwords are public, an authenticator would protect nothing. */
export async function markTotpExempt(db: Kysely<DB>, userId: number): Promise<void> {
  await db.updateTable('app_user').set({ is_totp_exempt: true }).where('id', '=', userId).execute()
}
