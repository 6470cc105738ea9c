import type { Kysely, Selectable } from 'kysely'
import type { Role } from '../../core/permissions'
import type { DB } from '../../db/schema'

export async function insertInvitation(
  db: Kysely<DB>,
  invitation: {
    tokenHash: string
    role: Role
    organisationId: number | null
    email: string | null
    createdBy: number | null
    now: Date
    expiresAt: Date
  },
): Promise<number> {
  const { id } = await db
    .insertInto('invitation')
    .values({
      token_hash: invitation.tokenHash,
      email: invitation.email,
      role: invitation.role,
      organisation_id: invitation.organisationId,
      created_by: invitation.createdBy,
      created_at: invitation.now,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The invitation of a token hash, locked until the transaction ends (it is used at most once). */
export async function findInvitationForUpdate(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<Selectable<DB['invitation']> | undefined> {
  return db
    .selectFrom('invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst()
}

export async function markInvitationUsed(
  db: Kysely<DB>,
  invitation: { id: number; usedBy: number; now: Date },
): Promise<void> {
  await db
    .updateTable('invitation')
    .set({ used_at: invitation.now, used_by: invitation.usedBy })
    .where('id', '=', invitation.id)
    .execute()
}

/** The invitation of a token hash with its organisation's name, for the page the link opens. */
export async function findInvitationWithOrganisation(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('invitation as i')
    .leftJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select([
      'i.role',
      'i.organisation_id',
      'o.name as organisation_name',
      'i.email',
      'i.expires_at',
      'i.used_at',
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst()
}
