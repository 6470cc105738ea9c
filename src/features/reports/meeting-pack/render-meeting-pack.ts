/**
 * The meeting pack as one self-contained German HTML page (no external resources) that also
 * prints well: page numbers and "Datenstand" come from chromium's footer template when printed.
 * Every value from the database goes through `escapeHtml`.
 */
import { AGENDA_KIND_LABELS_DE, MEETING_STATUS_LABELS_DE } from '../../../contracts/meetings'
import type { MeetingPack } from './build-meeting-pack'
import { POLARITY_NAMES } from '../../../core/kpi/polarity'
import { SOURCE_NAMES_DE } from '../../../core/kpi/value-source'
import { isoDate } from '../../../core/periods/dates'

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const number1 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : number1.format(v))
const dateDe = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–'
const periodDe = (period: string | null) =>
  period ? `${period.slice(5, 7)}/${period.slice(0, 4)}` : 'keine Kennzahlen'

function addMinutes(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

export function dataStandDe(pack: MeetingPack): string {
  return pack.dataPeriod
    ? `Datenstand: ${periodDe(pack.dataPeriod)}`
    : 'Datenstand: keine Kennzahlen berechnet'
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
  th, td { border-bottom: 0.5pt solid #c5ccd3; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
  th { background: #e8eef4; font-size: 9pt; }
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

const SPOTLIGHT_KIND_DE: Record<string, string> = {
  largest_change: 'Größte Veränderung',
  beyond_expectation: 'Abweichung vom Erwartungswert',
  excellence: 'Beispiel guter Praxis',
}

export function renderMeetingPackHtml(pack: MeetingPack): string {
  const m = pack.meeting
  const e = escapeHtml
  const when =
    m.startsOn === m.endsOn
      ? `${dateDe(m.startsOn)}${m.startTime ? `, ${m.startTime}–${m.endTime} Uhr` : ''}`
      : `${dateDe(m.startsOn)}${m.startTime ? ` ${m.startTime} Uhr` : ''} bis ${dateDe(m.endsOn)}${m.endTime ? ` ${m.endTime} Uhr` : ''}`
  let clock = m.startTime ?? null
  const agendaRows = m.agenda
    .map((item, index) => {
      const start = clock
      if (clock) clock = addMinutes(clock, item.durationMinutes)
      const presenter = [item.presenter?.name, item.presenterName].filter(Boolean).join(', ')
      return `<tr><td class="num">${index + 1}</td><td class="num">${e(start ?? '')}</td><td>${e(AGENDA_KIND_LABELS_DE[item.kind])}</td>
        <td><strong>${e(item.title)}</strong>${item.description ? `<br><span class="muted">${e(item.description)}</span>` : ''}</td>
        <td>${e(presenter || '–')}</td><td class="num">${item.durationMinutes} Min.</td></tr>`
    })
    .join('')
  const figureHead = pack.figures
    .map((f) => `<th class="num" title="${e(f.nameDe)}">${e(f.code)}</th>`)
    .join('')
  const figureRows = pack.rows
    .map(
      (r) =>
        `<tr class="${r.isHost ? 'host' : ''}"><td>${e(r.organisation.name)}${r.isHost ? ' (Gastgeber)' : ''}</td>${r.values
          .map((v) => `<td class="num">${fmt(v)}</td>`)
          .join('')}</tr>`,
    )
    .join('')
  const medianRow = `<tr class="median"><td>Median des Rings</td>${pack.figures.map((f) => `<td class="num">${fmt(f.median)}</td>`).join('')}</tr>`
  const legend = pack.figures
    .map(
      (f) =>
        `${e(f.code)}: ${e(f.nameDe)} (${POLARITY_NAMES[f.polarity].de}; Werte ${SOURCE_NAMES_DE[f.source]})`,
    )
    .join(' · ')
  const spotlights = pack.spotlights
    .map(
      (s) =>
        `<div class="spotlight"><div class="kind">${e(SPOTLIGHT_KIND_DE[s.kind] ?? s.kind)} · ${e(s.figureCode)}${s.source ? ` · Werte ${SOURCE_NAMES_DE[s.source]}` : ''}</div><div>${e(s.sentenceDe)}</div></div>`,
    )
    .join('')
  const actionRows = pack.openActions
    .map(
      (a) =>
        `<tr><td>${e(a.title)}</td><td>${e([a.ownerOrganisation?.name, a.ownerUser?.name].filter(Boolean).join(' / ') || '–')}</td>
        <td class="num">${dateDe(a.dueOn)}${a.isOverdue ? ' (überfällig)' : ''}</td><td>${a.status === 'in_progress' ? 'in Arbeit' : 'offen'}</td><td>${e(a.meetingTitle)}</td></tr>`,
    )
    .join('')
  const practices = pack.partner.newPractices
  const practiceSection =
    practices === null
      ? ''
      : `<h2>Neue Praxisbeispiele</h2>${
          practices.length === 0
            ? '<p class="muted">Seit dem letzten Treffen wurden keine neuen Praxisbeispiele veröffentlicht.</p>'
            : `<table><thead><tr><th>Titel</th><th>Jobcenter</th><th>Kennzahlen</th><th class="num">veröffentlicht</th></tr></thead><tbody>${practices
                .map(
                  (p) =>
                    `<tr><td><strong>${e(p.title)}</strong><br><span class="muted">${e(p.excerpt)}</span></td><td>${e(p.organisation.name)}</td><td>${e(p.figureCodes.join(', ') || '–')}</td><td class="num">${dateDe(p.publishedAt?.slice(0, 10) ?? null)}</td></tr>`,
                )
                .join('')}</tbody></table>`
        }`
  const sa = pack.partner.selfAssessment
  const saSection =
    sa === null
      ? ''
      : `<h2>Selbstbewertung im Vergleich</h2><p>${e(sa.cycle.name)}${sa.focus ? ` – Werte von ${e(sa.focus.name)}` : ''}; Skala ${e(sa.scale.min)}–${e(sa.scale.max)}.</p>
        <table><thead><tr><th>Bereich</th><th class="num">eigener Wert</th><th class="num">Mittel</th><th class="num">Median</th><th class="num">Bester</th><th class="num">Antworten</th></tr></thead><tbody>${sa.areas
          .map(
            (a) =>
              `<tr><td>${e(a.name)}</td><td class="num">${fmt(a.score)}</td><td class="num">${fmt(a.mean)}</td><td class="num">${fmt(a.median)}</td><td class="num">${fmt(a.best)}</td><td class="num">${a.organisationCount}</td></tr>`,
          )
          .join('')}</tbody></table>`
  const collectionSection = renderCollectionResults(pack.partner.collections)
  const hasMinutes = m.status === 'held' || m.status === 'minutes_approved'
  const minutesSection = !hasMinutes
    ? ''
    : `<h2 class="page-break">Protokoll${m.status === 'minutes_approved' ? ` (freigegeben am ${dateDe(m.minutesApprovedAt?.slice(0, 10) ?? null)})` : ' (Entwurf, noch nicht freigegeben)'}</h2>${m.agenda
        .map((item, index) => {
          const decisions = m.decisions.filter((d) => d.agendaItemId === item.id)
          const actions = m.actions.filter((a) => a.agendaItemId === item.id)
          return `<h3>${index + 1}. ${e(item.title)}</h3><p>${e(item.minutes ?? '–')}</p>${
            decisions.length
              ? `<p><strong>Beschlüsse:</strong></p><ul>${decisions.map((d) => `<li>${e(d.text)}</li>`).join('')}</ul>`
              : ''
          }${actions.length ? `<p><strong>Aufgaben:</strong></p><ul>${actions.map((a) => `<li>${e(a.title)} – ${e(a.ownerOrganisation?.name ?? a.ownerUser?.name ?? '')}, fällig ${dateDe(a.dueOn)}</li>`).join('')}</ul>` : ''}`
        })
        .join('')}`
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${e(`Sitzungsunterlage – ${m.title}`)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${MEETING_PACK_STYLE}</style></head>
<body><main>
<p class="muted">Sitzungsunterlage · Benchlearning der Optionskommunen</p>
<h1>${e(m.title)}</h1>
${m.isDemo ? '<p class="demo">Demo-Inhalt – synthetische Demodaten, keine echten Kennzahlen und keine echten Treffen.</p>' : ''}
<p class="stand">${e(dataStandDe(pack))} (Kennzahlen nach § 48a SGB II, letzter verwendeter Monat)</p>
<dl class="meta">
  <dt>Ring</dt><dd>${e(m.ring ? `${m.ring.code} ${m.ring.name}` : 'netzwerkweit')}</dd>
  <dt>Termin</dt><dd>${e(when)}</dd>
  <dt>Ort</dt><dd>${e(m.venue ?? '–')}</dd>
  <dt>Gastgeber</dt><dd>${e(m.host?.name ?? '–')}</dd>
  <dt>Moderation</dt><dd>${e(m.moderator?.name ?? '–')}</dd>
  <dt>Status</dt><dd>${e(MEETING_STATUS_LABELS_DE[m.status])}</dd>
  <dt>Teilnehmende</dt><dd>${m.participants.length} Organisationen, ${m.registeredCount} Anmeldungen</dd>
  <dt>Erstellt am</dt><dd>${e(dateDe(isoDate(pack.generatedAt)))}</dd>
</dl>
<h2>Tagesordnung</h2>
${m.agenda.length === 0 ? '<p class="muted">Noch keine Tagesordnungspunkte.</p>' : `<table><thead><tr><th class="num">Nr.</th><th class="num">Beginn</th><th>Art</th><th>Thema</th><th>Vortrag</th><th class="num">Dauer</th></tr></thead><tbody>${agendaRows}</tbody></table><p class="muted">Gesamtdauer: ${m.totalMinutes} Minuten.</p>`}
<h2>Kennzahlen des Rings</h2>
${pack.rows.length === 0 ? '<p class="muted">Keine Kennzahlen für diesen Termin.</p>' : `<p class="muted">Werte in % für ${e(periodDe(pack.dataPeriod))}; K1 und K3 als Veränderung zum Vorjahresmonat.</p><table><thead><tr><th>Jobcenter</th>${figureHead}</tr></thead><tbody>${figureRows}${medianRow}</tbody></table><p class="muted">${legend}</p>`}
<h2>Datenschlaglichter</h2>
${spotlights || '<p class="muted">Keine Auffälligkeiten: keine großen Veränderungen, keine Werte außerhalb des Prognoseintervalls.</p>'}
<h2>Offene Aufgaben</h2>
${actionRows ? `<table><thead><tr><th>Aufgabe</th><th>Verantwortlich</th><th class="num">fällig</th><th>Status</th><th>aus</th></tr></thead><tbody>${actionRows}</tbody></table>` : '<p class="muted">Keine offenen Aufgaben.</p>'}
${practiceSection}
${saSection}
${collectionSection}
${minutesSection}
${pack.notes.length ? `<h2>Hinweise</h2><ul class="notes">${pack.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}
</main></body></html>`
}

function renderCollectionResults(collections: MeetingPack['partner']['collections']): string {
  if (collections === null || collections.length === 0) return ''
  const e = escapeHtml
  return `<h2>Ergebnisse der Datenerhebungen</h2>${collections
    .map(
      (c) =>
        `<h3>${e(c.title)} (abgeschlossen am ${dateDe(c.closedAt.slice(0, 10))})</h3>${c.isRestricted ? '<p class="muted">Die Werte der anderen sehen nur Organisationen, die geliefert haben.</p>' : ''}<table><thead><tr><th>Indikator</th><th>Periode</th><th class="num">Organisationen</th><th class="num">Mittel</th><th class="num">Median</th><th>Werte</th></tr></thead><tbody>${c.indicators
          .flatMap((i) =>
            i.cells.map(
              (cell) =>
                `<tr><td>${e(i.nameDe)} (${e(i.unit)})${cell.breakdown === 'total' ? '' : ` – ${e(cell.breakdown)}`}</td><td>${e(cell.period)}</td><td class="num">${cell.organisationCount}</td><td class="num">${fmt(cell.mean)}</td><td class="num">${fmt(cell.median)}</td><td>${cell.members.map((m) => `${e(m.organisation.name)}: ${fmt(m.value)}`).join('; ')}</td></tr>`,
            ),
          )
          .join('')}</tbody></table>`,
    )
    .join('')}`
}

/** Chromium's footer: title, Datenstand and "Seite x von y" on every printed page. */
export function renderPackFooter(pack: MeetingPack): string {
  const e = escapeHtml
  return `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7.5pt; color: #5c6670; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;">
    <span>${e(pack.meeting.title)} · ${e(dataStandDe(pack))}${pack.meeting.isDemo ? ' · Demo' : ''}</span>
    <span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>`
}
