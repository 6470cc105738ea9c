import { sql, type Kysely } from 'kysely'

// District boundaries for the map of rings (issue 5): one GeoJSON geometry (Polygon or
// MultiPolygon, WGS 84) per Kreis of the register, imported from a file such as the BKG VG5000
// (src/features/areas/import-boundaries.ts). An import replaces the whole set.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kreis_boundary (
      ags5 text primary key references kreis(ags5) on delete cascade,
      name text not null,
      geometry jsonb not null,
      -- e.g. the file name, and the attribution the licence asks for.
      source text not null,
      licence text,
      imported_at timestamptz not null
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table kreis_boundary`.execute(db)
}
