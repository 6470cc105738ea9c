/**
 * The council deck as one self-contained HTML document of landscape A4 slides, one message per
 * page, for printing to a tagged PDF: headings carry the messages (and become the PDF's outline),
 * tables have header cells, the document has its language. Every text goes through `escapeHtml`.
 */
import { escapeHtml } from '../meeting-pack/render-meeting-pack'
import type { CouncilDeck, Slide } from './build-council-report'

const STYLE = `
  @page { size: A4 landscape; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1b1f24; }
  section.slide { width: 297mm; height: 210mm; padding: 16mm 20mm 22mm; position: relative; page-break-after: always; overflow: hidden; }
  section.slide:last-child { page-break-after: auto; }
  .kicker { color: #0b7a75; font-size: 11pt; text-transform: uppercase; letter-spacing: 0.05em; margin: 0 0 3mm; }
  h1 { font-size: 30pt; color: #0b3d64; margin: 40mm 0 6mm; }
  h2 { font-size: 20pt; color: #0b3d64; margin: 0 0 5mm; line-height: 1.2; }
  p { font-size: 14pt; line-height: 1.45; margin: 0 0 4mm; }
  ul { font-size: 14pt; line-height: 1.45; padding-left: 7mm; margin: 0 0 4mm; }
  li { margin-bottom: 2.5mm; }
  table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
  th, td { border-bottom: 0.5pt solid #c5ccd3; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
  th { background: #e8eef4; }
  td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .note { font-size: 9pt; color: #44505c; margin-top: 3mm; }
  .demo { background: #fff3cd; border: 1pt solid #c69500; padding: 2mm 3mm; font-weight: bold; font-size: 12pt; display: inline-block; }
  footer { position: absolute; left: 20mm; right: 20mm; bottom: 9mm; font-size: 9pt; color: #44505c; display: flex; justify-content: space-between; border-top: 0.5pt solid #c5ccd3; padding-top: 2mm; }
`

function renderTable(table: NonNullable<Slide['table']>): string {
  const cell = (tag: 'th' | 'td', text: string, column: number, scope = '') =>
    `<${tag}${scope}${table.numericColumns.includes(column) ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`
  return (
    `<table><thead><tr>${table.head.map((h, i) => cell('th', h, i, ' scope="col"')).join('')}</tr></thead><tbody>` +
    table.rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('') +
    '</tbody></table>'
  )
}

function renderFooter(deck: CouncilDeck, page: number, pages: number): string {
  return `<footer><span>${escapeHtml(deck.footer)}</span><span>${page} / ${pages}</span></footer>`
}

export function renderCouncilHtml(deck: CouncilDeck): string {
  const pages = deck.slides.length + 1
  const title =
    `<section class="slide"><p class="kicker">${escapeHtml(deck.subtitle)}</p>` +
    `<h1>${escapeHtml(deck.title)}</h1><p>${escapeHtml(deck.created)}</p>` +
    (deck.isDemo ? `<p class="demo">${escapeHtml(deck.demoNote)}</p>` : '') +
    `${renderFooter(deck, 1, pages)}</section>`
  const slides = deck.slides.map(
    (slide, i) =>
      `<section class="slide"><p class="kicker">${escapeHtml(slide.section)}</p><h2>${escapeHtml(slide.title)}</h2>` +
      (slide.lines.length > 1
        ? `<ul>${slide.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
        : slide.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')) +
      (slide.table ? renderTable(slide.table) : '') +
      (slide.note ? `<p class="note">${escapeHtml(slide.note)}</p>` : '') +
      `${renderFooter(deck, i + 2, pages)}</section>`,
  )
  return (
    `<!doctype html><html lang="${deck.locale}"><head><meta charset="utf-8"><title>${escapeHtml(deck.title)}</title>` +
    `<style>${STYLE}</style></head><body>${title}${slides.join('')}</body></html>`
  )
}
