/**
 * Server texts of peers, key figures, observations, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const DATA_MESSAGES = {
  // Peer groups: shapes of the statistics' inputs (what a caller handed in does not fit together)
  'peers.valuesForRows': {
    de: '„{name}“ hat {values} Werte für {rows} Zeilen',
    en: '"{name}" has {values} values for {rows} rows',
  },
  'peers.rowsForIds': {
    de: '{rows} Matrixzeilen für {ids} Kennungen',
    en: '{rows} matrix rows for {ids} ids',
  },
  'peers.columnsForNames': {
    de: '{columns} Matrixspalten für {names} Namen',
    en: '{columns} matrix columns for {names} names',
  },
  'peers.labelsForRows': {
    de: '{labels} Gruppenzuordnungen für {rows} Zeilen',
    en: '{labels} labels for {rows} rows',
  },
  'peers.labelsForPoints': {
    de: '{labels} Gruppenzuordnungen für {points} Punkte',
    en: '{labels} labels for {points} points',
  },
  'peers.rawShape': {
    de: 'Rohwerte müssen dieselbe Form haben wie die Matrix',
    en: 'raw values must have the shape of the matrix',
  },
  'peers.rowLength': {
    de: 'Zeile {row} hat {count} Werte, erwartet {columns}',
    en: 'row {row} has {count} values, expected {columns}',
  },
  'peers.notFinite': {
    de: 'Zeile {row}, Spalte {column}: „{value}“ ist keine endliche Zahl',
    en: 'row {row}, column {column} is not a finite number ("{value}")',
  },
  'peers.labelNotInteger': {
    de: 'Gruppenzuordnung {index} ist {label}; Zuordnungen müssen ganze Zahlen ≥ 0 sein',
    en: 'label {index} is {label}; labels must be integers ≥ 0',
  },
  'peers.negativeWeight': {
    de: 'Spalte „{column}“ hat das Gewicht {weight}; Gewichte müssen ≥ 0 sein',
    en: 'column "{column}" has weight {weight}; weights must be ≥ 0',
  },
  'peers.logNeedsPositive': {
    de: 'Spalte „{column}“: Logarithmieren geht nur mit positiven Werten, aber „{id}“ hat {value}',
    en: 'column "{column}": log transform needs positive values, but "{id}" has {value}',
  },
  'peers.wardWeight': {
    de: 'Gewicht von Zeile {row} muss eine positive ganze Zahl sein, erhalten {weight}',
    en: 'weight of row {row} must be a positive whole number, got {weight}',
  },
  'peers.kPositive': {
    de: 'Anzahl der Gruppen: erwartet eine positive ganze Zahl, erhalten {k}',
    en: 'k must be a positive integer, got {k}',
  },
  'peers.kNonNegative': {
    de: 'Anzahl der Nachbarn: erwartet eine ganze Zahl ≥ 0, erhalten {k}',
    en: 'k must be an integer ≥ 0, got {k}',
  },
  // Peer groups: clustering and quality
  'peers.cannotFormClusters': {
    de: 'aus {n} Punkten lassen sich keine {k} Gruppen bilden',
    en: 'cannot form {k} clusters from {n} points',
  },
  'peers.cannotFormNonEmpty': {
    de: 'aus {n} Punkten lassen sich keine {k} nichtleeren Gruppen bilden',
    en: 'cannot form {k} non-empty clusters from {n} points',
  },
  'peers.centroidColumns': {
    de: 'Startzentren haben {centroids} Spalten, die Punkte {points}',
    en: 'centroids have {centroids} columns, points {points}',
  },
  'peers.refineNeedsStart': {
    de: 'k-Means-Verfeinerung braucht Startzuordnungen oder Startzentren',
    en: 'refineKMeans needs start labels or start centroids',
  },
  'peers.kmeansNeedsStart': {
    de: 'k-Means braucht mindestens einen Startpunkt',
    en: 'runKMeans needs at least one start',
  },
  'peers.silhouetteGroups': {
    de: 'Silhouette braucht 2 bis n − 1 Gruppen, erhalten {groups} für {n} Punkte',
    en: 'silhouette needs 2 to n − 1 groups, got {groups} for {n} points',
  },
  'peers.partitionSizes': {
    de: 'Einteilungen von {a} und {b} Elementen lassen sich nicht vergleichen',
    en: 'partitions of {a} and {b} items',
  },
  'peers.noCompleteData': {
    de: 'kein Jobcenter hat vollständige Daten, die sich gruppieren lassen',
    en: 'no organisation with complete data to group',
  },
  'peers.groupsNeedOrganisations': {
    de: '{k} Gruppen brauchen mindestens {k} Jobcenter, es gibt aber nur {n}',
    en: '{k} groups need at least {k} organisations, but there are {n}',
  },
  // Peer groups: weights from regressions
  'peers.noSignificantContext': {
    de: 'Gewichte aus Regressionen: für keine Zielkennzahl ist ein Kontextindikator signifikant ({skipped}); bitte Gewichte von Hand setzen',
    en: 'weights from regression: no target figure has a significant context indicator ({skipped}); set weights by hand instead',
  },
  'peers.regressionTooFew': {
    de: 'Regression {code}: {count} Jobcenter mit Wert, zu wenige für {indicators} Indikatoren',
    en: 'regression {code}: {count} organisations with a value: too few for {indicators} indicators',
  },
  'peers.regressionNotSignificant': {
    de: 'Regression {code}: kein Indikator ist auf dem Niveau {alpha} signifikant',
    en: 'regression {code}: no indicator is significant at {alpha}',
  },
  // Peer groups: rings with bounds and constraints
  'peers.noRestart': {
    de: 'kein Neustart der Ringbildung lief',
    en: 'no restart ran',
  },
  'peers.ringSizes': {
    de: 'Ringgrößen müssen ganze Zahlen mit 0 ≤ Minimum ≤ Maximum sein, erhalten {min} bis {max}',
    en: 'ring sizes must be integers with 0 ≤ min ≤ max, got {min}–{max}',
  },
  'peers.ringsNeedOrganisations': {
    de: '{k} Vergleichsringe brauchen mindestens {k} Jobcenter, es gibt aber nur {n}',
    en: '{k} rings need at least {k} organisations, but there are {n}',
  },
  'peers.ringsMinTooLarge': {
    de: '{k} Vergleichsringe mit je mindestens {min} Mitgliedern brauchen mindestens {needed} Mitglieder, es gibt aber nur {n}',
    en: '{k} rings of at least {min} members need at least {needed} members, but there are {n}',
  },
  'peers.ringsMaxTooSmall': {
    de: '{k} Vergleichsringe mit je höchstens {max} Mitgliedern fassen höchstens {held} Mitglieder, es gibt aber {n}',
    en: '{k} rings of at most {max} members hold at most {held} members, but there are {n}',
  },
  'peers.idTwice': {
    de: 'Kennung „{id}“ kommt doppelt vor',
    en: 'id "{id}" appears twice',
  },
  'peers.unknownId': {
    de: '{what}: unbekannte Kennung „{id}“',
    en: '{what} refers to unknown id "{id}"',
  },
  'peers.landNeedsLandOf': {
    de: 'Land ‚{land}‘ braucht die Zuordnung der Jobcenter zu ihren Ländern',
    en: "land: '{land}' needs landOf(id)",
  },
  'peers.landWeight': {
    de: 'Gewicht des Landes muss ≥ 0 sein, erhalten {weight}',
    en: 'landWeight must be ≥ 0, got {weight}',
  },
  'peers.togetherTooLarge': {
    de: '{count} Jobcenter sollen zusammenbleiben ({members}), ein Vergleichsring fasst aber höchstens {max}',
    en: '{count} organisations must be together ({members}), but a ring holds at most {max}',
  },
  'peers.togetherLandCap': {
    de: '{count} Jobcenter aus {land} sollen zusammenbleiben, ‚spread‘ erlaubt aber höchstens {cap} aus diesem Land je Vergleichsring',
    en: "{count} organisations from {land} must be together, but 'spread' allows at most {cap} of that Land per ring",
  },
  'peers.pinOutOfRange': {
    de: '„{id}“ ist fest Ring {ring} zugeordnet, die Ringe sind aber von 0 bis {last} nummeriert',
    en: '"{id}" is pinned to ring {ring}, but rings are numbered 0..{last}',
  },
  'peers.pinnedTwice': {
    de: '„{id}“ ist fest sowohl Ring {first} als auch Ring {second} zugeordnet',
    en: '"{id}" is pinned to both ring {first} and ring {second}',
  },
  'peers.pinConflictsGroup': {
    de: '„{id}“ ist fest Ring {ring} zugeordnet, seine Zusammen-Gruppe ({members}) aber Ring {other}',
    en: '"{id}" is pinned to ring {ring}, but its together-group ({members}) is pinned to ring {other}',
  },
  'peers.pinnedTooMany': {
    de: 'Ring {ring} hat {count} fest zugeordnete Mitglieder (samt ihren Zusammen-Gruppen), höchstens erlaubt sind {max}',
    en: 'ring {ring} has {count} pinned members (with their together-groups), but the maximum is {max}',
  },
  'peers.pinnedLandCap': {
    de: 'Ring {ring} hat {count} fest zugeordnete Mitglieder aus {land}, ‚spread‘ erlaubt aber {cap}',
    en: "ring {ring} has {count} pinned members from {land}, but 'spread' allows {cap}",
  },
  'peers.apartFromItself': {
    de: '„{id}“ kann nicht von sich selbst getrennt werden',
    en: '"{id}" cannot be apart from itself',
  },
  'peers.apartButTogether': {
    de: '„{a}“ und „{b}“ sollen getrennt sein, aber Zusammen-Vorgaben verbinden sie ({members})',
    en: '"{a}" and "{b}" must be apart, but together constraints link them ({members})',
  },
  'peers.apartButPinned': {
    de: '„{a}“ und „{b}“ sollen getrennt sein, sind aber beide fest Ring {ring} zugeordnet',
    en: '"{a}" and "{b}" must be apart, but both are pinned to ring {ring}',
  },
  'peers.mustBeApart': {
    de: 'Vorgaben nicht erfüllbar: „{a}“ und „{b}“ sollen getrennt sein',
    en: 'cannot satisfy the constraints: "{a}" and "{b}" must be apart',
  },
  'peers.landCapInRing': {
    de: 'Vorgaben nicht erfüllbar: Ring {ring} hat {count} Mitglieder aus {land}, ‚spread‘ erlaubt aber {cap}',
    en: "cannot satisfy the constraints: ring {ring} has {count} members from {land}, but 'spread' allows {cap}",
  },
  'peers.cannotSatisfyAll': {
    de: 'die Vorgaben zu Zusammen, Getrennt und Land lassen sich mit den Ringgrößen nicht gemeinsam erfüllen',
    en: 'cannot satisfy the together/apart/Land constraints together with the ring sizes',
  },
  'peers.cannotPlaceAll': {
    de: 'nur {placed} von {total} Jobcentern lassen sich mit den festen Zuordnungen und Landesgrenzen in {k} Vergleichsringe mit höchstens {max} Mitgliedern verteilen',
    en: 'only {placed} of {total} organisations can be placed in {k} rings of at most {max} with the pins and Land limits',
  },
  'peers.ringTooSmall': {
    de: 'Ring {ring} bekommt unter den festen Zuordnungen und Vorgaben nur {count} Mitglieder, braucht aber mindestens {min}',
    en: 'ring {ring} can get only {count} members under the pins and constraints, but needs at least {min}',
  },
  'peers.ringSizeBroken': {
    de: 'Ring {ring} endete mit {size} Mitgliedern',
    en: 'ring {ring} ended with {size} members',
  },
  'peers.unitNotPinned': {
    de: 'Einheit {unit} liegt nicht in ihrem fest zugeordneten Ring',
    en: 'unit {unit} is not in its pinned ring',
  },
  // Key figures: definitions and evaluation
  'kpi.notAMonth': {
    de: '„{month}“ ist kein Monat',
    en: 'Not a month: {month}',
  },
  'kpi.noDefinitionOrData': {
    de: 'Kennzahl {code} hat keine Definition oder keine Werte für die Aufgliederung {breakdown}',
    en: 'Figure {code} has no definition or no data for breakdown {breakdown}',
  },
  'kpi.definedTwice': {
    de: 'Kennzahl {code} Version {version} ist zweimal definiert',
    en: 'Figure {code} version {version} is defined twice',
  },
  'kpi.historyTooLong': {
    de: '{code} v{version}: braucht Daten aus {months} Monaten, höchstens {max} sind erlaubt',
    en: '{code} v{version}: needs {months} months of data, at most {max} are allowed',
  },
  'kpi.historyTooLongDetail': {
    de: 'Position 1: erwartet eine Kennzahl, die höchstens {max} Monate Daten braucht, gefunden {months}',
    en: 'position 1: expected a figure needing at most {max} months of data, found {months}',
  },
  'kpi.definitionCycle': {
    de: 'Kennzahldefinitionen verweisen im Kreis aufeinander: {cycle}',
    en: 'Figure definitions reference each other in a cycle: {cycle}',
  },
  'kpi.definitionCycleDetail': {
    de: 'Kreisverweis {cycle}',
    en: 'cycle {cycle}',
  },
  // Key figures: regression (context model)
  'kpi.olsTooFewObservations': {
    de: 'Eine Regression mit {p} Koeffizienten braucht mehr als {p} Beobachtungen; vorhanden sind {n}',
    en: 'A regression with {p} coefficients needs more than {p} observations; got {n}',
  },
  'kpi.olsRankDeficient': {
    de: 'Die Regression hat nicht vollen Rang: {name} ist konstant oder eine Linearkombination von {others}; bitte sie oder eine dieser Größen weglassen',
    en: 'The regression is rank deficient: {name} is constant or a linear combination of {others}; remove it or one of those',
  },
  'kpi.collinearPredictor': {
    de: 'Einflussgröße hängt linear von anderen ab',
    en: 'collinear predictor',
  },
  'kpi.confidenceRange': {
    de: 'Das Konfidenzniveau muss zwischen 0 und 1 liegen, erhalten {confidence}',
    en: 'The confidence level must be between 0 and 1, got {confidence}',
  },
  'kpi.idsForObservations': {
    de: '{ids} Kennungen für {n} Beobachtungen',
    en: 'Got {ids} observation ids for {n} observations',
  },
  'kpi.targetMissing': {
    de: 'Der Zielwert von Beobachtung {id} fehlt oder ist keine endliche Zahl',
    en: 'The target value of observation {id} is missing or not finite',
  },
  'kpi.predictorLength': {
    de: 'Einflussgröße {name} hat {values} Werte für {n} Beobachtungen',
    en: 'Predictor {name} has {values} values for {n} observations',
  },
  'kpi.predictorMissing': {
    de: 'Einflussgröße {name} fehlt oder ist keine endliche Zahl bei Beobachtung {id}',
    en: 'Predictor {name} is missing or not finite for observation {id}',
  },
} as const satisfies Record<string, { de: string; en: string }>
