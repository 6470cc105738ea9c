import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { BUILT_IN_INDICATORS } from '../indicators/catalogue'
import { upsertIndicators } from '../indicators/indicator.repository'
import { listKreise } from './kreis-register'
import { upsertKreise } from './kreis.repository'

/** Makes sure the district register and the built-in indicators are present. Idempotent. */
export async function ensureReferenceData(db: Kysely<DB>): Promise<void> {
  await upsertKreise(db, listKreise())
  await upsertIndicators(db, BUILT_IN_INDICATORS)
}
