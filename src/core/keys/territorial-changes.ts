/**
 * Changes of German districts (Kreise) since 2000, from the statistical offices' lists of
 * territorial changes (Destatis "Gebietsänderungen", the Länder's Kreisreform laws). Pure data and
 * lookups: the district register (features/areas) and the importer read them.
 *
 * Each event forms one district on `effective` (the first day of the new territory) from whole
 * predecessor districts (`whole`) and, where a reform split a district, parts of others (`parts`).
 * A predecessor key is valid until the day before `effective`. An event without parts is a pure
 * merger (or a new key for an unchanged territory): values of its predecessors may be attributed to
 * the successor by summing them. Where a district's key continues (Wartburgkreis 16063), it is among
 * the whole predecessors and keeps its key.
 */
import { addDays } from '../periods/dates'

export interface District {
  ags5: string
  name: string
}

export interface TerritorialEvent {
  effective: string
  successor: District
  whole: readonly District[]
  parts: readonly District[]
  source: string
}

const d = (ags5: string, name: string): District => ({ ags5, name })

const ST_2007 =
  'Kreisgebietsreform Sachsen-Anhalt zum 1.7.2007 (LKGebRefG LSA); Destatis Gebietsänderungen 2007'
const SN_2008 = 'Kreisgebietsreform Sachsen zum 1.8.2008 (SächsKrGebNG); Destatis Gebietsänderungen 2008'
const MV_2011 =
  'Kreisgebietsreform Mecklenburg-Vorpommern zum 4.9.2011 (LNOG M-V); Destatis Gebietsänderungen 2011'

export const TERRITORIAL_EVENTS: readonly TerritorialEvent[] = [
  {
    effective: '2001-11-01',
    successor: d('03241', 'Region Hannover'),
    whole: [d('03201', 'Hannover, Landeshauptstadt'), d('03253', 'Hannover, Landkreis')],
    parts: [],
    source: 'Gesetz über die Region Hannover vom 5.6.2001; Destatis Gebietsänderungen 2001',
  },
  // Sachsen-Anhalt 2007: new keys for unchanged cities and districts, mergers, and the split of
  // Anhalt-Zerbst (Roßlau, Zerbst, Coswig, Loburg) and Aschersleben-Staßfurt (Falkenstein/Harz).
  {
    effective: '2007-07-01',
    successor: d('15001', 'Dessau-Roßlau'),
    whole: [d('15101', 'Dessau')],
    parts: [d('15151', 'Anhalt-Zerbst')],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15002', 'Halle (Saale)'),
    whole: [d('15202', 'Halle (Saale)')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15003', 'Magdeburg'),
    whole: [d('15303', 'Magdeburg')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15081', 'Altmarkkreis Salzwedel'),
    whole: [d('15370', 'Altmarkkreis Salzwedel')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15082', 'Anhalt-Bitterfeld'),
    whole: [d('15154', 'Bitterfeld'), d('15159', 'Köthen')],
    parts: [d('15151', 'Anhalt-Zerbst')],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15083', 'Börde'),
    whole: [d('15355', 'Bördekreis'), d('15362', 'Ohrekreis')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15084', 'Burgenlandkreis'),
    whole: [d('15256', 'Burgenlandkreis'), d('15268', 'Weißenfels')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15085', 'Harz'),
    whole: [d('15357', 'Halberstadt'), d('15364', 'Quedlinburg'), d('15369', 'Wernigerode')],
    parts: [d('15352', 'Aschersleben-Staßfurt')],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15086', 'Jerichower Land'),
    whole: [d('15358', 'Jerichower Land')],
    parts: [d('15151', 'Anhalt-Zerbst')],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15087', 'Mansfeld-Südharz'),
    whole: [d('15260', 'Mansfelder Land'), d('15266', 'Sangerhausen')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15088', 'Saalekreis'),
    whole: [d('15261', 'Merseburg-Querfurt'), d('15265', 'Saalkreis')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15089', 'Salzlandkreis'),
    whole: [d('15153', 'Bernburg'), d('15367', 'Schönebeck')],
    parts: [d('15352', 'Aschersleben-Staßfurt')],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15090', 'Stendal'),
    whole: [d('15363', 'Stendal')],
    parts: [],
    source: ST_2007,
  },
  {
    effective: '2007-07-01',
    successor: d('15091', 'Wittenberg'),
    whole: [d('15171', 'Wittenberg')],
    parts: [d('15151', 'Anhalt-Zerbst')],
    source: ST_2007,
  },
  // Sachsen 2008: ten districts from 22, the three big cities with new keys.
  {
    effective: '2008-08-01',
    successor: d('14511', 'Chemnitz'),
    whole: [d('14161', 'Chemnitz')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14521', 'Erzgebirgskreis'),
    whole: [
      d('14171', 'Annaberg'),
      d('14181', 'Mittlerer Erzgebirgskreis'),
      d('14188', 'Stollberg'),
      d('14191', 'Aue-Schwarzenberg'),
    ],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14522', 'Mittelsachsen'),
    whole: [d('14177', 'Freiberg'), d('14182', 'Mittweida'), d('14375', 'Döbeln')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14523', 'Vogtlandkreis'),
    whole: [d('14166', 'Plauen'), d('14178', 'Vogtlandkreis')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14524', 'Zwickau'),
    whole: [d('14167', 'Zwickau'), d('14173', 'Chemnitzer Land'), d('14193', 'Zwickauer Land')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14612', 'Dresden'),
    whole: [d('14262', 'Dresden')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14625', 'Bautzen'),
    whole: [d('14264', 'Hoyerswerda'), d('14272', 'Bautzen'), d('14292', 'Kamenz')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14626', 'Görlitz'),
    whole: [
      d('14263', 'Görlitz'),
      d('14284', 'Niederschlesischer Oberlausitzkreis'),
      d('14286', 'Löbau-Zittau'),
    ],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14627', 'Meißen'),
    whole: [d('14280', 'Meißen'), d('14285', 'Riesa-Großenhain')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14628', 'Sächsische Schweiz-Osterzgebirge'),
    whole: [d('14287', 'Sächsische Schweiz'), d('14290', 'Weißeritzkreis')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14713', 'Leipzig'),
    whole: [d('14365', 'Leipzig')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14729', 'Leipzig, Landkreis'),
    whole: [d('14379', 'Leipziger Land'), d('14383', 'Muldentalkreis')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2008-08-01',
    successor: d('14730', 'Nordsachsen'),
    whole: [d('14374', 'Delitzsch'), d('14389', 'Torgau-Oschatz')],
    parts: [],
    source: SN_2008,
  },
  {
    effective: '2009-10-21',
    successor: d('05334', 'Städteregion Aachen'),
    whole: [d('05313', 'Aachen, kreisfreie Stadt'), d('05354', 'Aachen, Kreis')],
    parts: [],
    source: 'Aachen-Gesetz vom 26.2.2008 (NRW), wirksam 21.10.2009; Destatis Gebietsänderungen 2009',
  },
  // Mecklenburg-Vorpommern 2011: Rostock (13003) and Schwerin (13004) keep key and territory;
  // Demmin was split between the Mecklenburgische Seenplatte and Vorpommern-Greifswald.
  {
    effective: '2011-09-04',
    successor: d('13071', 'Mecklenburgische Seenplatte'),
    whole: [d('13002', 'Neubrandenburg'), d('13055', 'Mecklenburg-Strelitz'), d('13056', 'Müritz')],
    parts: [d('13052', 'Demmin')],
    source: MV_2011,
  },
  {
    effective: '2011-09-04',
    successor: d('13072', 'Rostock, Landkreis'),
    whole: [d('13051', 'Bad Doberan'), d('13053', 'Güstrow')],
    parts: [],
    source: MV_2011,
  },
  {
    effective: '2011-09-04',
    successor: d('13073', 'Vorpommern-Rügen'),
    whole: [d('13005', 'Stralsund'), d('13057', 'Nordvorpommern'), d('13061', 'Rügen')],
    parts: [],
    source: MV_2011,
  },
  {
    effective: '2011-09-04',
    successor: d('13074', 'Nordwestmecklenburg'),
    whole: [d('13006', 'Wismar'), d('13058', 'Nordwestmecklenburg')],
    parts: [],
    source: MV_2011,
  },
  {
    effective: '2011-09-04',
    successor: d('13075', 'Vorpommern-Greifswald'),
    whole: [d('13001', 'Greifswald'), d('13059', 'Ostvorpommern'), d('13062', 'Uecker-Randow')],
    parts: [d('13052', 'Demmin')],
    source: MV_2011,
  },
  {
    effective: '2011-09-04',
    successor: d('13076', 'Ludwigslust-Parchim'),
    whole: [d('13054', 'Ludwigslust'), d('13060', 'Parchim')],
    parts: [],
    source: MV_2011,
  },
  {
    effective: '2016-11-01',
    successor: d('03159', 'Göttingen, Landkreis'),
    whole: [d('03152', 'Göttingen'), d('03156', 'Osterode am Harz')],
    parts: [],
    source:
      'Gesetz über die Vereinigung der Landkreise Göttingen und Osterode am Harz vom 12.11.2013; Destatis Gebietsänderungen 2016',
  },
  {
    effective: '2021-07-01',
    successor: d('16063', 'Wartburgkreis'),
    whole: [d('16056', 'Eisenach'), d('16063', 'Wartburgkreis')],
    parts: [],
    source:
      'Thüringer Gesetz zur freiwilligen Neugliederung kreisangehöriger Gemeinden 2019 (Eisenach kreisangehörig ab 1.7.2021); Destatis Gebietsänderungen 2021',
  },
]

/** What became of a district key that no longer exists. */
export interface EndedDistrict {
  ags5: string
  name: string
  /** The last day the key was valid. */
  validTo: string
  /** Every district that took over (part of) its territory. */
  successors: readonly District[]
  /** The one event it entered whole, when its values may be attributed (a pure merger). */
  mergerInto: TerritorialEvent | null
  /** It went whole into one successor (which may also have taken parts of others). */
  isWhole: boolean
  source: string
}

function buildEndedIndex(events: readonly TerritorialEvent[]): Map<string, EndedDistrict> {
  const index = new Map<string, EndedDistrict>()
  for (const event of events) {
    for (const [list, isWhole] of [
      [event.whole, true],
      [event.parts, false],
    ] as const) {
      for (const p of list) {
        // A key that continues (the successor's own) has not ended.
        if (p.ags5 === event.successor.ags5) continue
        const known = index.get(p.ags5)
        const successors = [...(known?.successors ?? []), event.successor]
        index.set(p.ags5, {
          ags5: p.ags5,
          name: p.name,
          validTo: addDays(event.effective, -1),
          successors,
          isWhole: isWhole && successors.length === 1,
          mergerInto: isWhole && successors.length === 1 && event.parts.length === 0 ? event : null,
          source: event.source,
        })
      }
    }
  }
  return index
}

const ENDED = buildEndedIndex(TERRITORIAL_EVENTS)

/** Every district key that ended since 2000, with what became of it. */
export function listEndedDistricts(): EndedDistrict[] {
  return [...ENDED.values()].sort((a, b) => a.ags5.localeCompare(b.ags5))
}

/** The ended district with this 5-digit key, if it is one. */
export function findEndedDistrict(ags5: string): EndedDistrict | undefined {
  return ENDED.get(ags5)
}

/**
 * The pure merger whose successor keeps this key (Wartburgkreis 16063 from 1.7.2021) and is in
 * force after `day`: values of that key before the merger cover only the old territory.
 */
export function findContinuingMerger(ags5: string, day: string): TerritorialEvent | undefined {
  return TERRITORIAL_EVENTS.find(
    (e) =>
      e.successor.ags5 === ags5 &&
      day < e.effective &&
      e.parts.length === 0 &&
      e.whole.some((w) => w.ags5 === ags5),
  )
}

/** The first day a successor key exists (undefined for districts older than 2000). */
export function successorValidFrom(ags5: string): string | undefined {
  const event = TERRITORIAL_EVENTS.find(
    (e) => e.successor.ags5 === ags5 && !e.whole.some((w) => w.ags5 === ags5),
  )
  return event?.effective
}

/**
 * Units whose values add up over territories (counts of persons, amounts of money). A rate, a
 * density or a type needs its weights (numerator and denominator) to be combined.
 */
export const ADDITIVE_UNITS: readonly string[] = ['persons', 'EUR']

export type MergerSum =
  | { kind: 'sum'; value: number }
  /** Some whole predecessor has no value for the cell: a partial sum would be wrong. */
  | { kind: 'missing'; missing: readonly District[] }
  /** The unit is not a count: it cannot be summed without its weights. */
  | { kind: 'not_additive' }

/**
 * The successor's value of a pure merger from its predecessors' values for one cell (indicator,
 * period, breakdown): their sum, if every whole predecessor has a value and the unit adds up.
 */
export function sumForSuccessor(
  event: TerritorialEvent,
  values: ReadonlyMap<string, number | null>,
  unit: string,
): MergerSum {
  if (!ADDITIVE_UNITS.includes(unit)) return { kind: 'not_additive' }
  const missing = event.whole.filter((w) => {
    const value = values.get(w.ags5)
    return value === null || value === undefined
  })
  if (missing.length > 0) return { kind: 'missing', missing }
  return { kind: 'sum', value: event.whole.reduce((sum, w) => sum + values.get(w.ags5)!, 0) }
}

/** "03152 Göttingen" */
export function districtLabel(district: District): string {
  return `${district.ags5} ${district.name}`
}
