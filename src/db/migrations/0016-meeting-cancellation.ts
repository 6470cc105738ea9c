import { sql, type Kysely } from 'kysely'

// Meetings can be cancelled before they are held, with a reason (core/benchlearning/meeting-life.ts,
// docs/benchlearning.md). Migrations take Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table meeting drop constraint meeting_status_check;
    alter table meeting add constraint meeting_status_check
      check (status in ('planned', 'invited', 'held', 'minutes_approved', 'cancelled'));
    alter table meeting add column cancel_reason text check (length(cancel_reason) between 1 and 1000);
    alter table meeting add column cancelled_at timestamptz;
    alter table meeting add column cancelled_by integer references app_user(id) on delete set null;
    -- A cancelled meeting says why and when; no other meeting has a reason.
    alter table meeting add constraint meeting_cancellation_check
      check ((status = 'cancelled') = (cancel_reason is not null and cancelled_at is not null));
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from meeting where status = 'cancelled';
    alter table meeting drop constraint meeting_cancellation_check;
    alter table meeting drop column cancelled_by;
    alter table meeting drop column cancelled_at;
    alter table meeting drop column cancel_reason;
    alter table meeting drop constraint meeting_status_check;
    alter table meeting add constraint meeting_status_check
      check (status in ('planned', 'invited', 'held', 'minutes_approved'));
  `.execute(db)
}
