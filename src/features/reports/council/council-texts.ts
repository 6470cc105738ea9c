/**
 * Every text of the council report, German first, English too. Placeholders are `{name}` and are
 * filled by `councilText` through core/format's interpolate; numbers and dates are formatted by
 * core/format before they are put in.
 */
import { interpolate, type Locale, type MessageParams } from '../../../core/format/format'

const de = {
  title: '{organisation}: Kennzahlen, Lage und Verbesserungspotenziale',
  subtitle: 'Bericht für Kreistag und Sozialausschuss · Datenstand {period}',
  created:
    'Erstellt am {date} aus den Kennzahlen nach § 48a SGB II und den Daten des Benchlearning-Netzwerks.',
  footer: '{organisation} · Datenstand {period}',
  demo: 'Demo-Daten: synthetisch, keine echten Kennzahlen',
  contents: 'Inhalt',
  'section.position': 'Wo wir stehen',
  'section.context': 'Was unsere Lage erklärt',
  'section.potentials': 'Verbesserungspotenziale',
  'section.measures': 'Übernommene Maßnahmen und ihre Wirkung',
  'position.message':
    '{better} von {judged} Kennzahlen besser, {worse} schlechter als unter unseren Rahmenbedingungen zu erwarten',
  'position.messageNone': 'Für diesen Datenstand gibt es noch keinen Vergleich mit dem erwarteten Wert',
  'position.figure': 'Kennzahl',
  'position.actual': 'Ist',
  'position.expected': 'Erwartet (95-%-Intervall)',
  'position.judgement': 'Einordnung',
  'position.trend': 'Verlauf über drei Jahre',
  'position.note':
    'Der erwartete Wert ist das, was ein Jobcenter mit unseren Rahmenbedingungen im Durchschnitt erreicht. „Besser“ oder „schlechter“ steht nur, wo der Ist-Wert außerhalb des Intervalls liegt.',
  'judgement.better_than_expected': 'besser als erwartet',
  'judgement.worse_than_expected': 'schlechter als erwartet',
  'judgement.as_expected': 'im Rahmen',
  'judgement.above_expected': 'Kontext (über erwartet)',
  'judgement.below_expected': 'Kontext (unter erwartet)',
  'judgement.none': 'kein Vergleich',
  'context.message': 'Unsere Rahmenbedingungen erklären einen Teil der Unterschiede',
  'context.indicator': 'Rahmenbedingung',
  'context.value': 'Wert',
  'context.year': 'Jahr',
  'context.none': 'Für dieses Jobcenter liegen keine Kontextdaten vor.',
  'potentials.message': '{figure}: {amount}',
  'potentials.messageNoAmount': '{figure}: {gap} Prozentpunkte Abstand',
  'potentials.none':
    'Bei keiner Kennzahl liegt das Jobcenter hinter dem erwarteten Wert oder den besseren Vergleichspartnern.',
  'potentials.toExpected': '{target} ({value}; Ist {actual}): {amount}',
  'potentials.toPeers': '{target} ({value}): {amount}',
  'potentials.noAmount': 'keine Umrechnung in Personen oder Euro möglich',
  'potentials.betterPeers': 'Besser unter ähnlichen Bedingungen: {names}',
  'potentials.practices': 'Praxisbeispiele: {titles}',
  'potentials.tier.worse_than_expected':
    'Realistisch: deutlich unter dem, was unsere Rahmenbedingungen erwarten lassen.',
  'potentials.tier.below_expected': 'Realistisch: unter dem erwarteten Wert, aber im üblichen Rahmen.',
  'potentials.tier.behind_peers': 'Ehrgeizig: wie erwartet, aber hinter den besseren Vergleichspartnern.',
  'measures.message': '{count} übernommene Maßnahmen, geprüft gegen die Ringpartner',
  'measures.none': 'Noch keine übernommenen Praxisbeispiele erfasst.',
  'measures.practice': 'Maßnahme',
  'measures.started': 'Seit',
  'measures.effect': 'Wirkungsprüfung',
  'measures.caveat':
    'Hinweis, kein Beweis: Der Vergleich mit den Ringpartnern vorher und nachher kann andere Ursachen nicht ausschließen.',
  'closing.title': 'So ist der Bericht entstanden',
  'closing.text':
    'Kennzahlen nach § 48a SGB II; erwartete Werte aus einer Regression aller Jobcenter auf ihre Rahmenbedingungen; Vergleichspartner aus dem Vergleichsring. Werte anderer Jobcenter erscheinen nur, soweit sie geteilt werden.',
  page: 'Seite',
}

export type CouncilTextKey = keyof typeof de

const en: Record<CouncilTextKey, string> = {
  title: '{organisation}: key figures, situation and improvement potential',
  subtitle: 'Report for the district council and its social committee · data as of {period}',
  created: 'Made on {date} from the key figures of § 48a SGB II and the data of the benchlearning network.',
  footer: '{organisation} · data as of {period}',
  demo: 'Demo data: synthetic, not real figures',
  contents: 'Contents',
  'section.position': 'Where we stand',
  'section.context': 'What explains our situation',
  'section.potentials': 'Improvement potential',
  'section.measures': 'Measures adopted and their effect',
  'position.message':
    '{better} of {judged} figures better, {worse} worse than our conditions lead one to expect',
  'position.messageNone': 'No comparison with the expected value exists for this date of data yet',
  'position.figure': 'Figure',
  'position.actual': 'Actual',
  'position.expected': 'Expected (95% interval)',
  'position.judgement': 'Assessment',
  'position.trend': 'Trend over three years',
  'position.note':
    'The expected value is what a job centre with our conditions achieves on average. "Better" or "worse" is said only where the actual value lies outside the interval.',
  'judgement.better_than_expected': 'better than expected',
  'judgement.worse_than_expected': 'worse than expected',
  'judgement.as_expected': 'as expected',
  'judgement.above_expected': 'context (above expected)',
  'judgement.below_expected': 'context (below expected)',
  'judgement.none': 'no comparison',
  'context.message': 'Our conditions explain part of the differences',
  'context.indicator': 'Condition',
  'context.value': 'Value',
  'context.year': 'Year',
  'context.none': 'There are no context data for this job centre.',
  'potentials.message': '{figure}: {amount}',
  'potentials.messageNoAmount': '{figure}: a gap of {gap} percentage points',
  'potentials.none': 'On no figure is the job centre behind its expected value or the better peers.',
  'potentials.toExpected': '{target} ({value}; actual {actual}): {amount}',
  'potentials.toPeers': '{target} ({value}): {amount}',
  'potentials.noAmount': 'no translation into people or euros possible',
  'potentials.betterPeers': 'Better under similar conditions: {names}',
  'potentials.practices': 'Practice cards: {titles}',
  'potentials.tier.worse_than_expected': 'Realistic: clearly below what our conditions lead one to expect.',
  'potentials.tier.below_expected': 'Realistic: below the expected value, but within the usual range.',
  'potentials.tier.behind_peers': 'Ambitious: as expected, but behind the better peers.',
  'measures.message': '{count} measures adopted, checked against the ring peers',
  'measures.none': 'No adopted practices recorded yet.',
  'measures.practice': 'Measure',
  'measures.started': 'Since',
  'measures.effect': 'Effect check',
  'measures.caveat':
    'An indication, not proof: comparing with the ring peers before and after cannot rule out other causes.',
  'closing.title': 'How this report was made',
  'closing.text':
    'Key figures of § 48a SGB II; expected values from a regression of all job centres on their conditions; peers from the comparison ring. Values of other job centres appear only as far as they are shared.',
  page: 'Page',
}

const TABLES: Record<Locale, Record<CouncilTextKey, string>> = { de, en }

export function councilText(locale: Locale, key: CouncilTextKey, params?: MessageParams): string {
  return interpolate(TABLES[locale][key], params)
}
