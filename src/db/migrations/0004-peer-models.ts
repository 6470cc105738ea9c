import { sql, type Kysely } from 'kysely'

// Peer models (issue 4): a saved partition of organisations into peer groups, with everything
// needed to reproduce and judge it (inputs, parameters, data vintage, result, quality). Rings
// created from a model are ordinary rings with validity periods (see apply-peer-model.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table peer_model (
      id integer generated always as identity primary key,
      network_id integer references network(id) on delete cascade,
      name text not null,
      kind text not null check (kind in ('computed', 'official_types', 'manual')),
      method text not null check (method in ('ward', 'kmeans', 'rings', 'imported')),
      -- k, size bounds, constraints, seed: whatever the method was called with.
      parameters jsonb not null,
      -- indicators with transforms and weights, reference year, how the weights were found.
      inputs jsonb not null,
      -- reference year, the years of the values used, and the latest import batch among them.
      vintage jsonb not null,
      -- the standardised profile (ids, raw and weighted rows), dendrogram for Ward, hand moves.
      result jsonb not null,
      quality jsonb,
      created_by text not null,
      created_by_user_id integer references app_user(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index peer_model_network on peer_model (network_id);

    create table peer_group (
      id integer generated always as identity primary key,
      model_id integer not null references peer_model(id) on delete cascade,
      code text not null,
      name text not null,
      unique (model_id, code)
    );

    -- One group per organisation and model: the primary key says so.
    create table peer_group_member (
      model_id integer not null references peer_model(id) on delete cascade,
      group_id integer not null references peer_group(id) on delete cascade,
      organisation_id integer not null references organisation(id) on delete cascade,
      primary key (model_id, organisation_id)
    );
    create index peer_group_member_group on peer_group_member (group_id);
    create index peer_group_member_organisation on peer_group_member (organisation_id);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table peer_group_member;
    drop table peer_group;
    drop table peer_model;
  `.execute(db)
}
