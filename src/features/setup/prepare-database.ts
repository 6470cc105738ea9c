import { openDatabase, type Database, type OpenDatabaseOptions } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { ensureReferenceData } from '../areas/ensure-reference-data'

/** Opens the database, brings the schema up to date and makes sure the reference data is there. */
export async function prepareDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = await openDatabase(options)
  try {
    await migrateToLatest(database.db)
    await ensureReferenceData(database.db)
    return database
  } catch (error) {
    await database.close()
    throw error
  }
}
