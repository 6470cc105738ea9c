import { sql, type Kysely } from 'kysely'

// E-mail through a transactional outbox (docs/mail.md): a message row is written in the same
// transaction as the change that causes it and sent later by the mail worker. The row keeps what the
// message is about (kind and payload), not its text: the text is built when it is sent, in the
// recipient's language and with what the recipient may see then.
// Migrations take Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mail_outbox (
      id integer generated always as identity primary key,
      kind text not null,
      -- The account it is for; null for an invitation to someone without an account yet.
      user_id integer references app_user(id) on delete cascade,
      recipient text not null check (length(recipient) between 3 and 254),
      payload jsonb not null default '{}',
      -- The left part of the Message-ID: the same on every attempt, so a resend is recognisable.
      message_key text not null unique,
      -- held: waits for the person's daily digest; digested: went out inside digest_id.
      status text not null default 'pending'
        check (status in ('pending', 'sending', 'sent', 'failed', 'held', 'digested')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      -- A worker's claim; a claim that runs out (the worker died) is taken again.
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz,
      digest_id integer references mail_outbox(id) on delete set null
    );
    create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('pending', 'sending');
    create index mail_outbox_held on mail_outbox (user_id, created_at) where status = 'held';
    create index mail_outbox_created on mail_outbox (created_at desc);

    -- How a person wants each kind of message; a missing row means the kind's default.
    create table mail_preference (
      user_id integer not null references app_user(id) on delete cascade,
      kind text not null,
      delivery text not null check (delivery in ('immediately', 'digest', 'app')),
      primary key (user_id, kind)
    );

    -- SEQUENCE of a meeting's calendar invitation: grows with every change, so calendars update.
    create table mail_calendar_sequence (
      meeting_id integer primary key references meeting(id) on delete cascade,
      sequence integer not null default 0
    );

    -- Password reset links: single use, with an expiry; only the token's hash is kept.
    create table password_reset (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    -- Every request, also for unknown addresses: the limits count requests, not accounts.
    create table password_reset_request (
      id integer generated always as identity primary key,
      email text not null,
      ip text not null,
      at timestamptz not null
    );
    create index password_reset_request_at on password_reset_request (at);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table password_reset_request;
    drop table password_reset;
    drop table mail_calendar_sequence;
    drop table mail_preference;
    drop table mail_outbox;
  `.execute(db)
}
