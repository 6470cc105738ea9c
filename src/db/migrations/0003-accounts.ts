import { sql, type Kysely } from 'kysely'

// Accounts, sessions, invitations, login throttling and the audit log (issue 5). Migrations take
// Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id integer generated always as identity primary key,
      email text not null,
      name text not null,
      role text not null check (role in ('admin', 'moderator', 'member_lead', 'member_analyst', 'viewer')),
      -- An organisation's accounts go with it (their audit entries keep the actor's label).
      organisation_id integer references organisation(id) on delete cascade,
      -- "scrypt$N$r$p$salt$hash" (base64): parameters travel with the hash so they can be raised later.
      password_hash text,
      locale text not null default 'de' check (locale in ('de', 'en')),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz,
      previous_visit_at timestamptz,
      is_disabled boolean not null default false,
      -- Member roles act for one organisation; a viewer may belong to one or to none.
      check (role not in ('member_lead', 'member_analyst') or organisation_id is not null)
    );
    create unique index app_user_email on app_user (lower(email));

    -- Empty for a moderator = all rings of the network (the consultancy moderates every ring);
    -- rows limit a moderator to the listed rings.
    create table moderator_ring (
      user_id integer not null references app_user(id) on delete cascade,
      ring_id integer not null references ring(id) on delete cascade,
      primary key (user_id, ring_id)
    );

    create table user_session (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      -- sha256 of the cookie token: a leaked table does not let anyone sign in.
      token_hash text not null unique,
      csrf_token text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      user_agent text
    );
    create index user_session_user on user_session (user_id);

    create table invitation (
      id integer generated always as identity primary key,
      token_hash text not null unique,
      email text,
      role text not null check (role in ('admin', 'moderator', 'member_lead', 'member_analyst', 'viewer')),
      organisation_id integer references organisation(id) on delete cascade,
      created_by integer references app_user(id) on delete set null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      used_by integer references app_user(id) on delete set null
    );

    -- Failed sign-ins, kept in the database so that the limit holds across processes and restarts.
    create table login_attempt (
      id integer generated always as identity primary key,
      email text not null,
      ip text not null,
      at timestamptz not null
    );
    create index login_attempt_key on login_attempt (lower(email), ip, at);

    create table audit_log (
      id integer generated always as identity primary key,
      actor_user_id integer references app_user(id) on delete set null,
      actor_label text not null,
      at timestamptz not null,
      action text not null,
      entity text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      ip text
    );
    create index audit_log_at on audit_log (at desc);

    -- Who uploaded a batch, so that members see the history of their own organisation's uploads.
    alter table import_batch add column uploaded_by_user_id integer references app_user(id) on delete set null;
    alter table import_batch add column organisation_id integer references organisation(id) on delete set null;

    -- Server-side secrets that must survive restarts (e.g. the salt of pseudonyms).
    create table app_secret (
      name text primary key,
      value text not null
    );
    insert into app_secret (name, value)
      values ('pseudonym_salt', md5(random()::text || clock_timestamp()::text) || md5(random()::text));
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table app_secret;
    alter table import_batch drop column organisation_id;
    alter table import_batch drop column uploaded_by_user_id;
    drop table audit_log;
    drop table login_attempt;
    drop table invitation;
    drop table user_session;
    drop table moderator_ring;
    drop table app_user;
  `.execute(db)
}
