/** Routes of the meeting pack: the HTML page (German or English) and the PDF printed from it. */
import { z } from 'zod'
import { idParamsSchema, meetingPackQuerySchema } from '../../contracts/meetings'
import type { RouteInput } from '../../server/route'
import { printMeetingPack, renderMeetingPack } from '../reports/meeting-pack/print-meeting-pack'
import { FOR_ANY, meetingRoute, readerOf } from './meeting-route-parts'

type PackInput = RouteInput<z.infer<typeof meetingPackQuerySchema>, { id: number }, unknown>

/** The pack of the meeting as the caller may see it: its HTML and what the PDF is printed from. */
const render = (input: PackInput) =>
  renderMeetingPack(input.context.database.db, {
    ...readerOf(input),
    meetingId: input.params.id,
    period: input.query.period,
    locale: input.query.lang,
  })
const pack = { access: FOR_ANY, params: idParamsSchema, query: meetingPackQuerySchema }

export const getMeetingPackHtmlRoute = meetingRoute('GET /api/v1/meetings/:id/pack.html', {
  operationId: 'getMeetingPackHtml',
  summary:
    'The meeting pack as an HTML page, German or English (agenda, ring figures, spotlights, actions …)',
  ...pack,
  response: z.string().describe('text/html'),
  produces: 'text/html',
  handler: async (input) => input.reply.type('text/html; charset=utf-8').send((await render(input)).html),
})

export const getMeetingPackPdfRoute = meetingRoute('GET /api/v1/meetings/:id/pack.pdf', {
  operationId: 'getMeetingPackPdf',
  summary: 'The meeting pack as a PDF (A4, page numbers, Datenstand), printed by headless chromium',
  ...pack,
  response: z.string().describe('application/pdf'),
  produces: 'application/pdf',
  async handler(input) {
    const pdf = await printMeetingPack(await render(input))
    const fileName = `${input.query.lang === 'en' ? 'meeting-pack' : 'sitzungsunterlage'}-${input.params.id}.pdf`
    return input.reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${fileName}"`)
      .send(pdf)
  },
})
