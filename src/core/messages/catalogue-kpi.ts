/**
 * Server texts of data collections, key figures, formulas and reports, in German and English. Part
 * of SERVER_MESSAGES (catalogue.ts); the same placeholders and rules apply.
 */
export const KPI_MESSAGES = {
  // Data collections: defining (features/collections/create-collection.ts).
  'collection.wholeNetworkManagers': {
    de: 'Eine Erhebung für das ganze Netzwerk legen Administratoren und die Moderatoren aller Ringe an.',
    en: 'a collection of the whole network is defined by administrators and moderators of all rings',
  },
  'collection.ownRingsOnly': {
    de: 'Sie dürfen Erhebungen nur für Ringe anlegen, die Sie moderieren.',
    en: 'you may define collections only for rings you moderate',
  },
  'collection.expectedYear': { de: 'erwartet: ein Jahr wie 2025', en: 'expected a year such as 2025' },
  'collection.expectedMonth': {
    de: 'erwartet: ein Monat wie 2025-06',
    en: 'expected a month such as 2025-06',
  },
  'collection.periodTwice': { de: 'Ein Zeitraum ist doppelt angegeben.', en: 'a period is listed twice' },
  'collection.indicatorTwice': {
    de: 'Eine Kennzahl ist doppelt angegeben.',
    en: 'an indicator is listed twice',
  },
  'collection.indicatorExists': {
    de: 'Die Kennzahl {code} gibt es schon: Lassen Sie ihre Beschreibung weg, um sie erneut abzufragen.',
    en: 'indicator {code} exists already: leave out its definition to ask for it again',
  },
  'collection.indicatorUnknown': {
    de: 'Unbekannte Kennzahl {code}: Bitte beschreiben Sie sie (Einheit, Definition, erlaubter Bereich, Polarität).',
    en: 'unknown indicator {code}: define it (unit, definition, allowed range, polarity)',
  },
  'collection.officialSeries': {
    de: '{code} ist eine amtliche Reihe: Erhebungen fragen nur nach den eigenen Kennzahlen des Netzwerks.',
    en: "{code} is an official series: collections ask only for the network's own indicators",
  },
  'collection.frequencyMonthlyYearly': {
    de: '{code} wird monatlich geführt, die Erhebung jährlich.',
    en: '{code} is monthly, the collection yearly',
  },
  'collection.frequencyYearlyMonthly': {
    de: '{code} wird jährlich geführt, die Erhebung monatlich.',
    en: '{code} is yearly, the collection monthly',
  },
  'collection.noRing': { de: 'Einen Ring {id} gibt es nicht.', en: 'no ring {id}' },
  'collection.cannotDefine': {
    de: 'Die Erhebung lässt sich nicht anlegen: {n|# Angabe ist|# Angaben sind} zu korrigieren.',
    en: 'the collection cannot be defined: {n|# entry needs|# entries need} a correction',
  },
  'collection.ringsWithoutMembers': {
    de: 'Die gewählten Ringe haben heute keine Mitglieder: Niemand könnte das Formular ausfüllen.',
    en: 'the rings asked have no members today: nobody could fill the form',
  },
  // Data collections: the workbook of a form (features/collections/collection-workbook.ts).
  'collection.workbookHeader': {
    de: '{file}: Zeile 1 des Blatts „{sheet}“ ist nicht die Kopfzeile der Vorlage; bitte laden Sie die Vorlage neu herunter.',
    en: '{file}: row 1 of sheet "{sheet}" is not the template\'s header; download the template again',
  },
  'collection.expectedColumns': {
    de: 'erwartet werden die Spalten {columns}',
    en: 'expected the columns {columns}',
  },
  'collection.notANumber': { de: '„{value}“ ist keine Zahl', en: "'{value}' is not a number" },
  'collection.commentTooLong': {
    de: 'Ein Kommentar hat höchstens {max} Zeichen.',
    en: 'a comment has at most {max} characters',
  },
  'collection.formTooManyRows': {
    de: 'Ein Formular hat höchstens {max} Zeilen.',
    en: 'a form has at most {max} rows',
  },
  'collection.workbookRejected': {
    de: '{file}: Das Formular lässt sich nicht lesen ({n|# Problem|# Probleme}); nichts wurde übernommen',
    en: '{file}: the form cannot be read ({n|# problem|# problems}); nothing was taken',
  },
  // Data collections: loading, saving, submitting and closing a form.
  'collection.none': { de: 'Eine Erhebung {id} gibt es nicht.', en: 'no data collection {id}' },
  'collection.closed': {
    de: 'Die Erhebung {id} ist abgeschlossen; ihre Werte sind jetzt Beobachtungen.',
    en: 'data collection {id} is closed: its values are observations now',
  },
  'collection.notAsked': {
    de: 'Die Organisation {organisationId} wird in der Erhebung {id} nicht gefragt.',
    en: 'organisation {organisationId} is not asked by data collection {id}',
  },
  'collection.fillersOnly': {
    de: 'Das Formular füllen die Leitungen und Analystinnen und Analysten der Organisation aus.',
    en: 'the form is filled by the organisation’s leads and analysts',
  },
  'collection.submitted': {
    de: 'Das Formular ist eingereicht: Für eine Korrektur öffnet die Moderation es wieder.',
    en: 'the form is submitted: the moderator reopens it for a correction',
  },
  'collection.notAnIndicator': {
    de: 'keine Kennzahl dieser Erhebung ({codes})',
    en: 'not an indicator of this collection ({codes})',
  },
  'collection.notAPeriod': {
    de: 'kein Zeitraum dieser Erhebung ({periods})',
    en: 'not a period of this collection ({periods})',
  },
  'collection.breakdowns': {
    de: '{code} hat die Aufgliederungen {breakdowns}',
    en: '{code} has the breakdowns {breakdowns}',
  },
  'collection.cellTwice': {
    de: '{code} {period:period} ({breakdown}) ist doppelt angegeben',
    en: '{code} {period:period} ({breakdown}) is given twice',
  },
  'collection.valuesRefused': {
    de: '{n|# Wert kann|# Werte können} nicht übernommen werden; nichts wurde gespeichert',
    en: '{n|# value|# values} cannot be taken; nothing was saved',
  },
  'collection.findingsOpen': {
    de: 'Das Formular lässt sich noch nicht einreichen: {n|# Auffälligkeit braucht|# Auffälligkeiten brauchen} eine Korrektur oder einen Kommentar.',
    en: 'the form cannot be submitted yet: {n|# finding needs|# findings need} a correction or a comment',
  },
  'collection.formEmpty': {
    de: 'Das Formular ist leer: Bitte tragen Sie die Werte ein (oder begründen Sie im Kommentar, warum einer fehlt), bevor Sie es einreichen.',
    en: 'the form is empty: enter the values (or comment why one is missing) before submitting',
  },
  'collection.closedAlready': {
    de: 'Die Erhebung {id} ist schon abgeschlossen.',
    en: 'data collection {id} is closed already',
  },
  'collection.notWritten': {
    de: 'Die eingereichten Werte ließen sich nicht schreiben: {n|# Fehler|# Fehler}; nichts wurde übernommen',
    en: 'the submitted values could not be written: {n|# error|# errors}; nothing was imported',
  },
  // Data collections: plausibility findings (core/plausibility/collection-checks.ts).
  'collection.belowMinimum': {
    de: '{code}: {value} liegt unter dem erlaubten Mindestwert {min}',
    en: '{code}: {value} is below the allowed minimum {min}',
  },
  'collection.aboveMaximum': {
    de: '{code}: {value} liegt über dem erlaubten Höchstwert {max}',
    en: '{code}: {value} is above the allowed maximum {max}',
  },
  'collection.missingAgain': {
    de: '{code} {period:period}: kein Wert, aber {previousPeriod:period} hatte einen ({previous})',
    en: '{code} {period:period}: no value, but {previousPeriod:period} had one ({previous})',
  },
  'collection.change': {
    de: '{code} {period:period}: {change:signed} % gegenüber {previousPeriod:period} ({previous}); mehr als ±{threshold} %',
    en: '{code} {period:period}: {change:signed} % against {previousPeriod:period} ({previous}); more than ±{threshold} %',
  },
  'collection.outlierAbove': {
    de: '{code} {period:period}: weit über den Werten der Gruppe (robuster z-Wert {z:fixed}; mehr als {limit})',
    en: '{code} {period:period}: far above the values of the group (robust z-score {z:fixed}; more than {limit})',
  },
  'collection.outlierBelow': {
    de: '{code} {period:period}: weit unter den Werten der Gruppe (robuster z-Wert {z:fixed}; mehr als {limit})',
    en: '{code} {period:period}: far below the values of the group (robust z-score {z:fixed}; more than {limit})',
  },
  'collection.breakdownSum': {
    de: '{code} {period:period}: {parts} = {sum}, aber die Summe ist {total}',
    en: '{code} {period:period}: {parts} = {sum}, but the total is {total}',
  },
  // Key figures: the catalogue and own figures (features/kpi/figure-catalogue.ts).
  'kpi.noFigure': {
    de: 'Eine Kennzahl mit dem Kürzel „{code}“ gibt es nicht (siehe: benchlearn kpi list).',
    en: "no key figure with the code '{code}' (see: benchlearn kpi list)",
  },
  'kpi.officialNotRedefined': {
    de: '{code} ist eine amtliche Kennzahl nach § 48a SGB II und lässt sich nicht neu definieren.',
    en: '{code} is an official figure of § 48a SGB II and cannot be redefined',
  },
  'kpi.officialFigure': { de: 'amtliche Kennzahl', en: 'official figure' },
  'kpi.confusedWithIndicator': {
    de: 'Das Kürzel {code} wäre mit der Kennzahl {indicator} zu verwechseln.',
    en: 'code {code} would be confused with the indicator {indicator}',
  },
  'kpi.sameNameAsIndicator': {
    de: 'gleicher Name wie eine Kennzahl der Datenbasis',
    en: 'same name as an indicator',
  },
  'kpi.versionStartsTooEarly': {
    de: 'Eine neue Version von {code} muss nach {month:period} beginnen, als Version {version} in Kraft trat.',
    en: 'a new version of {code} must start after {month:period}, when version {version} took effect',
  },
  'kpi.expectedMonthAfter': { de: 'erwartet: ein Monat nach {month}', en: 'expected a month after {month}' },
  'kpi.tooManyVersions': {
    de: '{code} hat {versions} Versionen, höchstens {max} sind erlaubt; bitte definieren Sie stattdessen eine Kennzahl mit neuem Kürzel.',
    en: '{code} has {versions} versions, at most {max} are allowed; define a figure with a new code instead',
  },
  'kpi.expectedFewerVersions': {
    de: 'erwartet: eine Kennzahl mit weniger als {max} Versionen',
    en: 'expected a figure with fewer than {max} versions',
  },
  'kpi.networkFigureLimit': {
    de: 'Das Netzwerk darf höchstens {max} eigene Kennzahlen definieren, und {max} sind definiert; keine Kennzahl wurde hinzugefügt.',
    en: 'the network may define at most {max} own figures and {max} are defined; no figure was added',
  },
  'kpi.organisationFigureLimit': {
    de: 'Eine Organisation darf höchstens {max} eigene Kennzahlen definieren, und {max} sind definiert; keine Kennzahl wurde hinzugefügt.',
    en: 'an organisation may define at most {max} own figures and {max} are defined; no figure was added',
  },
  'kpi.accountFigureLimit': {
    de: 'Ein Konto darf höchstens {max} eigene Kennzahlen definieren, und {max} sind definiert; keine Kennzahl wurde hinzugefügt.',
    en: 'an account may define at most {max} own figures and {max} are defined; no figure was added',
  },
  'kpi.networkFigureLimitDetail': {
    de: 'erwartet: höchstens {max} eigene Kennzahlen im Netzwerk',
    en: 'expected at most {max} own figures the network',
  },
  'kpi.organisationFigureLimitDetail': {
    de: 'erwartet: höchstens {max} eigene Kennzahlen je Organisation',
    en: 'expected at most {max} own figures an organisation',
  },
  'kpi.accountFigureLimitDetail': {
    de: 'erwartet: höchstens {max} eigene Kennzahlen je Konto',
    en: 'expected at most {max} own figures an account',
  },
  // Key figures: values, periods, groups and context models (features/kpi).
  'kpi.breakdownNotOfFigure': {
    de: 'breakdown: {code} hat die Aufgliederungen {breakdowns}, angegeben war „{breakdown}“',
    en: "breakdown: {code} has the breakdowns {breakdowns}, got '{breakdown}'",
  },
  'kpi.expectedOneOf': { de: 'erwartet: eines von {options}', en: 'expected one of {options}' },
  'kpi.noValuesKnownAt': {
    de: 'Zum Zeitpunkt {at} waren keine Monatswerte bekannt.',
    en: 'no monthly values were known on {at}',
  },
  'kpi.nothingComputed': {
    de: 'Es sind noch keine Kennzahlen berechnet oder veröffentlicht (ausführen: benchlearn kpi compute).',
    en: 'no key figures have been computed or published yet (run: benchlearn kpi compute)',
  },
  'kpi.noRingInMonth': {
    de: 'Die Organisation {organisationId} gehört im Monat {month:period} zu keinem Ring.',
    en: 'organisation {organisationId} belongs to no ring in {month:period}',
  },
  'kpi.noComparisonType': {
    de: 'Die Organisation {organisationId} hat keinen Vergleichstyp: Bitte lesen Sie die Organisationsliste mit einer Spalte für den Vergleichstyp ein.',
    en: 'organisation {organisationId} has no comparison type: import the organisation list with a comparison type column',
  },
  'kpi.setNeedsKeys': {
    de: 'orgs: Eine selbst gewählte Gruppe braucht eine durch Kommas getrennte Liste von Organisationsschlüsseln.',
    en: 'orgs: a hand-picked group needs a comma-separated list of organisation keys',
  },
  'kpi.setKeysExample': { de: 'erwartet z. B. 06435,06433,09162', en: 'expected e.g. 06435,06433,09162' },
  'kpi.contextListEmpty': {
    de: 'context: erwartet werden durch Kommas getrennte Kürzel von Rahmenbedingungen',
    en: 'context: expected comma-separated context indicator codes',
  },
  'kpi.notYearlyContext': {
    de: 'context: „{code}“ ist keine jährliche Rahmenbedingung (siehe: benchlearn indicators list)',
    en: "context: '{code}' is not a yearly context indicator (see: benchlearn indicators list)",
  },
  'kpi.expectedYearlyContext': {
    de: 'erwartet: das Kürzel einer jährlichen Kennzahl wie sgb2_rate',
    en: 'expected a yearly indicator code such as sgb2_rate',
  },
  // Reports: the council report (features/reports/council/build-council-report.ts).
  'council.notASection': {
    de: 'sections: „{section}“ ist kein Abschnitt des Berichts für Kreistag und Sozialausschuss',
    en: "sections: '{section}' is not a section of the council report",
  },
  'council.chooseSection': {
    de: 'sections: Bitte wählen Sie mindestens einen Abschnitt.',
    en: 'sections: choose at least one section',
  },
  'council.expectedSections': {
    de: 'erwartet: einer oder mehrere von {sections}',
    en: 'expected any of {sections}',
  },
  // Self-assessments compared in a ring (features/self-assessment/compare-self-assessments.ts).
  'selfAssessment.compareNoRing': { de: 'Einen Ring „{ring}“ gibt es nicht.', en: "no ring '{ring}'" },
  'selfAssessment.compareNotVisibleMember': {
    de: 'org: {organisationId} ist kein Mitglied von {ring}, das Sie sehen dürfen.',
    en: 'org: {organisationId} is not a member of {ring} that you may see',
  },
  // Formulas of key figures: unknown codes and limits (core/kpi/formula-validate.ts, formula-limits.ts).
  'context.figureMissing': {
    de: 'der Wert der Kennzahl fehlt ({reason:missingWord})',
    en: 'the figure has no value ({reason:missingWord})',
  },
  'missing.word.not_delivered': { de: 'nicht geliefert', en: 'not delivered' },
  'missing.word.suppressed': { de: 'gesperrt (Datenschutz)', en: 'suppressed (privacy)' },
  'missing.word.not_applicable': { de: 'nicht anwendbar', en: 'not applicable' },
  'missing.word.incomplete_window': {
    de: 'Zwölf-Monats-Fenster unvollständig',
    en: 'twelve-month window incomplete',
  },
  'missing.word.no_history': { de: 'zu kurze Datenreihe', en: 'series too short' },
  'missing.word.division_by_zero': { de: 'Nenner ist 0', en: 'denominator is 0' },
  'missing.word.overflow': { de: 'Ergebnis zu groß zum Rechnen', en: 'result too large to compute' },
  'context.noContextValue': {
    de: 'kein verwendbarer Kontextwert für {codes}',
    en: 'no usable context value for {codes}',
  },
  'context.noValueThisMonth': {
    de: 'die Organisation hat in diesem Monat keinen Wert',
    en: 'the organisation has no value in this month',
  },
  'formula.inSide': {
    de: '{code} v{version} {side:formulaSideWord}: {reason:inLanguage}',
    en: '{code} v{version} {side:formulaSideWord}: {reason:inLanguage}',
  },
  'formulaSide.word.numerator': { de: 'Zähler', en: 'numerator' },
  'formulaSide.word.denominator': { de: 'Nenner', en: 'denominator' },
  'formula.invalid': {
    de: 'Ungültige Formel „{formula}“: {n|# Fehler|# Fehler}',
    en: 'Invalid formula "{formula}": {n|# problem|# problems}',
  },
  'formula.unknownCode': {
    de: 'Position {position}: erwartet wird das Kürzel einer bekannten Kennzahl, gefunden „{name}“',
    en: "position {position}: expected a known indicator or figure code, found '{name}'",
  },
  'formula.unknownCodeHint': {
    de: 'Position {position}: erwartet wird das Kürzel einer bekannten Kennzahl, gefunden „{name}“ (meinten Sie {hint}?)',
    en: "position {position}: expected a known indicator or figure code, found '{name}' (did you mean {hint}?)",
  },
  'formula.unknownBreakdown': {
    de: 'Position {position}: erwartet wird eine Aufgliederung ({breakdowns}), gefunden „{name}“',
    en: "position {position}: expected a breakdown ({breakdowns}), found '{name}'",
  },
  'formula.unknownBreakdownHint': {
    de: 'Position {position}: erwartet wird eine Aufgliederung ({breakdowns}), gefunden „{name}“ (meinten Sie {hint}?)',
    en: "position {position}: expected a breakdown ({breakdowns}), found '{name}' (did you mean {hint}?)",
  },
  'formula.tooLong': {
    de: 'Position {position}: erwartet wird eine Formel mit höchstens {max} Zeichen, gefunden {length} Zeichen',
    en: 'position {position}: expected a formula of at most {max} characters, found {length} characters',
  },
  'formula.tooDeep': {
    de: 'Position {position}: erwartet werden höchstens {max} Schachtelungsebenen, gefunden Ebene {depth}',
    en: 'position {position}: expected at most {max} levels of nesting, found level {depth} here',
  },
  'formula.numberTooLarge': {
    de: 'Position {position}: erwartet wird eine Zahl zwischen −1,8 · 10³⁰⁸ und 1,8 · 10³⁰⁸, gefunden eine Zahl, die zum Rechnen zu groß ist',
    en: 'position {position}: expected a number between -1.8e308 and 1.8e308, found a number too large to compute with',
  },
  'formula.numberTooSmall': {
    de: 'Position {position}: erwartet wird eine Zahl von mindestens 10⁻³⁰⁷, gefunden eine Zahl, die so klein ist, dass sie 0 würde',
    en: 'position {position}: expected a number of at least 1e-307, found a number so small it would be 0',
  },
  'formula.windowTooLong': {
    de: 'Position {position}: erwartet werden höchstens {max} Monate in {name}, gefunden {name}(…, {months})',
    en: 'position {position}: expected at most {max} months in {name}, found {name}(…, {months})',
  },
  'formula.windowsNested': {
    de: 'Position {position}: erwartet werden höchstens {max} Fensterfunktionen (lag, change, sum, mean) ineinander, gefunden {name} auf Ebene {level}',
    en: 'position {position}: expected at most {max} window functions (lag, change, sum, mean) inside each other, found {name} at level {level}',
  },
  'formula.tooManyNodes': {
    de: 'Position {position}: erwartet werden höchstens {max} Zahlen, Kürzel, Rechenzeichen und Funktionen, gefunden {nodes}',
    en: 'position {position}: expected at most {max} numbers, codes, operators and functions, found {nodes}',
  },
  'formula.expandedTooLarge': {
    de: 'Position {position}: erwartet werden höchstens {max} Bestandteile mit ausgeschriebenen verwendeten Kennzahlen, gefunden {nodes}',
    en: 'position {position}: expected at most {max} nodes with the referenced figures written out, found {nodes}',
  },
  'formula.expandedNesting': {
    de: 'Position {position}: erwartet werden höchstens {max} Fensterfunktionen ineinander, die der verwendeten Kennzahlen mitgezählt, gefunden {nesting}',
    en: 'position {position}: expected at most {max} window functions inside each other, counting those of referenced figures, found {nesting}',
  },
} as const satisfies Record<string, { de: string; en: string }>
