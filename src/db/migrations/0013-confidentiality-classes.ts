import { sql, type Kysely } from 'kysely'

// Confidentiality classes (docs/security.md, "Public and network-confidential values"): every
// indicator and key figure is either `public` (published by an office: the § 48a figures and their
// raw series, INKAR and other official context) or `network` (delivered by the members: data
// collections, own figures, anything a mapping declares without saying more). Organisations get the
// official comparison type (IAB "Vergleichstyp") so that all job centres of a type can be compared.
// Migrations take Kysely<unknown>: they must not depend on today's row types, hence the literal codes.
const PUBLIC_INDICATORS = [
  'llu',
  'luh',
  'elb',
  'elb_inflows',
  'elb_outflows',
  'integrations',
  'marginal_entries',
  'subsidised_entries',
  'continuous_after_integration',
  'ae_elb',
  'ae_integrations',
  'lzb',
  'lzb_inflows',
  'lzb_outflows',
  'lzb_integrations',
  'lzb_active',
  'sgb2_rate',
  'unemployment_rate',
  'gdp_per_employed',
  'gdp_per_inhabitant',
  'population_density',
  'tourism_intensity',
  'population',
  'settlement_type',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table indicator add column confidentiality text not null default 'network'
      check (confidentiality in ('public', 'network'));
    alter table kpi_definition add column confidentiality text not null default 'network'
      check (confidentiality in ('public', 'network'));
    update kpi_definition set confidentiality = 'public' where is_official;
    alter table organisation add column comparison_type text
      check (comparison_type is null or length(comparison_type) between 1 and 40);
    create index organisation_comparison_type on organisation (comparison_type)
      where comparison_type is not null;
  `.execute(db)
  await sql`
    update indicator set confidentiality = 'public'
    where not is_own and code in (${sql.join(PUBLIC_INDICATORS)})
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists organisation_comparison_type;
    alter table organisation drop column comparison_type;
    alter table kpi_definition drop column confidentiality;
    alter table indicator drop column confidentiality;
  `.execute(db)
}
