import { forbidden } from '../../core/errors/app-error'
import type { Database, TransactionContext } from '../../db/connect'
import {
  importOrganisationList,
  type OrganisationListSummary,
} from '../organisations/import-organisation-list'
import { finishPendingKeyFigures } from '../kpi/finish-pending-key-figures'
import { importFile, type ImportFileOptions, type ImportSummary } from './import-file'
import type { LoadedMapping } from './load-mapping'
import { isoDate } from '../../core/periods/dates'

/**
 * Imports a file with the importer its mapping calls for (values, or a list of organisations).
 * `onCommitted` runs in the import's transaction for either kind (the audit entry).
 */
export async function runImport(
  database: Database,
  options: Omit<ImportFileOptions, 'mapping' | 'mappingName' | 'onCommitted'> & {
    loaded?: LoadedMapping
    onCommitted?: (tx: TransactionContext, summary: ImportSummary | OrganisationListSummary) => Promise<void>
  },
): Promise<ImportSummary | OrganisationListSummary> {
  const { loaded, ...rest } = options
  if (loaded?.kind === 'organisation-list') {
    // A list creates and renames organisations of the whole network: never on behalf of one member.
    if (rest.onlyOrganisation)
      throw forbidden(
        `${rest.fileName}: lists of organisations are imported by the network administration only`,
      )
    return importOrganisationList(database, {
      fileName: rest.fileName,
      bytes: rest.bytes,
      mapping: loaded.mapping,
      isDryRun: rest.isDryRun,
      today: rest.now && isoDate(rest.now),
      onCommitted: rest.onCommitted,
    })
  }
  const summary = await importFile(database, { ...rest, mapping: loaded?.mapping, mappingName: loaded?.name })
  if (summary.isCommitted) {
    // Key figures follow the data in a transaction of their own: this batch is marked pending until
    // they are computed, so an import of an unchanged file also finishes what a crash left behind.
    const computed = await finishPendingKeyFigures(database, { now: rest.now ? () => rest.now! : undefined })
    if (computed) return { ...summary, keyFigureValuesWritten: computed.valuesWritten }
  }
  return summary
}
