/**
 * Server texts of practices, self-assessment, accounts, single sign-on, backup, mail, reports, CLI, demo, potentials and networks, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const FEATURE_MESSAGES = {
  // Self-assessment cycles (features/self-assessment/manage-cycles.ts).
  'cycle.scaleRange': {
    de: 'Das Höchste der Skala muss über dem Niedrigsten ({min}) liegen, mit höchstens 11 Stufen.',
    en: 'The top of the scale must be above its bottom ({min}), with at most 11 levels.',
  },
  'cycle.scaleLevels': {
    de: 'Die Skala braucht je Stufe einen Eintrag, der Reihe nach: {expected}.',
    en: 'The scale needs one entry per level, in order: {expected}.',
  },
  'cycle.areaTwice': {
    de: 'Das Kürzel {code} steht zweimal unter den Bereichen.',
    en: 'The code {code} appears twice among the areas.',
  },
  'cycle.none': {
    de: 'Es gibt noch keine Runde der Selbstbewertung.',
    en: 'There is no self-assessment cycle yet.',
  },
  'cycle.unknown': {
    de: 'Eine Runde „{cycle}“ gibt es nicht (Kürzel: {codes}).',
    en: "There is no self-assessment cycle '{cycle}' (codes: {codes}).",
  },
  'cycle.noNetwork': {
    de: 'Es gibt noch kein Netzwerk, zu dem die Runde gehören könnte.',
    en: 'There is no network yet for the cycle to belong to.',
  },
  'cycle.codeExists': {
    de: 'Eine Runde mit dem Kürzel {code} gibt es schon.',
    en: 'A cycle with the code {code} exists already.',
  },
  'cycle.endsBeforeStart': {
    de: 'Das Ende liegt vor dem Beginn ({startsOn:date}).',
    en: 'The end is before the start ({startsOn:date}).',
  },
  'cycle.scaleFixed': {
    de: 'Es gibt schon Antworten: Die Skala kann sich nicht mehr ändern (Bezeichnungen und Beschreibungen schon).',
    en: 'Answers exist already: the scale can no longer change (its labels and descriptions can).',
  },
  'cycle.areaAnswered': {
    de: 'Der Bereich {code} hat Antworten und kann nicht entfallen.',
    en: 'The area {code} has answers and cannot be removed.',
  },
  // Accounts (features/auth).
  'account.exists': {
    de: 'Ein Konto für {email} gibt es schon.',
    en: 'An account for {email} exists already.',
  },
} as const satisfies Record<string, { de: string; en: string }>
