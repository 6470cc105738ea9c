import type { Kysely } from 'kysely'
import type { Locale } from '../../../core/format/format'
import type { Viewer } from '../../../core/permissions'
import type { DB } from '../../../db/schema'
import { printPdf } from '../chromium'
import { buildMeetingPack, type MeetingPack } from './build-meeting-pack'
import { renderMeetingPackHtml, renderPackFooter } from './render-meeting-pack'

export interface RenderedPack {
  pack: MeetingPack
  locale: Locale
  html: string
}

export async function renderMeetingPack(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetingId: number; period?: string; locale?: Locale; now: Date },
): Promise<RenderedPack> {
  const pack = await buildMeetingPack(db, options)
  const locale = options.locale ?? 'de'
  return { pack, locale, html: renderMeetingPackHtml(pack, locale) }
}

/** The pack as a PDF (A4, page numbers and Datenstand in the footer), printed by headless chromium. */
export async function printMeetingPack(rendered: RenderedPack): Promise<Buffer> {
  return printPdf({ html: rendered.html, footerTemplate: renderPackFooter(rendered.pack, rendered.locale) })
}
