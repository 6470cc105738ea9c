/**
 * The default self-assessment template: the seven performance-enabler areas of the EU PES
 * benchlearning method (Decision 573/2014/EU; areas 4–7 worded after secondary sources) and a
 * 1–5 maturity scale. The method does not fix a scale here, so cycles may bring their own.
 */
import type { ScaleLevel } from '../../db/schema'

export interface TemplateArea {
  code: string
  nameDe: string
  nameEn: string
  descriptionDe: string
  descriptionEn: string
}

export const PES_ENABLER_AREAS: readonly TemplateArea[] = [
  {
    code: 'strategic_performance_management',
    nameDe: 'Strategisches Leistungsmanagement',
    nameEn: 'Strategic performance management',
    descriptionDe:
      'Ziele, Kennzahlen und Steuerung: Werden Ziele aus der Strategie abgeleitet, gemessen und nachgesteuert?',
    descriptionEn:
      'Targets, indicators and steering: are targets derived from the strategy, measured and acted upon?',
  },
  {
    code: 'operational_processes',
    nameDe: 'Gestaltung der operativen Prozesse',
    nameEn: 'Design of operational processes',
    descriptionDe:
      'Kernprozesse von der Antragstellung bis zur Integration: beschrieben, verlässlich, digital unterstützt.',
    descriptionEn:
      'Core processes from application to integration: described, reliable, digitally supported.',
  },
  {
    code: 'sustainable_activation',
    nameDe: 'Nachhaltige Aktivierung und Gestaltung von Übergängen',
    nameEn: 'Sustainable activation and management of transitions',
    descriptionDe: 'Frühe Aktivierung, passgenaue Angebote und Begleitung nach der Arbeitsaufnahme.',
    descriptionEn: 'Early activation, tailored offers and support after taking up work.',
  },
  {
    code: 'employer_relations',
    nameDe: 'Beziehungen zu Arbeitgebern',
    nameEn: 'Relations with employers',
    descriptionDe: 'Arbeitgeberservice, feste Ansprechpersonen, Stellenakquise und Matching.',
    descriptionEn: 'Employer services, named contacts, vacancy acquisition and matching.',
  },
  {
    code: 'evidence_based_services',
    nameDe: 'Evidenzbasierte Gestaltung und Umsetzung von Dienstleistungen',
    nameEn: 'Evidence-based design and implementation of services',
    descriptionDe: 'Maßnahmen werden auf Wirkung geprüft; Ergebnisse fließen in die Planung ein.',
    descriptionEn: 'Measures are checked for effect; results feed into planning.',
  },
  {
    code: 'partnership_management',
    nameDe: 'Wirksames Management von Partnerschaften',
    nameEn: 'Effective management of partnerships with stakeholders',
    descriptionDe: 'Zusammenarbeit mit Trägern, Kommune, Agentur, Kammern und sozialen Diensten.',
    descriptionEn:
      'Cooperation with providers, the municipality, the employment agency, chambers and social services.',
  },
  {
    code: 'resource_allocation',
    nameDe: 'Ressourcensteuerung',
    nameEn: 'Allocation of resources',
    descriptionDe:
      'Personal, Eingliederungsbudget und Verwaltungskosten werden nach Bedarf und Wirkung verteilt.',
    descriptionEn: 'Staff, integration budget and administrative costs are allocated by need and effect.',
  },
]

export const DEFAULT_SCALE: { min: number; max: number; levels: ScaleLevel[] } = {
  min: 1,
  max: 5,
  levels: [
    {
      level: 1,
      labelDe: 'Ansätze',
      labelEn: 'Initial',
      descriptionDe: 'Einzelne Ansätze, abhängig von Personen; nicht geplant oder gemessen.',
      descriptionEn: 'Isolated efforts that depend on individuals; not planned or measured.',
    },
    {
      level: 2,
      labelDe: 'Geplant',
      labelEn: 'Planned',
      descriptionDe: 'Vorgehen ist geplant und teilweise umgesetzt.',
      descriptionEn: 'The approach is planned and partly implemented.',
    },
    {
      level: 3,
      labelDe: 'Umgesetzt',
      labelEn: 'Implemented',
      descriptionDe: 'Vorgehen ist im ganzen Haus umgesetzt und beschrieben.',
      descriptionEn: 'The approach is implemented throughout the organisation and documented.',
    },
    {
      level: 4,
      labelDe: 'Überprüft',
      labelEn: 'Reviewed',
      descriptionDe: 'Ergebnisse werden regelmäßig gemessen und das Vorgehen wird nachgesteuert.',
      descriptionEn: 'Results are measured regularly and the approach is adjusted.',
    },
    {
      level: 5,
      labelDe: 'Vorbildlich',
      labelEn: 'Exemplary',
      descriptionDe: 'Kontinuierlich verbessert, mit Vergleichspartnern abgeglichen; andere lernen davon.',
      descriptionEn: 'Continuously improved and benchmarked; others learn from it.',
    },
  ],
}
