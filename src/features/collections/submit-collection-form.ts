import type { CollectionFormDto } from '../../contracts/collections'
import { invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { findingsFor, formCells, loadCheckFacts, uncommentedWarnings } from './check-collection-form'
import { lockCollection, updateMemberStatus } from './collection.repository'
import { readCollectionForm } from './read-collection-form'
import { loadWritableForm, type WriteFormOptions } from './save-collection-form'

/**
 * Submits an organisation's saved form. Every warning needs a correction or a comment first; the
 * refusal names each cell. After submitting, only the moderator can reopen the form.
 */
export async function submitCollectionForm(
  database: Database,
  options: WriteFormOptions,
): Promise<CollectionFormDto> {
  const collection = await loadWritableForm(database, options)
  const facts = await loadCheckFacts(database.db, collection)
  const cells = formCells(facts, options.organisationId)
  const findings = findingsFor(facts, options.organisationId, cells)
  const open = [...findings.filter((f) => f.severity === 'error'), ...uncommentedWarnings(findings, cells)]
  if (open.length > 0)
    throw invalidInput(
      message('collection.findingsOpen', { n: open.length }),
      open.map((f) => ({
        field: `${f.indicator}/${f.period}/${f.breakdown}`,
        message: f.message,
        key: f.key,
        params: f.params,
      })),
    )
  if (cells.every((c) => c.value === null)) throw invalidInput(message('collection.formEmpty'))
  await database.transaction(async (tx) => {
    await lockCollection(tx.db, collection.row.id)
    await updateMemberStatus(tx.db, {
      ...options,
      status: 'submitted',
      submittedByUserId: options.actor.userId,
      at: options.now,
    })
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'collection.form.submit',
      entity: 'data_collection',
      entityId: collection.row.id,
      after: { organisationId: options.organisationId, warningsCommented: findings.length },
      at: options.now,
    })
  })
  return readCollectionForm(database.db, options)
}
