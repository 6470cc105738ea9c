/**
 * The meeting pack as one self-contained HTML page in German or English (no external resources)
 * that also prints well: page numbers and "Datenstand" come from chromium's footer template when
 * printed. Texts come from pack-texts.ts; numbers, dates and periods from core/format (true minus
 * sign, no ISO dates). Every value from the database goes through `escapeHtml`.
 */
import type { SpotlightDto } from '../../../contracts/meetings'
import { formatDate, formatFixed, formatPeriod, formatSigned, type Locale } from '../../../core/format/format'
import { spotlightWords } from '../../../core/benchlearning/spotlight-text'
import { judgeDifference } from '../../../core/kpi/polarity'
import { isoDate } from '../../../core/periods/dates'
import type { MeetingPack } from './build-meeting-pack'
import { noteText } from './pack-note'
import { packText, type PackTextKey } from './pack-texts'

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** The pack's formatting in one language: "–" for a missing value, formatted text otherwise. */
function formatters(locale: Locale) {
  return {
    t: (key: PackTextKey, params?: Record<string, string | number>) => packText(locale, key, params),
    value: (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatFixed(locale, v)),
    signed: (v: number) => formatSigned(locale, v),
    date: (iso: string | null | undefined) => (iso ? formatDate(locale, iso.slice(0, 10)) : '–'),
    period: (period: string) => formatPeriod(locale, period),
  }
}

function addMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

export function dataStand(pack: MeetingPack, locale: Locale): string {
  return pack.dataPeriod
    ? packText(locale, 'stand', { period: formatPeriod(locale, pack.dataPeriod) })
    : packText(locale, 'standNone')
}

/** The pack's one stylesheet; the server's CSP allows exactly this text (server/security-headers.ts). */
export const MEETING_PACK_STYLE = `
  @page { size: A4; margin: 18mm 16mm 20mm 16mm; }
  * { box-sizing: border-box; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1b1f24; margin: 0; line-height: 1.4; }
  main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
  h1 { font-size: 20pt; margin: 0 0 2mm; color: #0b3d64; }
  h2 { font-size: 13pt; color: #0b3d64; border-bottom: 1.5pt solid #0b3d64; padding-bottom: 1mm; margin: 8mm 0 3mm; break-after: avoid; }
  h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
  .demo { background: #fff3cd; border: 1pt solid #c69500; padding: 2mm 3mm; margin: 3mm 0; font-weight: bold; }
  .meta { display: grid; grid-template-columns: 38mm 1fr; gap: 1mm 4mm; margin: 4mm 0; }
  .meta dt { font-weight: bold; color: #44505c; }
  .meta dd { margin: 0; }
  .stand { font-size: 11pt; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
  th, td { border-bottom: 0.5pt solid #c5ccd3; padding: 0.6mm 1.5mm; text-align: left; vertical-align: top; font-size: 9pt; line-height: 1.3; }
  th { background: #e8eef4; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr { break-inside: avoid; }
  tr.host td { font-weight: bold; }
  tr.median td { border-top: 1pt solid #44505c; font-style: italic; }
  .spotlight { border-left: 3pt solid #0b7a75; padding: 1mm 3mm; margin: 2mm 0; break-inside: avoid; }
  .kind { color: #0b7a75; font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.04em; }
  .muted { color: #5c6670; }
  .page-break { break-before: page; }
  .notes li { color: #5c6670; font-size: 9pt; }
  @media screen { body { background: #f4f6f8; } main { background: white; padding: 12mm 14mm; margin: 6mm auto; box-shadow: 0 1px 4px rgba(0,0,0,.15); } }
`

/**
 * A spotlight's sentence in the pack's language (core/benchlearning/spotlight-text.ts), with the
 * figure's names from the pack; a spotlight frozen before its judgement was kept is judged by the
 * figure's direction here.
 */
function spotlightSentence(pack: MeetingPack, s: SpotlightDto, locale: Locale): string {
  const names = pack.figureNames[s.figureCode]
  const change = s.numbers.change ?? 0
  const judgement =
    s.judgement ??
    (s.kind === 'largest_change' && names ? judgeDifference(names.polarity, change) : undefined)
  return spotlightWords(locale, {
    ...s,
    figureNameDe: names?.de ?? s.figureNameDe,
    figureNameEn: names?.en ?? s.figureNameEn,
    judgement,
  }).sentence
}

export function renderMeetingPackHtml(pack: MeetingPack, locale: Locale = 'de'): string {
  const m = pack.meeting
  const e = escapeHtml
  const f = formatters(locale)
  const { t } = f
  const at = (date: string, time: string | null) =>
    time ? t('when.time', { date: f.date(date), time }) : f.date(date)
  const when =
    m.startsOn === m.endsOn
      ? m.startTime
        ? t('when.oneDayTimes', { date: f.date(m.startsOn), start: m.startTime, end: m.endTime ?? '' })
        : t('when.oneDay', { date: f.date(m.startsOn) })
      : t('when.range', { from: at(m.startsOn, m.startTime), to: at(m.endsOn, m.endTime) })
  let clock = m.startTime ?? null
  const agendaRows = m.agenda
    .map((item, index) => {
      const start = clock
      if (clock) clock = addMinutes(clock, item.durationMinutes)
      const presenter = [item.presenter?.name, item.presenterName].filter(Boolean).join(', ')
      return `<tr><td class="num">${index + 1}</td><td class="num">${e(start ?? '')}</td><td>${e(t(`kind.${item.kind}`))}</td>
        <td><strong>${e(item.title)}</strong>${item.description ? `<br><span class="muted">${e(item.description)}</span>` : ''}</td>
        <td>${e(presenter || '–')}</td><td class="num">${e(t('agenda.minutes', { minutes: item.durationMinutes }))}</td></tr>`
    })
    .join('')
  const figureName = (code: string) => pack.figureNames[code]?.[locale] ?? code
  const figureHead = pack.figures
    .map((fig) => `<th class="num" title="${e(figureName(fig.code))}">${e(fig.code)}</th>`)
    .join('')
  const figureRows = pack.rows
    .map(
      (r) =>
        `<tr class="${r.isHost ? 'host' : ''}"><td>${e(r.isHost ? t('figures.host', { name: r.organisation.name }) : r.organisation.name)}</td>${r.values
          .map((v) => `<td class="num">${f.value(v)}</td>`)
          .join('')}</tr>`,
    )
    .join('')
  const medianRow = `<tr class="median"><td>${e(t('figures.median'))}</td>${pack.figures.map((fig) => `<td class="num">${f.value(fig.median)}</td>`).join('')}</tr>`
  const legend = pack.figures
    .map(
      (fig) =>
        `${e(fig.code)}: ${e(figureName(fig.code))} (${e(t(`polarity.${fig.polarity}`))}; ${e(t(`source.${fig.source}`))})`,
    )
    .join(' · ')
  const spotlights = pack.spotlights
    .map(
      (s) =>
        `<div class="spotlight"><div class="kind">${e(t(`spotlight.${s.kind}`))} · ${e(s.figureCode)}${s.source ? ` · ${e(t(`source.${s.source}`))}` : ''}</div><div>${e(spotlightSentence(pack, s, locale))}</div></div>`,
    )
    .join('')
  const actionRows = pack.openActions
    .map(
      (a) =>
        `<tr><td>${e(a.title)}</td><td>${e([a.ownerOrganisation?.name, a.ownerUser?.name].filter(Boolean).join(' / ') || '–')}</td>
        <td class="num">${e(a.isOverdue ? t('actions.overdue', { date: f.date(a.dueOn) }) : f.date(a.dueOn))}</td><td>${e(t(a.status === 'in_progress' ? 'actions.inProgress' : 'actions.open'))}</td><td>${e(a.meetingTitle)}</td></tr>`,
    )
    .join('')
  const practices = pack.partner.newPractices
  const practiceSection =
    practices === null
      ? ''
      : `<h2>${e(t('practices.heading'))}</h2>${
          practices.length === 0
            ? `<p class="muted">${e(t('practices.none'))}</p>`
            : `<table><thead><tr><th>${e(t('practices.title'))}</th><th>${e(t('practices.organisation'))}</th><th>${e(t('practices.figures'))}</th><th class="num">${e(t('practices.published'))}</th></tr></thead><tbody>${practices
                .map(
                  (p) =>
                    `<tr><td><strong>${e(p.title)}</strong><br><span class="muted">${e(p.excerpt)}</span></td><td>${e(p.organisation.name)}</td><td>${e(p.figureCodes.join(', ') || '–')}</td><td class="num">${f.date(p.publishedAt)}</td></tr>`,
                )
                .join('')}</tbody></table>`
        }`
  const collectionSection = renderCollectionResults(pack.partner.collections, locale)
  const hasMinutes = m.status === 'held' || m.status === 'minutes_approved'
  const minutesSection = !hasMinutes
    ? ''
    : `<h2 class="page-break">${e(m.status === 'minutes_approved' ? t('minutes.approved', { date: f.date(m.minutesApprovedAt) }) : t('minutes.draft'))}</h2>${m.agenda
        .map((item, index) => {
          const decisions = m.decisions.filter((d) => d.agendaItemId === item.id)
          const actions = m.actions.filter((a) => a.agendaItemId === item.id)
          return `<h3>${index + 1}. ${e(item.title)}</h3><p>${e(item.minutes ?? '–')}</p>${
            decisions.length
              ? `<p><strong>${e(t('minutes.decisions'))}</strong></p><ul>${decisions.map((d) => `<li>${e(d.text)}</li>`).join('')}</ul>`
              : ''
          }${actions.length ? `<p><strong>${e(t('minutes.actions'))}</strong></p><ul>${actions.map((a) => `<li>${e(t('minutes.action', { title: a.title, owner: a.ownerOrganisation?.name ?? a.ownerUser?.name ?? '', date: f.date(a.dueOn) }))}</li>`).join('')}</ul>` : ''}`
        })
        .join('')}`
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${e(t('title', { title: m.title }))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${MEETING_PACK_STYLE}</style></head>
<body><main>
<p class="muted">${e(t('kicker'))}</p>
<h1>${e(m.title)}</h1>
${m.isDemo ? `<p class="demo">${e(t('demo'))}</p>` : ''}
<p class="stand">${e(dataStand(pack, locale))} ${e(t('standNote'))}</p>
<dl class="meta">
  <dt>${e(t('meta.ring'))}</dt><dd>${e(m.ring ? `${m.ring.code} ${m.ring.name}` : t('meta.networkWide'))}</dd>
  <dt>${e(t('meta.when'))}</dt><dd>${e(when)}</dd>
  <dt>${e(t('meta.venue'))}</dt><dd>${e(m.venue ?? '–')}</dd>
  <dt>${e(t('meta.host'))}</dt><dd>${e(m.host?.name ?? '–')}</dd>
  <dt>${e(t('meta.moderator'))}</dt><dd>${e(m.moderator?.name ?? '–')}</dd>
  <dt>${e(t('meta.status'))}</dt><dd>${e(t(`status.${m.status}`))}</dd>
  <dt>${e(t('meta.participants'))}</dt><dd>${e(t('meta.participantsValue', { organisations: m.participants.length, registrations: m.registeredCount }))}</dd>
  <dt>${e(t('meta.created'))}</dt><dd>${e(f.date(isoDate(pack.generatedAt)))}</dd>
</dl>
<h2>${e(t('agenda.heading'))}</h2>
${m.agenda.length === 0 ? `<p class="muted">${e(t('agenda.none'))}</p>` : `<table><thead><tr><th class="num">${e(t('agenda.number'))}</th><th class="num">${e(t('agenda.start'))}</th><th>${e(t('agenda.kind'))}</th><th>${e(t('agenda.topic'))}</th><th>${e(t('agenda.presenter'))}</th><th class="num">${e(t('agenda.duration'))}</th></tr></thead><tbody>${agendaRows}</tbody></table><p class="muted">${e(t('agenda.total', { minutes: m.totalMinutes }))}</p>`}
<h2>${e(t('figures.heading'))}</h2>
${pack.rows.length === 0 ? `<p class="muted">${e(t('figures.none'))}</p>` : `<p class="muted">${e(t('figures.note', { period: pack.dataPeriod ? f.period(pack.dataPeriod) : '–' }))}</p><table><thead><tr><th>${e(t('figures.organisation'))}</th>${figureHead}</tr></thead><tbody>${figureRows}${medianRow}</tbody></table><p class="muted">${legend}</p>`}
<h2>${e(t('spotlights.heading'))}</h2>
${spotlights || `<p class="muted">${e(t('spotlights.none'))}</p>`}
<h2>${e(t('actions.heading'))}</h2>
${actionRows ? `<table><thead><tr><th>${e(t('actions.title'))}</th><th>${e(t('actions.owner'))}</th><th class="num">${e(t('actions.due'))}</th><th>${e(t('actions.status'))}</th><th>${e(t('actions.from'))}</th></tr></thead><tbody>${actionRows}</tbody></table>` : `<p class="muted">${e(t('actions.none'))}</p>`}
${practiceSection}
${renderSelfAssessment(pack.partner.selfAssessment, locale)}
${collectionSection}
${minutesSection}
${pack.notes.length ? `<h2>${e(t('notes.heading'))}</h2><ul class="notes">${pack.notes.map((n) => `<li>${e(noteText(n, locale))}</li>`).join('')}</ul>` : ''}
</main></body></html>`
}

/**
 * The ring's self-assessment: per area the caller's own value (a member's pack; the column is left
 * out when the caller has no organisation in the ring) beside the ring's statistics, and, for
 * callers who may see the members, each member's values in one compact table.
 */
function renderSelfAssessment(sa: MeetingPack['partner']['selfAssessment'], locale: Locale): string {
  if (sa === null) return ''
  const e = escapeHtml
  const f = formatters(locale)
  const { t } = f
  const hasOwn = sa.focus !== null
  const areaName = (a: (typeof sa.areas)[number]) => (locale === 'en' ? a.nameEn : a.name)
  const intro = hasOwn
    ? t('self.introFocus', {
        cycle: sa.cycle.name,
        organisation: sa.focus!.name,
        min: sa.scale.min,
        max: sa.scale.max,
      })
    : t('self.intro', { cycle: sa.cycle.name, min: sa.scale.min, max: sa.scale.max })
  const rows = sa.areas
    .map(
      (a, i) =>
        `<tr><td>${i + 1}. ${e(areaName(a))}</td>${hasOwn ? `<td class="num">${f.value(a.score)}</td>` : ''}<td class="num">${f.value(a.mean)}</td><td class="num">${f.value(a.median)}</td><td class="num">${f.value(a.best)}</td><td class="num">${a.organisationCount}</td></tr>`,
    )
    .join('')
  const memberTable =
    sa.members.length === 0
      ? ''
      : `<h3>${e(t('self.membersHeading'))}</h3><table><thead><tr><th>${e(t('figures.organisation'))}</th>${sa.areas.map((_, i) => `<th class="num">${i + 1}</th>`).join('')}</tr></thead><tbody>${sa.members
          .map(
            (member) =>
              `<tr><td>${e(member.organisation.name)}</td>${sa.areas.map((a) => `<td class="num">${member.scores[a.code] ?? '–'}</td>`).join('')}</tr>`,
          )
          .join(
            '',
          )}</tbody></table><p class="muted">${e(t('self.membersNote', { areas: sa.areas.map((a, i) => `${i + 1} ${areaName(a)}`).join(', ') }))}</p>`
  return `<h2>${e(t('self.heading'))}</h2><p>${e(intro)}</p>
    <table><thead><tr><th>${e(t('self.area'))}</th>${hasOwn ? `<th class="num">${e(t('self.own'))}</th>` : ''}<th class="num">${e(t('self.mean'))}</th><th class="num">${e(t('self.median'))}</th><th class="num">${e(t('self.best'))}</th><th class="num">${e(t('self.answers'))}</th></tr></thead><tbody>${rows}</tbody></table>${memberTable}`
}

function renderCollectionResults(collections: MeetingPack['partner']['collections'], locale: Locale): string {
  if (collections === null || collections.length === 0) return ''
  const e = escapeHtml
  const f = formatters(locale)
  const { t } = f
  return `<h2>${e(t('collections.heading'))}</h2>${collections
    .map(
      (c) =>
        `<h3>${e(t('collections.title', { title: c.title, date: f.date(c.closedAt) }))}</h3>${c.isRestricted ? `<p class="muted">${e(t('collections.restricted'))}</p>` : ''}<table><thead><tr><th>${e(t('collections.indicator'))}</th><th>${e(t('collections.period'))}</th><th class="num">${e(t('collections.organisations'))}</th><th class="num">${e(t('collections.mean'))}</th><th class="num">${e(t('collections.median'))}</th><th>${e(t('collections.values'))}</th></tr></thead><tbody>${c.indicators
          .flatMap((i) =>
            i.cells.map(
              (cell) =>
                `<tr><td>${e(locale === 'en' ? i.nameEn : `${i.nameDe} (${i.unit})`)}${cell.breakdown === 'total' ? '' : ` – ${e(cell.breakdown)}`}</td><td>${e(f.period(cell.period))}</td><td class="num">${cell.organisationCount}</td><td class="num">${f.value(cell.mean)}</td><td class="num">${f.value(cell.median)}</td><td>${cell.members.map((member) => `${e(member.organisation.name)}: ${f.value(member.value)}`).join('; ')}</td></tr>`,
            ),
          )
          .join('')}</tbody></table>`,
    )
    .join('')}`
}

/** Chromium's footer: title, Datenstand and "Seite x von y" on every printed page. */
export function renderPackFooter(pack: MeetingPack, locale: Locale = 'de'): string {
  const e = escapeHtml
  const page = packText(locale, 'footer.page', {
    page: '<span class="pageNumber"></span>',
    pages: '<span class="totalPages"></span>',
  })
  return `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7.5pt; color: #5c6670; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;">
    <span>${e(pack.meeting.title)} · ${e(dataStand(pack, locale))}${pack.meeting.isDemo ? ` · ${e(packText(locale, 'footer.demo'))}` : ''}</span>
    <span>${page}</span></div>`
}
