/** Changes an action item: its owners change the status, the moderation everything. */
import type { Database } from '../../db/connect'
import type { ActionItemStatus } from '../../db/schema'
import { recordAudit } from '../audit/record-audit'
import { forbidden } from '../../core/errors/app-error'
import { ownerRequired } from './add-action-item'
import { loadVisibleMeeting, type MeetingWriter } from './load-visible-meeting'
import { toActionDto } from './meeting-dto'
import { findActionItem, updateActionItemRow } from './minutes.repository'
import { message } from '../../core/messages/text'

export async function updateActionItem(
  database: Database,
  options: MeetingWriter & {
    actionId: number
    changes: {
      title?: string
      status?: ActionItemStatus
      dueOn?: string | null
      ownerOrganisationId?: number | null
      ownerUserId?: number | null
    }
  },
): Promise<void> {
  const { changes } = options
  await database.transaction(async ({ db }) => {
    const before = await findActionItem(db, options.actionId)
    const { meeting, scope, today } = await loadVisibleMeeting(db, {
      ...options,
      meetingId: before.meeting_id,
      hiddenAs: message('action.none', { id: options.actionId }),
    })
    const dto = toActionDto({ scope, action: before, meeting, users: new Map(), today })
    const isStatusOnly = Object.keys(changes).every((k) => k === 'status')
    if (!(dto.abilities.canEdit || (isStatusOnly && dto.abilities.canUpdateStatus)))
      throw forbidden(message('action.onlyModerationOrOwner'))
    const status = changes.status ?? before.status
    const isDone = status === 'done' || status === 'cancelled'
    const after = await updateActionItemRow(db, before.id, {
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.dueOn !== undefined ? { due_on: changes.dueOn } : {}),
      ...(changes.ownerOrganisationId !== undefined
        ? { owner_organisation_id: changes.ownerOrganisationId }
        : {}),
      ...(changes.ownerUserId !== undefined ? { owner_user_id: changes.ownerUserId } : {}),
      status,
      completed_at: isDone ? (before.completed_at ?? options.now) : null,
    })
    if (after.owner_organisation_id === null && after.owner_user_id === null)
      throw ownerRequired(message('action.cannotRemoveBothOwners'))
    await recordAudit(db, {
      actor: options.actor,
      action: 'action_item.update',
      entity: 'action_item',
      entityId: before.id,
      before,
      after,
      at: options.now,
    })
  })
}
