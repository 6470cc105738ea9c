import { sql, type Kysely } from 'kysely'

// Sign-in with the organisations' own accounts (OpenID Connect) and a TOTP second factor
// (docs/single-sign-on.md). Migrations take Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One OpenID Connect provider per organisation. The client secret is sent to the provider on
    -- every code exchange, so it is kept as it is (never returned by the API).
    create table sso_provider (
      organisation_id integer primary key references organisation(id) on delete cascade,
      display_name text not null check (length(display_name) between 1 and 200),
      issuer text not null,
      client_id text not null,
      client_secret text not null,
      -- Lower-case e-mail domains whose verified addresses may get an account of the least role.
      allowed_domains text[] not null default '{}',
      updated_at timestamptz not null
    );

    -- Who an account is at a provider: later sign-ins match by issuer and subject, never by e-mail.
    create table sso_identity (
      issuer text not null,
      subject text not null,
      user_id integer not null references app_user(id) on delete cascade,
      organisation_id integer not null references organisation(id) on delete cascade,
      created_at timestamptz not null,
      primary key (issuer, subject)
    );
    create index sso_identity_user on sso_identity (user_id);

    -- Sign-ins under way: the state's hash, the nonce and the PKCE verifier until the browser
    -- returns (used once: the row is deleted when it is taken).
    create table sso_sign_in (
      state_hash text primary key,
      organisation_id integer not null references organisation(id) on delete cascade,
      nonce text not null,
      code_verifier text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );

    -- TOTP (RFC 6238): the base32 secret; confirmed once a code of it was entered; the last
    -- time step used, so that a code cannot be used twice. Demo accounts are exempt (their
    -- passwords are public anyway); real accounts never are.
    alter table app_user add column totp_secret text;
    alter table app_user add column totp_confirmed_at timestamptz;
    alter table app_user add column totp_last_step bigint;
    alter table app_user add column is_totp_exempt boolean not null default false;
    -- The demo's accounts of an existing demo network (their passwords are printed at start).
    update app_user set is_totp_exempt = true
      where email like '%@demo.benchlearn.de' and exists (select 1 from network where is_demo);

    create table totp_recovery_code (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz
    );
    create index totp_recovery_code_user on totp_recovery_code (user_id);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table totp_recovery_code;
    alter table app_user drop column is_totp_exempt;
    alter table app_user drop column totp_last_step;
    alter table app_user drop column totp_confirmed_at;
    alter table app_user drop column totp_secret;
    drop table sso_sign_in;
    drop table sso_identity;
    drop table sso_provider;
  `.execute(db)
}
