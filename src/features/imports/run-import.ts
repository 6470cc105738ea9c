import { forbidden } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database, TransactionContext } from '../../db/connect'
import {
  importOrganisationList,
  type OrganisationListSummary,
} from '../organisations/import-organisation-list'
import { finishPendingKeyFigures } from '../kpi/finish-pending-key-figures'
import {
  importPublishedFigures,
  type PublishedFiguresSummary,
} from '../published-figures/import-published-figures'
import { importFile, type ImportFileOptions, type ImportSummary } from './import-file'
import type { parsePublishedFigures } from './parsing/parse-published-figures'
import type { LoadedMapping } from './load-mapping'
import { isoDate } from '../../core/periods/dates'

/** What any import answers: values, a list of organisations, or published figure values. */
export type AnyImportSummary = ImportSummary | OrganisationListSummary | PublishedFiguresSummary

/**
 * Imports a file with the importer its mapping calls for (values, a list of organisations, or
 * published figure values). `onCommitted` runs in the import's transaction for every kind (the
 * audit entry).
 */
export async function runImport(
  database: Database,
  options: Omit<ImportFileOptions, 'mapping' | 'mappingName' | 'onCommitted'> & {
    loaded?: LoadedMapping
    /** How a file of published values is parsed (the server passes its worker pool). */
    parsePublished?: typeof parsePublishedFigures
    onCommitted?: (tx: TransactionContext, summary: AnyImportSummary) => Promise<void>
  },
): Promise<AnyImportSummary> {
  const { loaded, parsePublished, ...rest } = options
  if (loaded?.kind === 'published-figures') {
    // The official publication covers every job centre: never loaded on behalf of one member.
    if (rest.onlyOrganisation) throw forbidden(message('import.publishedAdminOnly', { file: rest.fileName }))
    return importPublishedFigures(database, {
      fileName: rest.fileName,
      bytes: rest.bytes,
      mapping: loaded.mapping,
      mappingName: loaded.name,
      isDryRun: rest.isDryRun,
      createdBy: rest.createdBy,
      uploadedByUserId: rest.uploadedByUserId,
      now: rest.now,
      parse: parsePublished,
      onCommitted: rest.onCommitted,
    })
  }
  if (loaded?.kind === 'organisation-list') {
    // A list creates and renames organisations of the whole network: never on behalf of one member.
    if (rest.onlyOrganisation)
      throw forbidden(message('import.organisationListAdminOnly', { file: rest.fileName }))
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
