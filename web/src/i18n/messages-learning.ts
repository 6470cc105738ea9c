/**
 * The texts of the improvement-potential page (Verbesserungspotenziale) and the council report form,
 * in German. Loaded with that page (learning-texts.ts); the English table is messages-learning-en.ts.
 * The sentences about amounts and effects come from src/core/benchlearning/describe-potential.ts,
 * which the council report uses too.
 */
export const de = {
  'learning.title': 'Verbesserungspotenziale',
  'learning.intro':
    'Wo Ihr Jobcenter hinter dem liegt, was seine Rahmenbedingungen erwarten lassen, oder hinter den besseren Vergleichspartnern – umgerechnet in Menschen oder Euro, mit den Praxisbeispielen derer, die es besser machen.',
  'learning.noOrganisation':
    'Verbesserungspotenziale gibt es für ein Jobcenter. Ihr Konto gehört zu keinem; öffnen Sie die Seite mit ?org=<Schlüssel>.',
  'learning.group': 'Vergleichspartner',
  'learning.group.ring': 'Vergleichsring',
  'learning.group.type': 'Vergleichstyp',
  'learning.group.neighbours': 'Nächste Nachbarn',
  'learning.period': 'Datenstand {period}',
  'learning.none':
    'Bei keiner Kennzahl liegt Ihr Jobcenter hinter dem erwarteten Wert oder den besseren Vergleichspartnern.',
  'learning.tier.worse_than_expected': 'Realistisch: deutlich unter dem Erwartbaren',
  'learning.tier.below_expected': 'Realistisch: unter dem erwarteten Wert, im üblichen Rahmen',
  'learning.tier.behind_peers': 'Ehrgeizig: hinter den besseren Vergleichspartnern',
  'learning.actual': 'Ist-Wert',
  'learning.noAmount': 'Keine Umrechnung in Menschen oder Euro möglich (Durchschnitt von Monatsquoten).',
  'learning.betterPeers': 'Besser unter ähnlichen Bedingungen',
  'learning.noBetterPeers': 'Keine namentlich sichtbaren Vergleichspartner liegen vorn.',
  'learning.evidence': 'Praxisbeispiele zu dieser Kennzahl',
  'learning.noEvidence': 'Noch keine Praxisbeispiele zu dieser Kennzahl.',
  'learning.fromBetterPeer': 'von einem besseren Vergleichspartner',
  'learning.adoptions': '{count} sichtbare Übernahmen',
  'learning.noEffect': 'Noch keine Wirkungsprüfung einer sichtbaren Übernahme.',
  'learning.try': 'Das wollen wir ausprobieren',
  'learning.tried': 'Als Thema für das nächste Treffen vorgeschlagen.',
  'learning.toTopics': 'Zu den Themen',
  'learning.adopt': 'Übernahme erfassen, sobald gestartet',
  'learning.noRing': 'Ihr Jobcenter gehört zu keinem Vergleichsring: Themen lassen sich nicht vorschlagen.',
  'learning.withheld':
    'Zum Schutz vertraulicher Werte wird nur gezeigt, was die Offenlegungsregeln erlauben.',
  'learning.report': 'Bericht für Kreistag und Sozialausschuss',
  'learning.reportIntro':
    'Folien mit je einer Aussage: Lage unter fairen Vergleichspartnern, Rahmenbedingungen, Potenziale und übernommene Maßnahmen. Als PDF oder als bearbeitbare PowerPoint-Datei.',
  'learning.sections': 'Abschnitte',
  'learning.section.position': 'Wo wir stehen',
  'learning.section.context': 'Was unsere Lage erklärt',
  'learning.section.potentials': 'Verbesserungspotenziale',
  'learning.section.measures': 'Übernommene Maßnahmen',
  'learning.language': 'Sprache des Berichts',
  'learning.downloadPdf': 'PDF herunterladen',
  'learning.downloadPptx': 'PowerPoint herunterladen',
  'learning.producing': 'Der Bericht wird erstellt …',
  'learning.produced': 'Bericht heruntergeladen.',
  'learning.chooseSection': 'Wählen Sie mindestens einen Abschnitt.',
}

export type LearningKey = keyof typeof de
export type LearningMessages = Record<LearningKey, string>
