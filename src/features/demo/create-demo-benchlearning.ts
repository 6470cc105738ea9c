/**
 * A year of benchlearning in the demo network (all marked is_demo and "Demo"): for every ring the
 * three meetings of the last twelve months (hosts by the rotation, agendas from voted topics, open
 * actions and key-figure reviews, minutes, decisions, actions some done and some open, comments)
 * plus the next meeting (invited, agenda drafted), topics with votes, a network-wide annual day,
 * and notifications for the demo accounts. Deterministic for a given `now`.
 *
 * Key figures are computed after the demo transaction, so the stored agendas carry key-figure
 * reviews without frozen spotlights; the agenda proposal and the meeting pack compute the data
 * spotlights live.
 */
import type { Kysely } from 'kysely'
import { proposeHostSequence, proposeYearSchedule } from '../../core/benchlearning'
import type { AgendaItemKind, AgendaItemSource, DB, MeetingStatus } from '../../db/schema'
import { validOn } from '../../db/valid-on'
import { insertNotifications, type NewNotification } from '../meetings/notification.repository'
import { addDays, isoDate } from '../../core/periods/dates'

const TOPICS = [
  ['Digitale Antragstellung und E-Akte', 'Welche Schritte haben sich bewährt, wo hakt es noch?'],
  [
    'Aktivierung von Langzeitleistungsbeziehenden',
    'Ansätze, die die Aktivierungsquote (K3E2) nachhaltig erhöhen.',
  ],
  [
    'Gemeinsamer Arbeitgeberservice',
    'Wie gewinnen wir Arbeitgeber für Menschen mit langen Leistungsbezügen?',
  ],
  ['Alleinerziehende: Kinderbetreuung organisieren', 'Kooperationen mit Kitas und Tagespflege (K2E4).'],
  ['Fachkräftegewinnung in den eigenen Reihen', 'Ausbildung, Quereinstieg, Bindung von Mitarbeitenden.'],
  ['Kooperationspläne nach dem Bürgergeld-Gesetz', 'Erfahrungen nach zwei Jahren Praxis.'],
  ['Übergang Schule–Beruf', 'Jugendberufsagentur und aufsuchende Arbeit.'],
  ['Gesundheitsorientierte Beratung', 'Gesundheit als Vermittlungshemmnis ernst nehmen.'],
  ['Datenqualität der Kennzahlen nach § 48a SGB II', 'Revisionen, Wartezeiten, Plausibilitätsprüfungen.'],
  ['Ganzheitliches Coaching nach § 16k SGB II', 'Wer macht es wie, mit welchem Ergebnis?'],
] as const

const ACTION_TITLES = [
  'Konzept zur Kinderbetreuung an den Ring schicken',
  'Checkliste E-Akte teilen',
  'Ansprechpersonen im Arbeitgeberservice benennen',
  'Auswertung der Coaching-Fälle vorstellen',
  'Leitfaden für Kooperationspläne abstimmen',
  'Zahlen zur Aktivierung für das nächste Treffen aufbereiten',
] as const

interface DemoRing {
  id: number
  networkId: number
  name: string
  /** Texts of a ring that shares under pseudonyms name no organisation (docs/security.md). */
  isPseudonymised: boolean
  members: { organisationId: number; name: string; shortName: string }[]
}

export interface DemoBenchlearningSummary {
  meetings: number
  topics: number
  actions: number
  notifications: number
}

/** Writes the demo year; call inside the demo transaction after rings and demo accounts exist. */
export async function createDemoBenchlearning(
  db: Kysely<DB>,
  options: { now: Date },
): Promise<DemoBenchlearningSummary> {
  const now = options.now
  const today = isoDate(now)
  const year = now.getUTCFullYear()
  const rings = await loadRings(db, today)
  const moderator = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', 'moderator@demo.benchlearn.de')
    .executeTakeFirst()
  const voters = await createDemoVoters(db, rings, now)
  const demoUsers = await db
    .selectFrom('app_user')
    .select(['id', 'organisation_id', 'role'])
    .where('email', 'like', '%@demo.benchlearn.de')
    .execute()
  // The twelve months up to today: the last three slots before today, and the next one.
  const slots = [...proposeYearSchedule({ year: year - 1 }), ...proposeYearSchedule({ year })].concat(
    proposeYearSchedule({ year: year + 1 }),
  )
  const past = slots.filter((s) => s.endsOn < today).slice(-3)
  const next = slots.find((s) => s.startsOn > today)!
  const sites = new Map(
    (
      await db
        .selectFrom('organisation_site')
        .select(['organisation_id', 'name', 'address'])
        .where('is_main', '=', true)
        .execute()
    ).map((s) => [s.organisation_id, s]),
  )
  const summary: DemoBenchlearningSummary = { meetings: 0, topics: 0, actions: 0, notifications: 0 }
  const notifications: NewNotification[] = []

  for (const [ringIndex, ring] of rings.entries()) {
    if (ring.members.length === 0) continue
    // Topics with votes: proposed during the year, five per ring.
    const topicIds: { id: number; title: string; proposer: number }[] = []
    for (let j = 0; j < 5; j++) {
      const [title, description] = TOPICS[(ringIndex * 3 + j) % TOPICS.length]!
      const proposer = ring.members[(j * 3 + ringIndex) % ring.members.length]!
      const row = await db
        .insertInto('topic')
        .values({
          network_id: ring.networkId,
          ring_id: ring.id,
          title,
          description,
          proposed_by_user_id: voters.get(proposer.organisationId) ?? null,
          proposed_by_organisation_id: proposer.organisationId,
          is_demo: true,
          created_at: new Date(`${addDays(past[0]!.startsOn, -40 + j * 9)}T09:00:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      topicIds.push({ id: row.id, title, proposer: proposer.organisationId })
      summary.topics += 1
      const votes = ring.members
        .filter((_m, k) => (k * 7 + j * 3 + ringIndex) % 5 < 5 - j)
        .map((m) => ({ organisationId: m.organisationId, userId: voters.get(m.organisationId) }))
        .filter((v): v is { organisationId: number; userId: number } => v.userId !== undefined)
      if (votes.length > 0)
        await db
          .insertInto('topic_vote')
          .values(
            votes.map((v) => ({
              topic_id: row.id,
              user_id: v.userId,
              organisation_id: v.organisationId,
              created_at: new Date(`${addDays(past[0]!.startsOn, -20)}T09:00:00Z`),
            })),
          )
          .execute()
    }

    const schedule = [...past, next]
    const hosts = proposeHostSequence({
      members: ring.members.map((m) => ({ organisationId: m.organisationId, name: m.name })),
      history: [],
      dates: schedule.map((s) => s.startsOn),
    })
    const openActions: { id: number; title: string; owner: number }[] = []
    for (const [i, slot] of schedule.entries()) {
      const isNext = i === schedule.length - 1
      const isLastHeld = i === schedule.length - 2
      const status: MeetingStatus = isNext ? 'invited' : isLastHeld ? 'held' : 'minutes_approved'
      const host = ring.members.find((m) => m.organisationId === hosts[i]!.organisationId)!
      const site = sites.get(host.organisationId)
      const meeting = await db
        .insertInto('meeting')
        .values({
          network_id: ring.networkId,
          ring_id: ring.id,
          kind: 'ring_meeting',
          title: `${ring.name}: Treffen ${slot.number}/${slot.startsOn.slice(0, 4)}`,
          starts_on: slot.startsOn,
          ends_on: slot.endsOn,
          start_time: slot.startTime,
          end_time: slot.endTime,
          venue: ring.isPseudonymised
            ? 'Beim Gastgeber (Anschrift in der Einladung)'
            : site
              ? `${host.shortName}, ${site.name}${site.address ? `, ${site.address}` : ''}`
              : host.shortName,
          host_organisation_id: host.organisationId,
          host_source: 'rotation',
          moderator_user_id: moderator?.id ?? null,
          status,
          minutes_approved_at:
            status === 'minutes_approved' ? new Date(`${addDays(slot.endsOn, 21)}T10:00:00Z`) : null,
          minutes_approved_by: status === 'minutes_approved' ? (moderator?.id ?? null) : null,
          is_demo: true,
          created_at: new Date(`${addDays(slot.startsOn, -90)}T09:00:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      summary.meetings += 1
      // The demo accounts of the ring's members registered (the analyst not yet for the next one).
      // A meeting that took place had people registered in every ring (a held meeting without
      // participants is a state meeting-life.ts refuses): there the leads of all members came.
      const signedUp = demoUsers
        .filter(
          (u) =>
            u.organisation_id !== null && ring.members.some((m) => m.organisationId === u.organisation_id),
        )
        .filter((u) => u.role === 'member_lead' || (u.role === 'member_analyst' && !isNext))
      const leads = isNext
        ? []
        : ring.members
            .map((m) => ({ id: voters.get(m.organisationId)!, organisation_id: m.organisationId }))
            .filter((lead) => !signedUp.some((u) => u.id === lead.id))
      const registrations = [...signedUp, ...leads]
      if (registrations.length > 0)
        await db
          .insertInto('meeting_registration')
          .values(
            registrations.map((u) => ({
              meeting_id: meeting.id,
              user_id: u.id,
              organisation_id: u.organisation_id,
              status: 'registered' as const,
              note: null,
              updated_at: new Date(`${addDays(slot.startsOn, -30)}T09:00:00Z`),
            })),
          )
          .execute()
      const topicA = topicIds[(i * 2) % topicIds.length]!
      const topicB = topicIds[(i * 2 + 1) % topicIds.length]!
      const presenter = ring.members[(i * 4 + 2) % ring.members.length]!
      const items: {
        kind: AgendaItemKind
        title: string
        description: string | null
        presenter: number | null
        minutes: number
        source: AgendaItemSource
        topicId?: number
        actionId?: number
        text: string
      }[] = [
        {
          kind: 'input',
          title: ring.isPseudonymised
            ? 'Begrüßung und Bericht des Gastgebers'
            : `Begrüßung und Bericht des Gastgebers (${host.shortName})`,
          description: 'Aktuelle Entwicklungen im Jobcenter des Gastgebers.',
          presenter: host.organisationId,
          minutes: 30,
          source: 'manual',
          text: `${ring.isPseudonymised ? 'Der Gastgeber' : host.shortName} berichtet über Personalgewinnung und die Einführung der E-Akte.`,
        },
        ...openActions.map((a) => ({
          kind: 'discussion' as const,
          title: `Offene Aufgabe: ${a.title}`,
          description: 'Aus dem letzten Treffen.',
          presenter: a.owner,
          minutes: 10,
          source: 'open_action' as const,
          actionId: a.id,
          text: 'Stand berichtet; die Aufgabe ist erledigt.',
        })),
        {
          kind: 'key_figure_review',
          title: 'Kennzahlen-Review: Integrationsquote (K2) und Langzeitleistungsbeziehende (K3E1) im Ring',
          description:
            'Datenschlaglichter der Plattform: größte Veränderungen, Abweichungen vom Erwartungswert, Spitzenreiter.',
          presenter: null,
          minutes: 60,
          source: 'manual',
          text: 'Die Moderation stellt die Datenschlaglichter vor; der Ring diskutiert die Ursachen der größten Veränderungen.',
        },
        {
          kind: 'discussion',
          title: topicA.title,
          description: 'Vom Ring gewähltes Thema.',
          presenter: topicA.proposer,
          minutes: 90,
          source: 'topic',
          topicId: topicA.id,
          text: 'Erfahrungsaustausch in zwei Gruppen; Ergebnisse im Plenum gesammelt.',
        },
        {
          kind: 'practice_presentation',
          title: `Praxisbeispiel: ${topicB.title}`,
          description: 'Vorstellung eines Beispiels guter Praxis mit anschließender Diskussion.',
          presenter: presenter.organisationId,
          minutes: 45,
          source: 'topic',
          topicId: topicB.id,
          text: `${ring.isPseudonymised ? 'Das vortragende Jobcenter' : presenter.shortName} stellt Vorgehen, Aufwand und erste Ergebnisse vor.`,
        },
        {
          kind: 'discussion',
          title: 'Vereinbarungen und nächste Schritte',
          description: null,
          presenter: null,
          minutes: 20,
          source: 'manual',
          text: 'Aufgaben verteilt, Termin des nächsten Treffens bestätigt.',
        },
      ]
      const itemIds: number[] = []
      for (const [position, item] of items.entries()) {
        const row = await db
          .insertInto('agenda_item')
          .values({
            meeting_id: meeting.id,
            position: position + 1,
            kind: item.kind,
            title: item.title,
            description: item.description,
            presenter_organisation_id: item.presenter,
            duration_minutes: item.minutes,
            source: item.source,
            topic_id: item.topicId ?? null,
            action_item_id: item.actionId ?? null,
            minutes: isNext ? null : `${item.text} (Demo)`,
            minutes_updated_at: isNext ? null : new Date(`${addDays(slot.endsOn, 7)}T10:00:00Z`),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        itemIds.push(row.id)
      }
      for (const topic of [topicA, topicB])
        await db
          .updateTable('topic')
          .set({ status: isNext ? 'scheduled' : 'done' })
          .where('id', '=', topic.id)
          .execute()
      if (isNext) {
        notifications.push(
          ...demoUsers
            .filter(
              (u) =>
                u.organisation_id !== null &&
                ring.members.some((m) => m.organisationId === u.organisation_id),
            )
            .map((u) => ({
              userId: u.id,
              kind: 'invitation' as const,
              payload: {
                meetingId: meeting.id,
                title: `${ring.name}: Treffen ${slot.number}/${slot.startsOn.slice(0, 4)}`,
                startsOn: slot.startsOn,
              },
              dedupeKey: `invitation:${meeting.id}`,
            })),
        )
        continue
      }
      // The earlier meeting's open actions were reported on: done now.
      for (const a of openActions)
        await db
          .updateTable('action_item')
          .set({ status: 'done', completed_at: new Date(`${slot.startsOn}T12:00:00Z`) })
          .where('id', '=', a.id)
          .execute()
      openActions.length = 0
      await db
        .insertInto('decision')
        .values([
          {
            meeting_id: meeting.id,
            agenda_item_id: itemIds[itemIds.length - 3] ?? null,
            text: `Der Ring vertieft „${topicA.title}“ beim nächsten Treffen mit Zahlen aus zwei Jobcentern. (Demo)`,
            created_at: new Date(`${slot.endsOn}T11:00:00Z`),
          },
          {
            meeting_id: meeting.id,
            agenda_item_id: itemIds[itemIds.length - 1] ?? null,
            text: `Das nächste Treffen findet am ${formatDe(schedule[i + 1]!.startsOn)} statt. (Demo)`,
            created_at: new Date(`${slot.endsOn}T11:30:00Z`),
          },
        ])
        .execute()
      for (let k = 0; k < 2; k++) {
        const owner = ring.members[(i * 2 + k + ringIndex) % ring.members.length]!
        const dueOn = addDays(slot.endsOn, 60 + k * 30)
        const isDone = status === 'minutes_approved' && i < schedule.length - 3
        const action = await db
          .insertInto('action_item')
          .values({
            meeting_id: meeting.id,
            agenda_item_id: itemIds[itemIds.length - 1] ?? null,
            title: ACTION_TITLES[(i * 2 + k + ringIndex) % ACTION_TITLES.length]!,
            owner_organisation_id: owner.organisationId,
            due_on: dueOn,
            status: isDone ? 'done' : k === 0 ? 'in_progress' : 'open',
            created_at: new Date(`${slot.endsOn}T12:00:00Z`),
            completed_at: isDone ? new Date(`${addDays(slot.endsOn, 50)}T12:00:00Z`) : null,
          })
          .returning(['id', 'title'])
          .executeTakeFirstOrThrow()
        summary.actions += 1
        if (!isDone) openActions.push({ id: action.id, title: action.title, owner: owner.organisationId })
      }
      if (status === 'held') {
        const commenter = demoUsers.find(
          (u) => u.role === 'member_lead' && ring.members.some((m) => m.organisationId === u.organisation_id),
        )
        const anyMember = ring.members[1] ?? ring.members[0]!
        await db
          .insertInto('minutes_comment')
          .values({
            meeting_id: meeting.id,
            agenda_item_id: itemIds[3] ?? null,
            user_id: commenter?.id ?? voters.get(anyMember.organisationId) ?? null,
            organisation_id: commenter?.organisation_id ?? anyMember.organisationId,
            text: 'Bitte ergänzen: Wir hatten vereinbart, die Zahlen nach Geschlecht getrennt auszuwerten. (Demo)',
            created_at: new Date(`${addDays(slot.endsOn, 5)}T08:00:00Z`),
          })
          .execute()
        for (const u of demoUsers.filter(
          (x) =>
            x.organisation_id !== null && ring.members.some((m) => m.organisationId === x.organisation_id),
        ))
          notifications.push({
            userId: u.id,
            kind: 'minutes_to_approve',
            payload: {
              meetingId: meeting.id,
              title: `${ring.name}: Treffen ${slot.number}/${slot.startsOn.slice(0, 4)}`,
              startsOn: slot.startsOn,
            },
            dedupeKey: `minutes:${meeting.id}`,
          })
        if (moderator)
          notifications.push({
            userId: moderator.id,
            kind: 'minutes_to_approve',
            payload: {
              meetingId: meeting.id,
              title: `${ring.name}: Treffen ${slot.number}/${slot.startsOn.slice(0, 4)}`,
              startsOn: slot.startsOn,
              isModerator: true,
            },
            dedupeKey: `minutes:${meeting.id}`,
          })
      }
    }
  }

  // The network-wide annual day: the second Thursday of June of this or last year, whichever passed.
  const annualYear = `${year}-06-20` < today ? year : year - 1
  const annualDay = secondThursdayOfJune(annualYear)
  if (rings.length > 0) {
    const annual = await db
      .insertInto('meeting')
      .values({
        network_id: rings[0]!.networkId,
        ring_id: null,
        kind: 'annual_day',
        title: `Jahrestagung ${annualYear} des Benchlearning-Netzwerks`,
        starts_on: annualDay,
        ends_on: annualDay,
        start_time: '10:00',
        end_time: '16:30',
        venue: 'Tagungszentrum, Frankfurt am Main',
        host_organisation_id: null,
        host_source: 'none',
        moderator_user_id: moderator?.id ?? null,
        status: 'minutes_approved',
        minutes_approved_at: new Date(`${addDays(annualDay, 28)}T10:00:00Z`),
        minutes_approved_by: moderator?.id ?? null,
        is_demo: true,
        created_at: new Date(`${addDays(annualDay, -120)}T09:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    summary.meetings += 1
    const program: [AgendaItemKind, string, number][] = [
      ['input', 'Jahresthema: Digitalisierung der Beratung', 60],
      ['key_figure_review', 'Die Kennzahlen des Netzwerks im Jahresvergleich', 45],
      ['practice_presentation', 'Marktplatz der Praxisbeispiele aus den Ringen', 120],
      ['discussion', 'Ausblick und Themen für das kommende Jahr', 45],
    ]
    for (const [position, [kind, title, minutes]] of program.entries())
      await db
        .insertInto('agenda_item')
        .values({
          meeting_id: annual.id,
          position: position + 1,
          kind,
          title,
          duration_minutes: minutes,
          source: 'manual',
          minutes: 'Zusammenfassung im Tagungsbericht. (Demo)',
          minutes_updated_at: new Date(`${addDays(annualDay, 14)}T10:00:00Z`),
        })
        .execute()
  }
  summary.notifications = (await insertNotifications(db, notifications, now)).length
  return summary
}

function secondThursdayOfJune(year: number): string {
  const first = `${year}-06-01`
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay()
  return addDays(first, ((4 - weekday + 7) % 7) + 7)
}

function formatDe(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
}

async function loadRings(db: Kysely<DB>, at: string): Promise<DemoRing[]> {
  const rings = await db
    .selectFrom('ring as r')
    .innerJoin('network as n', 'n.id', 'r.network_id')
    .select(['r.id', 'r.network_id', 'r.name', 'r.sharing'])
    .where('n.is_demo', '=', true)
    .orderBy('r.code')
    .execute()
  const members = await db
    .selectFrom('ring_membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.ring_id', 'o.id', 'o.name', 'o.short_name'])
    .where(validOn('m', at))
    .orderBy('o.id')
    .execute()
  return rings.map((r) => ({
    id: r.id,
    networkId: r.network_id,
    name: r.name,
    isPseudonymised: r.sharing === 'pseudonymised',
    members: members
      .filter((m) => m.ring_id === r.id)
      .map((m) => ({ organisationId: m.id, name: m.name, shortName: m.short_name })),
  }))
}

/**
 * One lead account per demo job centre, without a password (nobody can sign in with it), so that
 * topics have votes from many organisations. The demo member organisation uses its real demo lead.
 */
async function createDemoVoters(db: Kysely<DB>, rings: DemoRing[], now: Date): Promise<Map<number, number>> {
  const existing = await db
    .selectFrom('app_user')
    .select(['id', 'organisation_id'])
    .where('role', '=', 'member_lead')
    .where('organisation_id', 'is not', null)
    .orderBy('id')
    .execute()
  const voters = new Map<number, number>()
  for (const u of existing) if (!voters.has(u.organisation_id!)) voters.set(u.organisation_id!, u.id)
  const missing = rings.flatMap((r) => r.members).filter((m) => !voters.has(m.organisationId))
  if (missing.length === 0) return voters
  const rows = await db
    .insertInto('app_user')
    .values(
      missing.map((m) => ({
        email: `leitung.${m.organisationId}@demo-ohne-anmeldung.invalid`,
        name: `Leitung ${m.shortName} (Demo)`,
        role: 'member_lead' as const,
        organisation_id: m.organisationId,
        password_hash: null,
        created_at: now,
      })),
    )
    .returning(['id', 'organisation_id'])
    .execute()
  for (const r of rows) voters.set(r.organisation_id!, r.id)
  return voters
}
