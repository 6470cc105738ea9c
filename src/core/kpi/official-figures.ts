import type { FigureDefinition } from './figure-definition'

export const KENNZAHLEN_LEGAL_SOURCE =
  '§ 48a SGB II i. V. m. der Verordnung zur Festlegung der Kennzahlen nach § 48a SGB II vom 12.08.2010 (BGBl. I S. 1152), zuletzt geändert 2019'

/** Version 1 of every official figure applies from the first month the regulation covers. */
const VALID_FROM = '2011-01-01'

/** What differs between the official figures; the rest is the same for all 15. */
type OfficialFigureInput = Omit<FigureDefinition, 'version' | 'validFrom' | 'unit' | 'legalSource'>

function official(input: OfficialFigureInput): FigureDefinition {
  return { ...input, version: 1, validFrom: VALID_FROM, unit: '%', legalSource: KENNZAHLEN_LEGAL_SOURCE }
}

// Averages of monthly rates (K1E3, K1E4, K3E3, K3E4) are written as numerator = mean of the
// monthly quotients and denominator = 1: the regulation averages twelve monthly rates, which is not
// the same number as a quotient of two twelve-month sums, so no other split would be honest.
const AVERAGE_OF_RATES_DE =
  ' Als Zähler wird der Durchschnitt der zwölf Monatsquoten ausgewiesen, der Nenner ist 1.'
const AVERAGE_OF_RATES_EN =
  ' The numerator shown is the average of the twelve monthly rates; the denominator is 1.'

/** The 15 key figures of § 48a SGB II as definitions in the formula language (version 1 each). */
export const OFFICIAL_FIGURES: readonly FigureDefinition[] = [
  official({
    code: 'K1',
    nameDe: 'Veränderung der Summe der Leistungen zum Lebensunterhalt',
    nameEn: 'Change in benefits for living costs',
    explanationDe:
      'Wie stark sich die im Monat gezahlten Leistungen zum Lebensunterhalt gegenüber dem Vorjahresmonat verändert haben, in Prozent. Ein niedrigerer Wert ist besser.',
    explanationEn:
      'How much the benefits for living costs paid in the month changed compared with the same month a year earlier, in percent. Lower is better.',
    numerator: 'llu',
    denominator: 'lag(llu, 12)',
    transform: 'change_rate',
    polarity: 'lower_is_better',
    hasSexBreakdown: false,
  }),
  official({
    code: 'K1E1',
    nameDe: 'Veränderung der Leistungen für Unterkunft und Heizung',
    nameEn: 'Change in housing and heating benefits',
    explanationDe:
      'Wie stark sich die Leistungen für Unterkunft und Heizung gegenüber dem Vorjahresmonat verändert haben, in Prozent. Ein niedrigerer Wert ist besser.',
    explanationEn:
      'How much the housing and heating benefits changed compared with the same month a year earlier, in percent. Lower is better.',
    numerator: 'luh',
    denominator: 'lag(luh, 12)',
    transform: 'change_rate',
    polarity: 'lower_is_better',
    hasSexBreakdown: false,
  }),
  official({
    code: 'K1E2',
    nameDe: 'Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten',
    nameEn: 'Change in the number of employable beneficiaries',
    explanationDe:
      'Wie stark sich die Zahl der erwerbsfähigen Leistungsberechtigten gegenüber dem Vorjahresmonat verändert hat, in Prozent. Ein niedrigerer Wert ist besser.',
    explanationEn:
      'How much the number of employable beneficiaries changed compared with the same month a year earlier, in percent. Lower is better.',
    numerator: 'elb',
    denominator: 'lag(elb, 12)',
    transform: 'change_rate',
    polarity: 'lower_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K1E3',
    nameDe: 'Durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten',
    nameEn: 'Average inflow rate of employable beneficiaries',
    explanationDe:
      'Wie viele Menschen im Monat neu in den Leistungsbezug kommen, gemessen am Bestand desselben Monats, gemittelt über die letzten zwölf Monate. Ein niedrigerer Wert ist besser.' +
      AVERAGE_OF_RATES_DE,
    explanationEn:
      'How many people start receiving benefits in a month relative to the stock of that month, averaged over the last twelve months. Lower is better.' +
      AVERAGE_OF_RATES_EN,
    numerator: 'mean(elb_inflows / elb, 12)',
    denominator: '1',
    transform: 'percent',
    polarity: 'lower_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K1E4',
    nameDe: 'Durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten',
    nameEn: 'Average outflow rate of employable beneficiaries',
    explanationDe:
      'Wie viele Menschen im Monat den Leistungsbezug verlassen, gemessen am Bestand des Vormonats, gemittelt über die letzten zwölf Monate. Ein höherer Wert ist besser.' +
      AVERAGE_OF_RATES_DE,
    explanationEn:
      'How many people leave benefit receipt in a month relative to the stock of the previous month, averaged over the last twelve months. Higher is better.' +
      AVERAGE_OF_RATES_EN,
    numerator: 'mean(elb_outflows / lag(elb, 1), 12)',
    denominator: '1',
    transform: 'percent',
    polarity: 'higher_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K2',
    nameDe: 'Integrationsquote',
    nameEn: 'Integration rate',
    explanationDe:
      'Wie viele Menschen in den letzten zwölf Monaten eine sozialversicherungspflichtige Beschäftigung, eine voll qualifizierende Ausbildung oder eine Selbständigkeit aufgenommen haben, im Verhältnis zum durchschnittlichen Bestand. Ein höherer Wert ist besser.',
    explanationEn:
      'How many people took up employment subject to social insurance, full vocational training or self-employment in the last twelve months, relative to the average stock. Higher is better.',
    numerator: 'sum(integrations, 12)',
    denominator: 'mean(elb, 12)',
    transform: 'percent',
    polarity: 'higher_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K2E1',
    nameDe: 'Aufnahmequote geringfügiger Beschäftigung',
    nameEn: 'Rate of entries into marginal employment',
    explanationDe:
      'Wie viele Menschen in den letzten zwölf Monaten einen Minijob aufgenommen haben, im Verhältnis zum durchschnittlichen Bestand. Der Wert beschreibt die Lage und ist keine Leistungsbewertung.',
    explanationEn:
      'How many people took up a marginal job (Minijob) in the last twelve months, relative to the average stock. The value describes the situation; it is not a performance measure.',
    numerator: 'sum(marginal_entries, 12)',
    denominator: 'mean(elb, 12)',
    transform: 'percent',
    polarity: 'context',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K2E2',
    nameDe: 'Aufnahmequote öffentlich geförderter Beschäftigung',
    nameEn: 'Rate of entries into publicly subsidised employment',
    explanationDe:
      'Wie viele Menschen in den letzten zwölf Monaten eine öffentlich geförderte Beschäftigung aufgenommen haben, im Verhältnis zum durchschnittlichen Bestand. Der Wert beschreibt die Lage und ist keine Leistungsbewertung.',
    explanationEn:
      'How many people entered publicly subsidised employment in the last twelve months, relative to the average stock. The value describes the situation; it is not a performance measure.',
    numerator: 'sum(subsidised_entries, 12)',
    denominator: 'mean(elb, 12)',
    transform: 'percent',
    polarity: 'context',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K2E3',
    nameDe: 'Quote der kontinuierlichen Beschäftigung nach Integration',
    nameEn: 'Rate of continuous employment after integration',
    explanationDe:
      'Welcher Anteil der Integrationen der letzten zwölf Monate in den sechs Folgemonaten durchgehend beschäftigt blieb. Ein höherer Wert ist besser.',
    explanationEn:
      'What share of the integrations of the last twelve months stayed in work in each of the following six months. Higher is better.',
    numerator: 'sum(continuous_after_integration, 12)',
    denominator: 'sum(integrations, 12)',
    transform: 'percent',
    polarity: 'higher_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K2E4',
    nameDe: 'Integrationsquote der Alleinerziehenden',
    nameEn: 'Integration rate of single parents',
    explanationDe:
      'Die Integrationsquote (wie K2) nur für alleinerziehende erwerbsfähige Leistungsberechtigte. Ein höherer Wert ist besser.',
    explanationEn: 'The integration rate (as K2) for single parents only. Higher is better.',
    numerator: 'sum(ae_integrations, 12)',
    denominator: 'mean(ae_elb, 12)',
    transform: 'percent',
    polarity: 'higher_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K3',
    nameDe: 'Veränderung des Bestands an Langzeitleistungsbeziehenden',
    nameEn: 'Change in the stock of long-term beneficiaries',
    explanationDe:
      'Wie stark sich die Zahl der Menschen, die in den letzten 24 Monaten mindestens 21 Monate Leistungen bezogen, gegenüber dem Vorjahresmonat verändert hat, in Prozent. Ein niedrigerer Wert ist besser.',
    explanationEn:
      'How much the number of people who received benefits for at least 21 of the last 24 months changed compared with the same month a year earlier, in percent. Lower is better.',
    numerator: 'lzb',
    denominator: 'lag(lzb, 12)',
    transform: 'change_rate',
    polarity: 'lower_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K3E1',
    nameDe: 'Integrationsquote der Langzeitleistungsbeziehenden',
    nameEn: 'Integration rate of long-term beneficiaries',
    explanationDe:
      'Die Integrationsquote (wie K2) nur für Langzeitleistungsbeziehende. Ein höherer Wert ist besser.',
    explanationEn: 'The integration rate (as K2) for long-term beneficiaries only. Higher is better.',
    numerator: 'sum(lzb_integrations, 12)',
    denominator: 'mean(lzb, 12)',
    transform: 'percent',
    polarity: 'higher_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K3E2',
    nameDe: 'Aktivierungsquote der Langzeitleistungsbeziehenden',
    nameEn: 'Activation rate of long-term beneficiaries',
    explanationDe:
      'Welcher Anteil der Langzeitleistungsbeziehenden im Monat an einer aktivierenden Maßnahme teilnimmt. Der Wert beschreibt die Lage und ist keine Leistungsbewertung.',
    explanationEn:
      'What share of long-term beneficiaries takes part in an activating measure in the month. The value describes the situation; it is not a performance measure.',
    numerator: 'lzb_active',
    denominator: 'lzb',
    transform: 'percent',
    polarity: 'context',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K3E3',
    nameDe: 'Durchschnittliche Zugangsrate der Langzeitleistungsbeziehenden',
    nameEn: 'Average inflow rate of long-term beneficiaries',
    explanationDe:
      'Wie viele Menschen im Monat neu zu Langzeitleistungsbeziehenden werden, gemessen am Bestand desselben Monats, gemittelt über die letzten zwölf Monate. Ein niedrigerer Wert ist besser.' +
      AVERAGE_OF_RATES_DE,
    explanationEn:
      'How many people become long-term beneficiaries in a month relative to the stock of that month, averaged over the last twelve months. Lower is better.' +
      AVERAGE_OF_RATES_EN,
    numerator: 'mean(lzb_inflows / lzb, 12)',
    denominator: '1',
    transform: 'percent',
    polarity: 'lower_is_better',
    hasSexBreakdown: true,
  }),
  official({
    code: 'K3E4',
    nameDe: 'Durchschnittliche Abgangsrate der Langzeitleistungsbeziehenden',
    nameEn: 'Average outflow rate of long-term beneficiaries',
    explanationDe:
      'Wie viele Menschen im Monat den Langzeitleistungsbezug verlassen, gemessen am Bestand des Vormonats, gemittelt über die letzten zwölf Monate. Ein höherer Wert ist besser.' +
      AVERAGE_OF_RATES_DE,
    explanationEn:
      'How many people leave long-term benefit receipt in a month relative to the stock of the previous month, averaged over the last twelve months. Higher is better.' +
      AVERAGE_OF_RATES_EN,
    numerator: 'mean(lzb_outflows / lag(lzb, 1), 12)',
    denominator: '1',
    transform: 'percent',
    polarity: 'higher_is_better',
    hasSexBreakdown: true,
  }),
]
