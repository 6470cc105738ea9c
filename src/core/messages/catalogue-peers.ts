/**
 * Server texts of areas (district boundaries), organisation lists and peer groups, in German and
 * English. Part of SERVER_MESSAGES (catalogue.ts); the same placeholders and rules apply.
 */
export const PEER_MESSAGES = {
  // District boundaries (features/areas/import-boundaries.ts, boundary.routes.ts)
  'area.expectedRing': {
    de: 'erwartet: ein Ring (eine Liste von Positionen)',
    en: 'expected a ring (an array of positions)',
  },
  'area.ringTooShort': {
    de: 'ein Ring braucht mindestens 4 Positionen (erste = letzte), erhalten {count}',
    en: 'a ring needs at least 4 positions (first = last), got {count}',
  },
  'area.expectedPosition': {
    de: 'erwartet: eine Position [Längengrad, Breitengrad]',
    en: 'expected a position [longitude, latitude]',
  },
  'area.coordinatesNotNumbers': {
    de: 'Längen- und Breitengrad müssen Zahlen sein',
    en: 'longitude and latitude must be numbers',
  },
  'area.notDegrees': {
    de: 'keine Länge/Breite in Grad: erwartet wird WGS 84 (EPSG:4326); projizierte Koordinaten (UTM, Gauß-Krüger) werden nicht unterstützt',
    en: 'not a longitude/latitude in degrees: expected WGS 84 (EPSG:4326); projected coordinates (UTM, Gauß-Krüger) are not supported',
  },
  'area.ringNotClosed': {
    de: 'der Ring ist nicht geschlossen: seine letzte Position muss seiner ersten gleichen',
    en: 'the ring is not closed: its last position must equal its first',
  },
  'area.noGeometry': { de: 'das Objekt hat keine Geometrie', en: 'the feature has no geometry' },
  'area.expectedPolygon': {
    de: 'erwartet: ein Polygon oder MultiPolygon (ein Kreis ist eine Fläche)',
    en: 'expected a Polygon or MultiPolygon (a district is an area)',
  },
  'area.expectedCoordinates': {
    de: 'erwartet: eine nicht leere Liste von Koordinaten',
    en: 'expected a non-empty array of coordinates',
  },
  'area.expectedPolygonRings': {
    de: 'erwartet: ein Polygon (eine Liste von Ringen)',
    en: 'expected a polygon (an array of rings)',
  },
  'area.notJson': { de: 'kein gültiges JSON: {reason}', en: 'not valid JSON: {reason}' },
  'area.expectedFeatureCollection': {
    de: 'erwartet: eine GeoJSON-FeatureCollection mit einer Liste „features“',
    en: 'expected a GeoJSON FeatureCollection with a "features" array',
  },
  'area.noFeatures': {
    de: 'die FeatureCollection enthält keine Objekte',
    en: 'the FeatureCollection has no features',
  },
  'area.tooManyFeatures': {
    de: '{count} Objekte: mehr als {max} können keine Kreise sein',
    en: '{count} features: more than {max} cannot be districts',
  },
  'area.expectedFeature': { de: 'erwartet: ein Feature', en: 'expected a Feature' },
  'area.propertyMissing': {
    de: 'die Eigenschaft ‚{property}‘ fehlt; das Objekt hat {names} (bitte eine mit --property wählen)',
    en: "property '{property}' is missing; the feature has {names} (choose one with --property)",
  },
  'area.propertyMissingNone': {
    de: 'die Eigenschaft ‚{property}‘ fehlt; das Objekt hat keine Eigenschaften (bitte eine mit --property wählen)',
    en: "property '{property}' is missing; the feature has no properties (choose one with --property)",
  },
  'area.agsIsNumber': {
    de: 'der AGS steht als Zahl in der Datei: bitte als Text mit führender Null schreiben, z. B. „01001“',
    en: 'the AGS is a number: write it as text with its leading zero, e.g. "01001"',
  },
  'area.expectedAgs': {
    de: 'erwartet: ein fünfstelliger AGS (Kreisschlüssel), z. B. „06435“',
    en: 'expected a 5-digit AGS (Kreis key), e.g. "06435"',
  },
  'area.agsTwice': {
    de: 'AGS {ags} kommt zweimal vor (zuerst in Objekt {firstFeatureId})',
    en: 'AGS {ags} appears twice (first in feature {firstFeatureId})',
  },
  'area.agsNotInRegister': {
    de: 'AGS {ags} steht nicht im Kreisverzeichnis: nicht eingelesen',
    en: 'AGS {ags} is not in the district register: not imported',
  },
  'area.nothingMatches': {
    de: 'kein Objekt passt zu einem Kreis des Verzeichnisses: nichts einzulesen',
    en: 'no feature matches a district of the register: nothing to import',
  },
  'area.problems': {
    de: '{file}: {count|# Problem|# Probleme}; nichts wurde eingelesen',
    en: '{file}: {count} problem(s); nothing was imported',
  },
  // Organisation lists (features/organisations/import-organisation-list.ts)
  'organisationList.missingColumns': {
    de: '{file}: Spalte(n) {columns} fehlen; gefunden: {found}',
    en: '{file}: missing column(s) {columns}; found {found}',
  },
  'organisationList.expectedMappingColumns': {
    de: 'erwartet: die Spalten der Zuordnung ‚{mapping}‘',
    en: "expected the columns of mapping '{mapping}'",
  },
  'organisationList.expectedAgs': {
    de: 'erwartet: ein Kreisschlüssel (fünfstelliger AGS)',
    en: 'expected a district key (5-digit AGS)',
  },
  'organisationList.nameEmpty': { de: 'der Name fehlt', en: 'the name is empty' },
  'organisationList.expectedNuts3': {
    de: 'erwartet: ein deutscher NUTS-3-Code wie DE719',
    en: 'expected a German NUTS-3 code such as DE719',
  },
  'organisationList.expectedCarrierType': {
    de: 'erwartet: die Trägerform zkT (zugelassener kommunaler Träger) oder gE (gemeinsame Einrichtung)',
    en: 'expected the carrier type zkT (zugelassener kommunaler Träger) or gE (gemeinsame Einrichtung)',
  },
  'organisationList.expectedComparisonType': {
    de: 'erwartet: ein Vergleichstyp von höchstens 40 Zeichen, z. B. IIIb',
    en: 'expected a comparison type of at most 40 characters, e.g. IIIb',
  },
  'organisationList.unterminatedQuote': {
    de: 'die Datei endet innerhalb eines Feldes in Anführungszeichen: sie ist abgeschnitten, oder ein Anführungszeichen fehlt',
    en: 'the file ends inside a quoted field: it is truncated or a quote is missing',
  },
  'organisationList.fileEmpty': { de: '{file}: Die Datei ist leer', en: '{file}: the file is empty' },
  'organisationList.unknownDistrict': {
    de: 'AGS {ags} ist kein deutscher Kreis, den benchlearn kennt',
    en: 'AGS {ags} is not a German district (Kreis) known to benchlearn',
  },
  'organisationList.agsTwice': {
    de: 'Zeile {earlier} enthält schon AGS {ags}',
    en: 'row {earlier} already lists AGS {ags}',
  },
  'organisationList.networkCreated': {
    de: 'Netzwerk ‚{network}‘ angelegt',
    en: "network '{network}' created",
  },
  'organisationList.territorialChange': {
    de: '{ags} {name}: ein Kreis, dessen Gebiet sich seitdem geändert hat (gültig bis {validTo:date}, danach {successor})',
    en: '{ags} {name}: a district that has since changed territory (until {validTo:date}, then {successor})',
  },
  'organisationList.summary': {
    de: '{count|# Organisation|# Organisationen} in {lands|# Land|# Ländern}',
    en: '{count} organisations in {lands} Länder',
  },
  // Peer groups: the context profile (features/peers/load-context-profile.ts)
  'peers.noModelWithId': {
    de: 'Ein Vergleichsmodell mit der Nummer {id} gibt es nicht (siehe: benchlearn peers list)',
    en: 'no peer model with the id {id} (see: benchlearn peers list)',
  },
  'peers.noOrganisationsYet': {
    de: 'Es gibt noch keine Organisationen',
    en: 'there are no organisations yet',
  },
  'peers.networkWithoutMembers': {
    de: 'Netzwerk {networkId} hat heute keine Mitglieder',
    en: 'network {networkId} has no members today',
  },
  'peers.notYearlyContext': {
    de: 'Kennzahlen: ‚{code}‘ ist keine jährliche Kontextkennzahl (siehe: benchlearn indicators list)',
    en: "indicators: '{code}' is not a yearly context indicator (see: benchlearn indicators list)",
  },
  'peers.expectedYearlyCode': {
    de: 'erwartet: der Code einer jährlichen Kennzahl wie sgb2_rate',
    en: 'expected a yearly indicator code such as sgb2_rate',
  },
  'peers.noValuesAtAll': {
    de: 'Kennzahlen: überhaupt keine Werte für {codes}; bitte zuerst einlesen oder weglassen',
    en: 'indicators: no values at all for {codes}; import them first or leave them out',
  },
  'peers.noValuesStored': { de: 'keine Werte gespeichert', en: 'no values stored' },
  'peers.noContextValues': {
    de: 'keine der Kontextkennzahlen hat Werte; bitte zuerst Kontextdaten einlesen (z. B. INKAR)',
    en: 'none of the context indicators has values; import context data first (e.g. INKAR)',
  },
  'peers.tooFewComplete': {
    de: 'nur {complete} von {total} Organisationen haben Werte von {codes} bis {year}; bitte ein anderes Jahr oder andere Kennzahlen wählen',
    en: 'only {complete} of {total} organisations have values of {codes} up to {year}; choose another year or other indicators',
  },
  'peers.missingValues': { de: 'es fehlen: {codes}', en: 'missing: {codes}' },
  'peers.notChosenIndicator': {
    de: '{field}: ‚{key}‘ gehört nicht zu den gewählten Kennzahlen ({codes})',
    en: "{field}: '{key}' is not one of the chosen indicators ({codes})",
  },
  'peers.expectedOneOf': { de: 'erwartet: eines von {codes}', en: 'expected one of {codes}' },
  'peers.regressionNoValues': {
    de: 'Gewichte aus der Regression: {code} hat {year} keine Werte (bitte zuerst die Kennzahlen berechnen: benchlearn kpi compute, oder Gewichte von Hand setzen)',
    en: 'weights from regression: no values of {code} in {year} (compute key figures first: benchlearn kpi compute, or set weights by hand)',
  },
  'peers.figureNoValuesInYear': {
    de: '{code} hat {year} keine Werte',
    en: '{code} has no values in {year}',
  },
  // Peer groups: small CSV tables (features/peers/read-csv-table.ts)
  'peers.csvQuoteNotClosed': {
    de: '{file}: Ein Feld in Anführungszeichen ist nicht geschlossen',
    en: '{file}: a quoted field is not closed',
  },
  'peers.csvQuoteNeverCloses': {
    de: 'Feld {field} öffnet ein Anführungszeichen, das nie geschlossen wird',
    en: 'field {field} opens a quote that never closes',
  },
  'peers.csvEmpty': {
    de: '{file}: Die Datei ist leer; erwartet wird eine Kopfzeile',
    en: '{file}: the file is empty; expected a header row',
  },
  'peers.csvColumns': {
    de: '{file}: erwartet werden eine Spalte mit Kennungen und mindestens eine Spalte mit Zahlen, gefunden: {count|# Spalte|# Spalten}',
    en: '{file}: expected an id column and at least one numeric column, found {count} column(s)',
  },
  'peers.csvExpectedId': { de: 'erwartet: eine Kennung', en: 'expected an id' },
  'peers.csvIdTwice': {
    de: 'die Kennung steht auch in Zeile {earlier}',
    en: 'id also in row {earlier}',
  },
  'peers.csvFieldCount': {
    de: 'erwartet {expected} Felder wie in der Kopfzeile, gefunden {found}',
    en: 'expected {expected} fields like the header, found {found}',
  },
  'peers.csvExpectedNumberEmpty': {
    de: 'erwartet: eine Zahl, die Zelle ist leer',
    en: 'expected a number, the cell is empty',
  },
  'peers.csvExpectedNumber': { de: 'erwartet: eine Zahl', en: 'expected a number' },
  'peers.csvBadCells': {
    de: '{file}: {count|# fehlerhafte Zelle|# fehlerhafte Zellen}; nichts wurde gruppiert',
    en: '{file}: {count} bad cell(s); nothing was clustered',
  },
  'peers.csvNoRows': {
    de: '{file}: keine Datenzeilen unter der Kopfzeile',
    en: '{file}: no data rows below the header',
  },
  // Peer groups: official comparison types (features/peers/import-peer-types.ts)
  'peers.typesColumnsMissing': {
    de: '{file}: erwartet werden eine Schlüsselspalte und eine Typspalte',
    en: '{file}: expected a key column and a type column',
  },
  'peers.typesNoKeyColumn': {
    de: 'Schlüsselspalte fehlt: bitte eine davon benennen: {names} (AGS, NUTS-3 oder Nummer)',
    en: 'no key column: name one of {names} (AGS, NUTS-3 or id)',
  },
  'peers.typesNoTypeColumn': {
    de: 'Typspalte fehlt: bitte eine davon benennen: {names}',
    en: 'no type column: name one of {names}',
  },
  'peers.typesExpectedKey': {
    de: 'erwartet: ein Organisationsschlüssel (AGS, NUTS-3 oder Nummer)',
    en: 'expected an organisation key (AGS, NUTS-3 or id)',
  },
  'peers.typesExpectedCode': { de: 'erwartet: ein Typ-Kürzel', en: 'expected a type code' },
  'peers.typesNoOrganisation': {
    de: '{label}: keine Organisation in benchlearn',
    en: '{label}: no organisation in benchlearn',
  },
  'peers.typesOtherType': {
    de: 'dieselbe Organisation hat in Zeile {earlier} den Typ ‚{code}‘',
    en: "the same organisation has type '{code}' in row {earlier}",
  },
  'peers.typesOtherName': {
    de: 'Typ ‚{code}‘ heißt in Zeile {earlier} ‚{name}‘',
    en: "type '{code}' is named '{name}' in row {earlier}",
  },
  'peers.typesNothing': {
    de: 'keine Zeile nennt eine Organisation in benchlearn; nichts einzulesen',
    en: 'no row names an organisation in benchlearn; nothing to import',
  },
  // Peer groups: applying a model as rings (features/peers/apply-peer-model.ts)
  'peers.notCalendarDay': {
    de: 'Gültig ab: ‚{day}‘ ist kein Kalendertag',
    en: "validFrom: '{day}' is not a calendar day",
  },
  'peers.expectedIsoDate': {
    de: 'erwartet: ein Datum als JJJJ-MM-TT',
    en: 'expected a date as YYYY-MM-DD',
  },
  'peers.modelWithoutNetwork': {
    de: 'Modell {modelId} gehört zu keinem Netzwerk, daraus können keine Vergleichsringe werden',
    en: 'model {modelId} belongs to no network, so it cannot become rings',
  },
  'peers.laterRingChanges': {
    de: 'Ringe oder Mitgliedschaften dieses Netzwerks beginnen am {validFrom} oder später ({rings}); bitte einen späteren Tag wählen',
    en: 'rings or memberships of this network start on or after {validFrom} ({rings}); choose a later day',
  },
  'peers.expectedAfterLatestChange': {
    de: 'erwartet: ein Tag nach der letzten Änderung der Ringe',
    en: 'expected a day after the latest ring change',
  },
  'peers.twoRingsAfterApply': {
    de: 'nach dem Übernehmen wären am {validFrom} {count|# Organisation|# Organisationen} in zwei Ringen',
    en: 'after applying, {count} organisation(s) would be in two rings on {validFrom}',
  },
  // Peer groups: moving members (features/peers/move-peer-members.ts)
  'peers.moveNoGroup': {
    de: '{field}: Modell {modelId} hat keine Gruppe ‚{group}‘',
    en: "{field}: model {modelId} has no group '{group}'",
  },
  'peers.moveNotMember': {
    de: '{field}: {name} ist kein Mitglied des Netzwerks dieses Modells',
    en: "{field}: {name} is not a member of the model's network",
  },
  'peers.expectedNetworkMember': {
    de: 'erwartet: ein Mitglied des Netzwerks',
    en: 'expected a member of the network',
  },
  'peers.movesBreakBounds': {
    de: 'die Verschiebungen verletzen {count|# Grenze oder Bedingung|# Grenzen oder Bedingungen} des Modells; nichts wurde gespeichert',
    en: 'the moves break {count} bound(s) or constraint(s) of the model; nothing was saved',
  },
  // Peer groups: proposals (features/peers/propose-peer-groups.ts)
  'peers.constraintsRingsOnly': {
    de: '{field}: Bedingungen und Größengrenzen gelten nur für das Verfahren ‚rings‘',
    en: "{field}: constraints and size bounds apply to method 'rings' only",
  },
  'peers.useRingsOrLeaveOut': {
    de: 'bitte das Verfahren ‚rings‘ wählen oder {field} weglassen',
    en: "use method 'rings', or leave {field} out",
  },
  'peers.incompleteContext': {
    de: '{field}: {name} ({key}) hat keine vollständigen Kontextdaten (es fehlen: {missing}) und wird daher nicht gruppiert',
    en: '{field}: {name} ({key}) has no complete context data (missing: {missing}), so it is not grouped',
  },
  'peers.notInGroupedNetwork': {
    de: '{field}: {name} ({key}) gehört nicht zum Netzwerk, das gruppiert wird',
    en: '{field}: {name} ({key}) is not a member of the network being grouped',
  },
  'peers.expectedGroupedOrganisation': {
    de: 'erwartet: eine Organisation, die gruppiert wird',
    en: 'expected an organisation that is grouped',
  },
  'peers.pinnedRingMissing': {
    de: 'pinned: Ring {ring} gibt es bei k = {k} nicht',
    en: 'pinned: ring {ring} does not exist with k = {k}',
  },
  'peers.expectedRingNumber': {
    de: 'erwartet: eine Ringnummer 1…{k}',
    en: 'expected a ring number 1…{k}',
  },
  // Peer groups: neighbours, networks and a person's group (find-peer-neighbours.ts,
  // peer-organisation.repository.ts, resolve-peer-group.ts)
  'peers.modelWithoutProfile': {
    de: 'Modell: {name} ({modelId}) hat kein eigenes Kontextprofil; bitte ein berechnetes Modell wählen',
    en: 'model: {name} ({modelId}) has no context profile of its own; choose a computed model',
  },
  'peers.expectedComputedModel': {
    de: 'erwartet: ein berechnetes Vergleichsmodell',
    en: 'expected a computed peer model',
  },
  'peers.neighboursIncomplete': {
    de: 'diese Organisation hat keine vollständigen Kontextdaten (es fehlen: {missing}) und daher keine berechneten Nachbarn',
    en: 'this organisation has no complete context data (missing: {missing}), so it has no computed neighbours',
  },
  'peers.neighboursNotInProfile': {
    de: 'diese Organisation gehört nicht zum Kontextprofil (kein Mitglied des Netzwerks)',
    en: 'this organisation is not part of the context profile (not a member of the network)',
  },
  'peers.expectedCompleteOrganisation': {
    de: 'erwartet: eine Organisation mit vollständigen Kontextdaten',
    en: 'expected an organisation with complete context data',
  },
  'peers.noNetworkWithId': {
    de: 'Ein Netzwerk mit der Nummer {networkId} gibt es nicht',
    en: 'no network with the id {networkId}',
  },
  'peers.chooseNetwork': {
    de: 'Es gibt {count} Netzwerke ({networks}); bitte eines wählen',
    en: 'there are {count} networks ({networks}); choose one',
  },
  'peers.expectedNetworkId': {
    de: 'erwartet: die Nummer des Netzwerks, dessen Mitglieder gruppiert werden',
    en: 'expected the id of the network whose members are grouped',
  },
  'peers.noModelYet': {
    de: 'Noch kein Vergleichsmodell: bitte amtliche Typen einlesen (benchlearn peers import-types) oder eines speichern (benchlearn peers save)',
    en: 'no peer model yet: import official types (benchlearn peers import-types) or save one (benchlearn peers save)',
  },
  'peers.organisationWithoutGroup': {
    de: 'Organisation {organisationId} hat keine Gruppe im Vergleichsmodell {model}',
    en: 'organisation {organisationId} has no group in the peer model {model}',
  },
  // Peer groups: notes of a context profile or proposal, violations of a move (load-context-profile.ts,
  // import-peer-types.ts, move-peer-members.ts)
  'peers.noteNoValues': {
    de: 'Ohne Werte, daher nicht verwendet: {codes}',
    en: 'no values, left out: {codes}',
  },
  'peers.noteNotSignificant': {
    de: 'Nicht signifikant, Gewicht 0: {codes}',
    en: 'not significant, weight 0: {codes}',
  },
  'peers.noteValuesFrom': {
    de: '{code}: Werte aus {years} (letzter Stand bis {year})',
    en: '{code}: values from {years} (latest up to {year})',
  },
  'peers.noteExcluded': {
    de: '{count|# Organisation|# Organisationen} ohne vollständige Daten, nicht gruppiert: {list}',
    en: '{count} organisation(s) without complete data, not grouped: {list}',
  },
  'peers.noteLogNeedsPositive': {
    de: '{code}: Werte ≤ 0 lassen sich nicht logarithmieren (Logarithmus braucht > 0), daher gilt {code} als fehlend bei: {names}',
    en: '{code}: values ≤ 0 cannot be log-transformed (log needs > 0), so {code} counts as missing for: {names}',
  },
  'peers.noteNoQuality': {
    de: 'Keine Güte berechnet: Das Kontextprofil ließ sich nicht laden',
    en: 'no quality computed: the context profile could not be loaded',
  },
  'peers.noteUnmatchedKeys': {
    de: '{count} Schlüssel ohne Organisation: {keys}',
    en: '{count} keys without an organisation: {keys}',
  },
  'peers.noteWithoutType': {
    de: '{count|# Mitglied|# Mitglieder} ohne Typ: {names}',
    en: '{count} members without a type: {names}',
  },
  'peers.violationTooSmall': {
    de: '{group}: {size|# Mitglied|# Mitglieder}, mindestens {min}',
    en: '{group}: {size} members, at least {min}',
  },
  'peers.violationTooLarge': {
    de: '{group}: {size|# Mitglied|# Mitglieder}, höchstens {max}',
    en: '{group}: {size} members, at most {max}',
  },
  'peers.violationTogether': {
    de: '{a} und {b} müssen zusammen sein',
    en: '{a} and {b} must be together',
  },
  'peers.violationApart': {
    de: '{a} und {b} müssen getrennt sein',
    en: '{a} and {b} must be apart',
  },
  'peers.violationPinned': {
    de: '{name} ist {group} fest zugeordnet',
    en: '{name} is pinned to {group}',
  },
  'peers.violationLand': {
    de: '{group}: {count|# Mitglied|# Mitglieder} aus Land {land}, höchstens {max}',
    en: '{group}: {count} members from Land {land}, at most {max}',
  },
  // Peer groups: the import route of official types (peer.routes.ts)
  'peers.typesRejected': {
    de: '{file}: {count|# Zeile abgelehnt|# Zeilen abgelehnt}; nichts wurde eingelesen',
    en: '{file}: {count} row(s) rejected; nothing was imported',
  },
} as const satisfies Record<string, { de: string; en: string }>
