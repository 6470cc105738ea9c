/**
 * The council deck as an editable PowerPoint file (pptxgenjs): the same slides as the PDF, with the
 * message as each slide's title, text as bullets and tables as PowerPoint tables, so that a job
 * centre can adapt it before the council meeting.
 */
import PptxGenJS from 'pptxgenjs'
import type { CouncilDeck } from './build-council-report'

const BLUE = '0B3D64'
const TEAL = '0B7A75'
const GREY = '44505C'
const FONT = 'Arial'

/** A text box across the slide's width (0.6 in margins) at `y`, `h` inches high, in the deck's font. */
function across(y: number, h: number, style: PptxGenJS.TextPropsOptions): PptxGenJS.TextPropsOptions {
  return { x: 0.6, y, w: 12.1, h, fontFace: FONT, ...style }
}

export async function buildCouncilPptx(deck: CouncilDeck): Promise<Buffer> {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE' // 13.33 × 7.5 in
  pptx.title = deck.title
  const pages = deck.slides.length + 1
  const footer = (slide: PptxGenJS.Slide, page: number) =>
    slide.addText(`${deck.footer}    ${page} / ${pages}`, across(6.95, 0.35, { fontSize: 10, color: GREY }))

  const title = pptx.addSlide()
  title.addText(deck.subtitle, across(0.5, 0.5, { fontSize: 14, color: TEAL }))
  title.addText(deck.title, across(2.2, 1.6, { fontSize: 34, bold: true, color: BLUE }))
  title.addText(deck.created, across(4.0, 0.8, { fontSize: 14 }))
  if (deck.isDemo)
    title.addText(
      deck.demoNote,
      across(5.0, 0.5, { w: 8, fontSize: 14, bold: true, fill: { color: 'FFF3CD' } }),
    )
  footer(title, 1)

  deck.slides.forEach((content, i) => {
    const slide = pptx.addSlide()
    slide.addText(content.section, across(0.35, 0.4, { fontSize: 12, color: TEAL }))
    slide.addText(content.title, across(0.75, 1.1, { fontSize: 24, bold: true, color: BLUE, valign: 'top' }))
    let y = 2.0
    if (content.lines.length > 0) {
      const height = Math.min(0.5 * content.lines.length + 0.3, 3.2)
      slide.addText(
        content.lines.map((text) => ({
          text,
          options: { bullet: content.lines.length > 1, breakLine: true },
        })),
        across(y, height, { fontSize: 15, valign: 'top' }),
      )
      y += height + 0.1
    }
    if (content.table) {
      const { head, rows, numericColumns } = content.table
      const align = (column: number): 'right' | 'left' => (numericColumns.includes(column) ? 'right' : 'left')
      slide.addTable(
        [
          head.map((text, c) => ({
            text,
            options: { bold: true, fill: { color: 'E8EEF4' }, align: align(c) },
          })),
          ...rows.map((row) => row.map((text, c) => ({ text, options: { align: align(c) } }))),
        ],
        {
          x: 0.6,
          y,
          w: 12.1,
          fontFace: FONT,
          fontSize: 11,
          border: { type: 'solid', pt: 0.5, color: 'C5CCD3' },
          autoPage: false,
        },
      )
    }
    if (content.note) slide.addText(content.note, across(6.3, 0.6, { fontSize: 10, color: GREY }))
    footer(slide, i + 2)
  })
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer
}
