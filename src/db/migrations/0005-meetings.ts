import { sql, type Kysely } from 'kysely'

// Meetings of rings and network-wide events, topics and votes, agenda, minutes, decisions, action
// items, comments on minutes, and in-app notifications (issue 6, part A).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table meeting (
      id integer generated always as identity primary key,
      network_id integer not null references network(id) on delete cascade,
      -- null = a network-wide event (annual day, cross-ring forum) open to every ring.
      ring_id integer references ring(id) on delete cascade,
      kind text not null check (kind in ('ring_meeting', 'annual_day', 'thematic_forum')),
      title text not null,
      starts_on date not null,
      ends_on date not null,
      -- Local times (Europe/Berlin), HH:MM; both null = all-day.
      start_time text check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      end_time text check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      venue text,
      host_organisation_id integer references organisation(id) on delete set null,
      -- How the host was chosen: by the rotation rule, or by the moderator instead of it.
      host_source text not null default 'none' check (host_source in ('rotation', 'override', 'none')),
      moderator_user_id integer references app_user(id) on delete set null,
      status text not null default 'planned'
        check (status in ('planned', 'invited', 'held', 'minutes_approved')),
      minutes_approved_at timestamptz,
      minutes_approved_by integer references app_user(id) on delete set null,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on),
      check ((start_time is null) = (end_time is null)),
      check ((kind = 'ring_meeting') = (ring_id is not null))
    );
    create index meeting_ring_date on meeting (ring_id, starts_on);
    create index meeting_date on meeting (starts_on);

    -- Registrations of people; the invited organisations are the ring's (or network's) members.
    create table meeting_registration (
      meeting_id integer not null references meeting(id) on delete cascade,
      user_id integer not null references app_user(id) on delete cascade,
      organisation_id integer references organisation(id) on delete cascade,
      status text not null check (status in ('registered', 'declined')),
      note text,
      updated_at timestamptz not null,
      primary key (meeting_id, user_id)
    );

    create table topic (
      id integer generated always as identity primary key,
      network_id integer not null references network(id) on delete cascade,
      -- null = a topic for the whole network (cross-ring forums).
      ring_id integer references ring(id) on delete cascade,
      title text not null,
      description text,
      proposed_by_user_id integer references app_user(id) on delete set null,
      proposed_by_organisation_id integer references organisation(id) on delete set null,
      status text not null default 'open' check (status in ('open', 'scheduled', 'done', 'rejected')),
      is_demo boolean not null default false,
      created_at timestamptz not null
    );
    create index topic_ring on topic (ring_id);

    -- One vote per user and topic (see docs/benchlearning.md for the tally rule).
    create table topic_vote (
      topic_id integer not null references topic(id) on delete cascade,
      user_id integer not null references app_user(id) on delete cascade,
      organisation_id integer references organisation(id) on delete cascade,
      created_at timestamptz not null,
      primary key (topic_id, user_id)
    );

    create table action_item (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id) on delete cascade,
      agenda_item_id integer,
      title text not null,
      owner_organisation_id integer references organisation(id) on delete set null,
      owner_user_id integer references app_user(id) on delete set null,
      due_on date,
      status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
      created_at timestamptz not null,
      completed_at timestamptz
    );
    create index action_item_open on action_item (status, due_on);

    create table agenda_item (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('key_figure_review', 'practice_presentation', 'discussion', 'input')),
      title text not null,
      description text,
      presenter_organisation_id integer references organisation(id) on delete set null,
      presenter_name text,
      duration_minutes integer not null check (duration_minutes between 5 and 600),
      source text not null default 'manual' check (source in ('manual', 'topic', 'spotlight', 'open_action')),
      topic_id integer references topic(id) on delete set null,
      action_item_id integer references action_item(id) on delete set null,
      -- The spotlight as proposed (numbers and sentence), frozen when it was put on the agenda.
      spotlight jsonb,
      minutes text,
      minutes_updated_at timestamptz
    );
    create index agenda_item_meeting on agenda_item (meeting_id, position);
    alter table action_item add foreign key (agenda_item_id) references agenda_item(id) on delete set null;

    create table decision (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id) on delete cascade,
      agenda_item_id integer references agenda_item(id) on delete set null,
      text text not null,
      created_at timestamptz not null
    );

    create table minutes_comment (
      id integer generated always as identity primary key,
      meeting_id integer not null references meeting(id) on delete cascade,
      agenda_item_id integer references agenda_item(id) on delete set null,
      user_id integer references app_user(id) on delete set null,
      organisation_id integer references organisation(id) on delete set null,
      text text not null,
      created_at timestamptz not null
    );

    create table notification (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      kind text not null
        check (kind in ('upcoming_meeting', 'invitation', 'new_practice', 'action_due', 'minutes_to_approve')),
      payload jsonb not null,
      -- Time-based notifications are derived repeatedly; the key makes each one appear once.
      dedupe_key text,
      created_at timestamptz not null,
      read_at timestamptz,
      unique (user_id, dedupe_key)
    );
    create index notification_user on notification (user_id, created_at desc);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table notification;
    drop table minutes_comment;
    drop table decision;
    alter table action_item drop constraint action_item_agenda_item_id_fkey;
    drop table agenda_item;
    drop table action_item;
    drop table topic_vote;
    drop table topic;
    drop table meeting_registration;
    drop table meeting;
  `.execute(db)
}
