/**
 * The indicators benchlearn knows from the start: the raw monthly series behind the § 48a SGB II
 * key figures (codes as in the domain description) and yearly context indicators used for fair
 * comparison and peer groups. Mapping files may add further indicators.
 */
import type { ConfidentialityClass } from '../../core/permissions'

export interface IndicatorDefinition {
  code: string
  nameDe: string
  nameEn: string
  unit: string
  frequency: 'monthly' | 'yearly'
  breakdowns: string[]
  kind: 'raw' | 'context'
  source: string
  licence: string
  definitionDe: string
  definitionEn: string
  /** Unmarked indicators (e.g. declared by a mapping) are network-confidential. */
  confidentiality?: ConfidentialityClass
}

export const SEX_BREAKDOWNS = ['total', 'women', 'men']
const BA = 'Statistik der Bundesagentur für Arbeit, Kennzahlen nach § 48a SGB II'
const BA_LICENCE = 'Quelle: Statistik der Bundesagentur für Arbeit'
const INKAR = 'INKAR, BBSR Bonn'
const INKAR_LICENCE = 'Datenlizenz Deutschland – Namensnennung 2.0; Datenquelle: INKAR, BBSR Bonn'

type IndicatorNames = Pick<IndicatorDefinition, 'code' | 'nameDe' | 'nameEn' | 'unit' | 'definitionEn'>

/** The German definition of a built-in indicator is its German name. */
function describe<C extends string>(
  names: IndicatorNames & { code: C },
  rest: Omit<IndicatorDefinition, keyof IndicatorNames | 'definitionDe'>,
): IndicatorDefinition & { code: C } {
  return { ...names, ...rest, definitionDe: names.nameDe }
}

function raw<C extends string>(
  code: C,
  nameDe: string,
  nameEn: string,
  unit: string,
  definitionEn: string,
  breakdowns: string[] = SEX_BREAKDOWNS,
): IndicatorDefinition & { code: C } {
  return describe(
    { code, nameDe, nameEn, unit, definitionEn },
    {
      frequency: 'monthly',
      breakdowns,
      kind: 'raw',
      source: BA,
      licence: BA_LICENCE,
      confidentiality: 'public',
    },
  )
}

function context<C extends string>(
  code: C,
  nameDe: string,
  nameEn: string,
  unit: string,
  definitionEn: string,
  source = INKAR,
  licence = INKAR_LICENCE,
): IndicatorDefinition & { code: C } {
  return describe(
    { code, nameDe, nameEn, unit, definitionEn },
    {
      frequency: 'yearly',
      breakdowns: ['total'],
      kind: 'context',
      source,
      licence,
      confidentiality: 'public',
    },
  )
}

export const RAW_INDICATORS = [
  raw(
    'llu',
    'Leistungen zum Lebensunterhalt (LLU)',
    'Benefits for living costs (LLU)',
    'EUR',
    'Benefits for living costs under §§ 20, 21, 23, 24(1) SGB II, entitlement before sanctions, per month.',
    ['total'],
  ),
  raw(
    'luh',
    'Leistungen für Unterkunft und Heizung (LUH)',
    'Housing and heating benefits (LUH)',
    'EUR',
    'Benefits for housing and heating under § 22 SGB II, per month.',
    ['total'],
  ),
  raw(
    'elb',
    'Bestand erwerbsfähige Leistungsberechtigte (ELB)',
    'Stock of employable beneficiaries (ELB)',
    'persons',
    'Employable beneficiaries on the reporting day of the month.',
  ),
  raw(
    'elb_inflows',
    'Zugänge ELB',
    'ELB inflows',
    'persons',
    'Employable beneficiaries entering benefit receipt in the month.',
  ),
  raw(
    'elb_outflows',
    'Abgänge ELB',
    'ELB outflows',
    'persons',
    'Employable beneficiaries leaving benefit receipt in the month.',
  ),
  raw(
    'integrations',
    'Integrationen',
    'Integrations',
    'persons',
    'Take-up of employment subject to social insurance, full vocational training or self-employment; at most one per person and month; subsidised employment does not count.',
  ),
  raw(
    'marginal_entries',
    'Aufnahmen geringfügiger Beschäftigung',
    'Entries into marginal employment',
    'persons',
    'Employable beneficiaries taking up marginal employment (Minijob) in the month.',
  ),
  raw(
    'subsidised_entries',
    'Aufnahmen öffentlich geförderter Beschäftigung',
    'Entries into publicly subsidised employment',
    'persons',
    'Employable beneficiaries entering publicly subsidised employment in the month.',
  ),
  raw(
    'continuous_after_integration',
    'Kontinuierliche Beschäftigung nach Integration',
    'Continuous employment after integration',
    'persons',
    'Integrations of the month after which the person was employed in each of the following 6 months.',
  ),
  raw(
    'ae_elb',
    'Bestand ELB Alleinerziehende',
    'Stock of single-parent ELB',
    'persons',
    'Employable beneficiaries who are single parents.',
  ),
  raw(
    'ae_integrations',
    'Integrationen Alleinerziehende',
    'Integrations of single parents',
    'persons',
    'Integrations of single-parent ELB.',
  ),
  raw(
    'lzb',
    'Bestand Langzeitleistungsbeziehende (LZB)',
    'Stock of long-term beneficiaries (LZB)',
    'persons',
    'ELB who received benefits in at least 21 of the last 24 months.',
  ),
  raw(
    'lzb_inflows',
    'Zugänge LZB',
    'LZB inflows',
    'persons',
    'ELB becoming long-term beneficiaries in the month.',
  ),
  raw(
    'lzb_outflows',
    'Abgänge LZB',
    'LZB outflows',
    'persons',
    'Long-term beneficiaries leaving the LZB stock in the month.',
  ),
  raw(
    'lzb_integrations',
    'Integrationen LZB',
    'Integrations of LZB',
    'persons',
    'Integrations of long-term beneficiaries.',
  ),
  raw(
    'lzb_active',
    'LZB in aktivierenden Maßnahmen',
    'LZB in active measures',
    'persons',
    'Long-term beneficiaries taking part in an activating labour-market measure on the reporting day.',
  ),
]

export const CONTEXT_INDICATORS = [
  context(
    'sgb2_rate',
    'SGB II-Quote',
    'SGB II rate',
    '%',
    'People in SGB II benefit households per 100 inhabitants under the statutory retirement age (INKAR q_SGBII).',
  ),
  context(
    'unemployment_rate',
    'Arbeitslosenquote',
    'Unemployment rate',
    '%',
    'Registered unemployed per 100 civilian labour force.',
    'Statistik der Bundesagentur für Arbeit',
    BA_LICENCE,
  ),
  context(
    'gdp_per_employed',
    'BIP je Erwerbstätigen',
    'GDP per employed person',
    '1000 EUR',
    'Gross domestic product per person in employment, in thousand euros (INKAR q_bip_et).',
  ),
  context(
    'gdp_per_inhabitant',
    'BIP je Einwohner',
    'GDP per inhabitant',
    '1000 EUR',
    'Gross domestic product per inhabitant, in thousand euros (INKAR q_bip_ew).',
  ),
  context(
    'population_density',
    'Einwohnerdichte',
    'Population density',
    'inhabitants/km²',
    'Inhabitants per square kilometre (INKAR q_bev_fl).',
  ),
  context(
    'tourism_intensity',
    'Übernachtungen je Einwohner',
    'Tourism intensity',
    'overnight stays per inhabitant',
    'Overnight stays in accommodation establishments per inhabitant (INKAR q_übern_bev): a proxy for seasonality.',
  ),
  context(
    'population',
    'Bevölkerung',
    'Population',
    'persons',
    'Inhabitants on 31 December.',
    'Statistisches Bundesamt (Destatis)',
    'Datenlizenz Deutschland – Namensnennung 2.0; Statistisches Bundesamt (Destatis)',
  ),
  context(
    'settlement_type',
    'Siedlungsstruktureller Kreistyp',
    'Settlement-structure type',
    'type 1–4',
    'BBSR settlement-structure type of the district: 1 large independent city, 2 urban district, 3 rural district with signs of densification, 4 sparsely populated rural district.',
    'BBSR, siedlungsstrukturelle Kreistypen',
    'dl-de/by-2-0, © BBSR Bonn 2020',
  ),
]

/** The code of a raw monthly series of the catalogue (what the demo generator produces). */
export type RawIndicatorCode = (typeof RAW_INDICATORS)[number]['code']
/** The code of a yearly context indicator of the catalogue. */
export type ContextIndicatorCode = (typeof CONTEXT_INDICATORS)[number]['code']

/** The codes of the raw series split by sex (given as total, women and men). */
export const SEX_SPLIT_RAW_CODES: RawIndicatorCode[] = RAW_INDICATORS.filter((i) =>
  i.breakdowns.includes('women'),
).map((i) => i.code)
/** The codes of the raw series given as a total only (the euro series). */
export const TOTAL_ONLY_RAW_CODES: RawIndicatorCode[] = RAW_INDICATORS.filter(
  (i) => !i.breakdowns.includes('women'),
).map((i) => i.code)
export const CONTEXT_CODES: ContextIndicatorCode[] = CONTEXT_INDICATORS.map((i) => i.code)

export const BUILT_IN_INDICATORS: IndicatorDefinition[] = [...RAW_INDICATORS, ...CONTEXT_INDICATORS]
