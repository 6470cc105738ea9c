/** Routes of the meeting pack: the German HTML page and the PDF printed from it. */
import { z } from 'zod'
import { idParamsSchema, meetingPackQuerySchema } from '../../contracts/meetings'
import { defineRoute, type RouteInput } from '../../server/route'
import { printMeetingPack, renderMeetingPack } from '../reports/meeting-pack/print-meeting-pack'
import { readerOf, TAG } from './meeting-route-parts'

type PackInput = RouteInput<z.infer<typeof meetingPackQuerySchema>, { id: number }, unknown>

const render = (input: PackInput) =>
  renderMeetingPack(input.context.database.db, {
    ...readerOf(input),
    meetingId: input.params.id,
    period: input.query.period,
  })

export const getMeetingPackHtmlRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id/pack.html',
  operationId: 'getMeetingPackHtml',
  summary: 'The meeting pack as a German HTML page (agenda, ring figures, spotlights, actions …)',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  query: meetingPackQuerySchema,
  response: z.string().describe('text/html'),
  produces: 'text/html',
  async handler(input) {
    return input.reply.type('text/html; charset=utf-8').send((await render(input)).html)
  },
})

export const getMeetingPackPdfRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id/pack.pdf',
  operationId: 'getMeetingPackPdf',
  summary: 'The meeting pack as a PDF (A4, page numbers, Datenstand), printed by headless chromium',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  query: meetingPackQuerySchema,
  response: z.string().describe('application/pdf'),
  produces: 'application/pdf',
  async handler(input) {
    const pdf = await printMeetingPack(await render(input))
    return input.reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="sitzungsunterlage-${input.params.id}.pdf"`)
      .send(pdf)
  },
})

export const packRoutes = [getMeetingPackHtmlRoute, getMeetingPackPdfRoute]
