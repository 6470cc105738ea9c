/**
 * Demo content of the benchlearning library: ~15 practice cards written by the job centres with the
 * best integration rates in their ring, adoptions by ring peers (so that the effect check has data)
 * and two self-assessment cycles (2022 and 2025) answered by every job centre. Everything is
 * invented, marked is_demo and says so on the card ("Demo-Inhalt"). Deterministic for a seed.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { insertAdoption, insertPractice, replacePracticeLinks } from '../practices/practice.repository'
import { DEFAULT_SCALE, PES_ENABLER_AREAS } from '../self-assessment/default-template'
import { insertCycle, listAreaRows, saveAreas } from '../self-assessment/self-assessment.repository'
import { createNormal, createRandom, deriveNamedSeed, drawInteger } from '../../core/random'
import type { DemoNetwork } from './generate/types'

interface DemoCard {
  title: string
  problem: string
  approach: string
  resources: string
  results: string
  topics: string[]
  figureCodes: string[]
  visibility: 'ring' | 'network' | 'public'
}

const DEMO_NOTE = 'Demo-Inhalt: erfundenes Beispiel, keine echte Praxis. / Demo content: an invented example.'

const CARDS: DemoCard[] = [
  {
    title: 'Aufsuchende Beratung für Langzeitleistungsbeziehende',
    problem:
      'Viele Langzeitleistungsbeziehende erscheinen nicht zu Terminen im Jobcenter; Kontakte brechen ab.',
    approach:
      'Zwei Fachkräfte besuchen Leistungsberechtigte zu Hause oder im Quartierstreff, klären Hürden (Gesundheit, Kinderbetreuung, Schulden) und vereinbaren kleine nächste Schritte.',
    resources: '2 Vollzeitstellen, Dienstwagen, Diensthandys; Kooperation mit Schuldner- und Suchtberatung.',
    results: 'Mehr Kontakte zu bisher nicht erreichten Personen; Übergänge in Maßnahmen und Beschäftigung.',
    topics: ['Langzeitleistungsbeziehende', 'Aktivierung'],
    figureCodes: ['K3E1', 'K3'],
    visibility: 'network',
  },
  {
    title: 'Jobcoaching für Alleinerziehende',
    problem: 'Alleinerziehende finden seltener Arbeit, oft wegen fehlender Kinderbetreuung zu Randzeiten.',
    approach:
      'Ein Jobcoach begleitet Alleinerziehende vor und nach der Arbeitsaufnahme; feste Absprachen mit Kitas und Tagespflege für Randzeiten.',
    resources: '1 Jobcoach je 40 Teilnehmende; Budget für Notfallbetreuung.',
    results: 'Integrationen von Alleinerziehenden und stabilere Beschäftigung nach der Aufnahme.',
    topics: ['Alleinerziehende', 'Kinderbetreuung'],
    figureCodes: ['K2E4'],
    visibility: 'public',
  },
  {
    title: 'Digitale Terminvergabe',
    problem: 'Lange Wartezeiten am Empfang und viele verpasste Termine.',
    approach:
      'Leistungsberechtigte buchen und verschieben Termine online oder per SMS-Link; Erinnerung am Vortag.',
    resources: 'Terminsoftware (Lizenz), Einführung in 3 Monaten, Schulung aller Teams.',
    results: 'Weniger verpasste Termine, kürzere Wartezeiten, mehr Zeit für Beratung.',
    topics: ['Digitalisierung', 'Prozesse'],
    figureCodes: ['K2'],
    visibility: 'public',
  },
  {
    title: 'Arbeitgeberservice mit festen Ansprechpersonen',
    problem: 'Arbeitgeber erleben wechselnde Ansprechpersonen und unpassende Vorschläge.',
    approach:
      'Jeder Betrieb ab 10 Beschäftigten hat eine feste Ansprechperson, die Stellen aufnimmt und gezielt vorschlägt; Rückmeldung zu jedem Vorschlag.',
    resources: 'Umorganisation des Arbeitgeberservice; CRM-Liste der Betriebe.',
    results: 'Mehr gemeldete Stellen, schnellere Besetzung, höhere Integrationsquote.',
    topics: ['Arbeitgeber', 'Vermittlung'],
    figureCodes: ['K2', 'K2E3'],
    visibility: 'network',
  },
  {
    title: 'Fallmanagement mit kleinen Fallzahlen für Neuzugänge',
    problem: 'Neu Zugegangene verfestigen sich im Leistungsbezug, bevor sie intensiv betreut werden.',
    approach:
      'In den ersten sechs Monaten betreut ein Team mit 1:60 statt 1:150; Erstgespräch innerhalb von 5 Tagen.',
    resources: '3 zusätzliche Stellen, befristet auf 2 Jahre.',
    results: 'Höhere Abgangsquote in den ersten Monaten.',
    topics: ['Aktivierung', 'Prozesse'],
    figureCodes: ['K1E4', 'K2'],
    visibility: 'ring',
  },
  {
    title: 'Nachbetreuung nach Arbeitsaufnahme',
    problem: 'Viele Beschäftigungen enden in der Probezeit.',
    approach: 'Telefonische Nachbetreuung in Woche 1, 4 und 12; Ansprechperson auch für den Betrieb.',
    resources: '0,5 Stelle je 100 Integrationen.',
    results: 'Mehr Beschäftigungen dauern sechs Monate und länger.',
    topics: ['Nachhaltigkeit', 'Arbeitgeber'],
    figureCodes: ['K2E3'],
    visibility: 'network',
  },
  {
    title: 'Gesundheitsorientierte Beratung',
    problem: 'Gesundheitliche Einschränkungen sind ein häufiges Vermittlungshemmnis.',
    approach: 'Kooperation mit Krankenkassen: Gesundheitskurse, Beratung zu Reha, schnelle Begutachtung.',
    resources: 'Kooperationsvertrag, 1 Koordinationsstelle.',
    results: 'Mehr Teilnahmen an Gesundheitsangeboten; Übergänge in Beschäftigung.',
    topics: ['Gesundheit', 'Langzeitleistungsbeziehende'],
    figureCodes: ['K3E1'],
    visibility: 'network',
  },
  {
    title: 'Sprach- und Jobkombination für Geflüchtete',
    problem: 'Sprachkurs und Arbeitsaufnahme werden nacheinander statt zusammen gedacht.',
    approach:
      'Teilzeitbeschäftigung parallel zum Berufssprachkurs, abgestimmt mit Kursträgern und Betrieben.',
    resources: 'Abstimmung mit Kursträgern, 1 Koordinationsstelle.',
    results: 'Frühere Arbeitsaufnahmen.',
    topics: ['Migration', 'Vermittlung'],
    figureCodes: ['K2'],
    visibility: 'ring',
  },
  {
    title: 'Kennzahlen-Dialog in den Teams',
    problem: 'Teams kennen die Kennzahlen nur aus dem Jahresbericht.',
    approach:
      'Monatliche 30-Minuten-Runde je Team mit drei Kennzahlen und einer Frage: Was probieren wir als Nächstes?',
    resources: 'Dashboard, Moderation durch Führungskräfte.',
    results: 'Ziele sind bekannt; Verbesserungen werden früher sichtbar.',
    topics: ['Steuerung'],
    figureCodes: ['K2', 'K1E4'],
    visibility: 'network',
  },
  {
    title: 'Gemeinsame Anlaufstelle mit der Jugendberufsagentur',
    problem: 'Junge Menschen gehen zwischen Jobcenter, Agentur und Jugendhilfe verloren.',
    approach: 'Ein Haus, ein Empfang, gemeinsame Fallbesprechungen für unter 25-Jährige.',
    resources: 'Kooperationsvereinbarung, gemeinsame Räume.',
    results: 'Weniger Abbrüche, mehr Ausbildungsaufnahmen.',
    topics: ['Jugend', 'Partnerschaften'],
    figureCodes: ['K2'],
    visibility: 'public',
  },
  {
    title: 'Aktivierung von Bedarfsgemeinschaften mit Kindern',
    problem: 'Beide Partner in Bedarfsgemeinschaften mit Kindern werden selten gemeinsam beraten.',
    approach:
      'Familiencoaching: gemeinsame Gespräche, Plan für beide Erwachsenen, Kinderbetreuung mitgedacht.',
    resources: '2 Coaches, Kooperation mit Familienzentren.',
    results: 'Mehr Integrationen zweiter Erwachsener.',
    topics: ['Familien', 'Aktivierung'],
    figureCodes: ['K2', 'K2E4'],
    visibility: 'network',
  },
  {
    title: 'Schnelle Bearbeitung von Weiterbewilligungsanträgen',
    problem: 'Rückstände bei Weiterbewilligungen binden Beratungszeit.',
    approach: 'Vorausgefüllte Anträge, digitale Einreichung, Bearbeitung im Tandem.',
    resources: 'Prozessanalyse, E-Akte.',
    results: 'Kürzere Bearbeitungszeiten, mehr Zeit für Integrationsarbeit.',
    topics: ['Digitalisierung', 'Leistung'],
    figureCodes: ['K1'],
    visibility: 'ring',
  },
  {
    title: 'Betriebsnahe Qualifizierung in Teilzeit',
    problem: 'Vollzeitmaßnahmen passen nicht zu Menschen mit Betreuungspflichten.',
    approach: 'Qualifizierung in Teilzeit direkt im Betrieb, mit Abschluss bei der Kammer.',
    resources: 'Eingliederungsbudget, Absprachen mit Kammern.',
    results: 'Abschlüsse und Übernahmen durch die Betriebe.',
    topics: ['Qualifizierung', 'Arbeitgeber'],
    figureCodes: ['K2', 'K2E3'],
    visibility: 'network',
  },
  {
    title: 'Schuldnerberatung im Haus',
    problem: 'Schulden verhindern Arbeitsaufnahme und stabile Beschäftigung.',
    approach:
      'Sprechstunde der kommunalen Schuldnerberatung zweimal pro Woche im Jobcenter; Termin binnen 14 Tagen.',
    resources: 'Kooperationsvertrag, Raum.',
    results: 'Kürzere Wartezeiten auf Beratung; stabilere Integrationen.',
    topics: ['Partnerschaften', 'Langzeitleistungsbeziehende'],
    figureCodes: ['K3E1', 'K2E3'],
    visibility: 'network',
  },
  {
    title: 'Zielvereinbarungen mit Trägern nach Wirkung',
    problem: 'Maßnahmen werden nach Teilnahmen statt nach Ergebnissen bewertet.',
    approach:
      'Verträge mit Trägern enthalten Ziele zu Integrationen und Nachhaltigkeit; halbjährliche Auswertung.',
    resources: 'Vergabe- und Controllingkompetenz.',
    results: 'Bessere Ergebnisse der Maßnahmen; Ressourcen gehen an wirksame Angebote.',
    topics: ['Steuerung', 'Partnerschaften'],
    figureCodes: ['K2'],
    visibility: 'ring',
  },
]

/** Integration rate over the last 12 months (K2's formula) per organisation, from the raw series. */
function integrationRates(demo: DemoNetwork): number[] {
  const o = demo.observations
  const integrations = o.indicatorCodes.indexOf('integrations')
  const elb = o.indicatorCodes.indexOf('elb')
  const last = Number(demo.lastMonth.slice(0, 4)) * 12 + Number(demo.lastMonth.slice(5, 7)) - 1
  const sums = demo.organisations.map(() => ({ integrations: 0, elb: 0, months: 0 }))
  for (let i = 0; i < o.count; i++) {
    if (o.breakdown[i] !== 0 || o.period[i]! <= last - 12 || !Number.isFinite(o.value[i]!)) continue
    const s = sums[o.orgIndex[i]!]!
    if (o.indicator[i] === integrations) s.integrations += o.value[i]!
    else if (o.indicator[i] === elb) {
      s.elb += o.value[i]!
      s.months++
    }
  }
  return sums.map((s) => (s.months > 0 && s.elb > 0 ? s.integrations / (s.elb / s.months) : 0))
}

export interface DemoPracticesSummary {
  practices: number
  adoptions: number
  selfAssessmentCycles: number
}

export async function createDemoPractices(
  db: Kysely<DB>,
  options: {
    demo: DemoNetwork
    orgIds: readonly number[]
    ringIds: readonly number[]
    networkId: number
    seed: number
    now: Date
  },
): Promise<DemoPracticesSummary> {
  const { demo, orgIds, now } = options
  const random = createRandom(deriveNamedSeed(options.seed, 'practices'))
  const normal = createNormal(random)
  const rates = integrationRates(demo)
  // Rank within each ring: the best job centres write the cards, the others adopt.
  const rankedRings = demo.rings.map((ring) => [...ring.members].sort((a, b) => rates[b]! - rates[a]!))
  let adoptions = 0
  for (const [i, card] of CARDS.entries()) {
    const ringIndex = i % demo.rings.length
    const ranked = rankedRings[ringIndex]!
    // Cards 11 … 15 go to each ring's second best, so that not one job centre writes all of a ring's cards.
    const author = ranked[i < demo.rings.length ? 0 : 1]!
    const publishedAt = new Date(Date.UTC(2021, (i * 2) % 12, 10 + (i % 15)))
    const id = await insertPractice(db, {
      ...card,
      results: `${card.results} (${DEMO_NOTE})`,
      // Cards of a ring that shares under pseudonyms must not name their organisation.
      contact:
        demo.rings[ringIndex]!.sharing === 'pseudonymised'
          ? `Fiktive Ansprechperson, Kontakt über die Moderation – ${DEMO_NOTE}`
          : `Fiktive Ansprechperson im ${demo.organisations[author]!.shortName} – ${DEMO_NOTE}`,
      status: 'published',
      organisationId: orgIds[author]!,
      authorUserId: null,
      ringId: options.ringIds[ringIndex]!,
      isDemo: true,
      now,
      publishedAt,
    })
    await replacePracticeLinks(db, id, { topics: card.topics, figureCodes: card.figureCodes })
    // Two or three adopters from the lower half of the ring, starting 2022–2023 (the effect check
    // needs 14 months after the start).
    const candidates = ranked.slice(Math.ceil(ranked.length / 2))
    const count = Math.min(candidates.length, 2 + drawInteger(random, 2))
    for (let k = 0; k < count; k++) {
      const adopter = candidates[(k + drawInteger(random, candidates.length)) % candidates.length]!
      const started = `${2022 + ((i + k) % 2)}-${String(1 + drawInteger(random, 12)).padStart(2, '0')}-01`
      await insertAdoption(db, {
        practiceId: id,
        organisationId: orgIds[adopter]!,
        startedOn: started,
        note: `Übernommen nach dem Ringtreffen. ${DEMO_NOTE}`,
        createdByUserId: null,
        now,
      })
      adoptions++
    }
  }
  adoptions = Number(
    (
      await db
        .selectFrom('practice_adoption')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? adoptions,
  )

  // Self-assessment: 2022 and 2025, every job centre answers every area. Scores lean on the
  // integration rank (better-performing centres rate themselves a little higher) plus noise, and
  // 2025 moves from 2022 by −1 … +1, more often up.
  const order = [...rates.keys()].sort((a, b) => rates[b]! - rates[a]!)
  const rankShare = new Map(order.map((index, rank) => [index, 1 - rank / Math.max(1, order.length - 1)]))
  const scores2022 = new Map<string, number>()
  for (const [code, name, startsOn, endsOn] of [
    ['2022', 'Selbstbewertung 2022 (Demo)', '2022-01-01', '2022-12-31'],
    ['2025', 'Selbstbewertung 2025 (Demo)', '2025-01-01', '2025-12-31'],
  ] as const) {
    const cycleId = await insertCycle(db, {
      networkId: options.networkId,
      code,
      name,
      startsOn,
      endsOn,
      scaleMin: DEFAULT_SCALE.min,
      scaleMax: DEFAULT_SCALE.max,
      scaleLevels: DEFAULT_SCALE.levels,
      isDemo: true,
      now,
    })
    await saveAreas(db, cycleId, PES_ENABLER_AREAS)
    const areas = await listAreaRows(db, [cycleId])
    const rows = []
    for (const [index, organisationId] of orgIds.entries()) {
      for (const area of areas) {
        const key = `${index}:${area.code}`
        let score: number
        if (code === '2022') {
          score = Math.round(1.6 + 2.2 * rankShare.get(index)! + normal() * 0.7)
          score = Math.min(5, Math.max(1, score))
          scores2022.set(key, score)
        } else {
          const step = random() < 0.45 ? 1 : random() < 0.8 ? 0 : -1
          score = Math.min(5, Math.max(1, scores2022.get(key)! + step))
        }
        rows.push({
          cycle_id: cycleId,
          area_id: area.id,
          organisation_id: organisationId,
          score,
          evidence_note: `Demo-Nachweis: ${DEFAULT_SCALE.levels[score - 1]!.labelDe} – erfundene Begründung.`,
          answered_by_user_id: null,
          answered_at: new Date(`${code}-06-30T12:00:00Z`),
        })
      }
    }
    await db.insertInto('self_assessment_response').values(rows).execute()
  }
  return { practices: CARDS.length, adoptions, selfAssessmentCycles: 2 }
}
