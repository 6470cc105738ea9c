import { openDatabase, type Database, type OpenDatabaseOptions } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { ensureReferenceData } from '../areas/ensure-reference-data'
import { finishPendingKeyFigures } from '../kpi/finish-pending-key-figures'

/**
 * Opens the database, brings the schema up to date, makes sure the reference data is there and
 * finishes key figures that a killed import left pending (every shell starts here).
 */
export async function prepareDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = await openDatabase(options)
  try {
    await migrateToLatest(database.db)
    await ensureReferenceData(database.db)
    await finishPendingKeyFigures(database)
    return database
  } catch (error) {
    await database.close()
    throw error
  }
}
