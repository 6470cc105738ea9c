import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SYSTEM_VIEWER } from '../../features/meetings/load-meeting-scope'
import { closeSharedChromium } from '../../features/reports/chromium'
import { buildCouncilPptx } from '../../features/reports/council/build-council-pptx'
import { buildCouncilReport, parseSections } from '../../features/reports/council/build-council-report'
import { printCouncilPdf } from '../../features/reports/council/print-council-report'
import { printMeetingPack, renderMeetingPack } from '../../features/reports/meeting-pack/print-meeting-pack'
import { formatPeriod, type Locale } from '../../core/format/format'
import { type CliIo, expectedOneOf, type OnDatabase, say, startCommand, usageError } from '../io'

/** Prints the PDF (always closing the shared browser), writes it to `file` and says where and how big (KiB). */
async function writePdf(
  io: CliIo,
  file: string,
  print: () => Promise<Buffer>,
): Promise<{ path: string; size: number }> {
  try {
    const pdf = await print()
    const path = resolve(io.cwd, file)
    writeFileSync(path, pdf)
    return { path, size: Math.round(pdf.length / 1024) }
  } finally {
    await closeSharedChromium()
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    pdf: { type: 'string' },
    html: { type: 'string' },
    pptx: { type: 'string' },
    period: { type: 'string' },
    lang: { type: 'string' },
    sections: { type: 'string' },
  })
  if (values.period !== undefined && !/^\d{4}-\d{2}$/.test(values.period))
    throw usageError(locale, 'cli.report.period', { value: values.period })
  if (positionals[0] === 'organisation')
    return reportOrganisation({ io, locale, onDatabase }, positionals[1], values)
  if (positionals[0] !== 'meeting') throw expectedOneOf(locale, ['meeting', 'organisation'], positionals[0])
  const id = Number(positionals[1])
  if (!Number.isInteger(id) || id <= 0)
    throw usageError(locale, 'cli.report.meetingId', { value: positionals[1] ?? '' })
  if (!values.pdf && !values.html) throw usageError(locale, 'cli.report.pdfOrHtml')
  const report = reportOptions(values, locale)
  const rendered = await onDatabase((database) =>
    renderMeetingPack(database.db, { ...report, meetingId: id, now: new Date() }),
  )
  if (values.html) {
    const path = resolve(io.cwd, values.html)
    writeFileSync(path, rendered.html)
    io.out(say(locale, 'cli.report.html', { path }))
  }
  if (values.pdf) {
    const written = await writePdf(io, values.pdf, () => printMeetingPack(rendered))
    io.out(
      say(locale, 'cli.report.packPdf', {
        ...written,
        period: rendered.pack.dataPeriod ? formatPeriod(locale, rendered.pack.dataPeriod) : '–',
      }),
    )
  }
  return 0
}

/** `report organisation <key> --pdf <file> --pptx <file> [--lang de|en] [--period YYYY-MM] [--sections …]` */
async function reportOrganisation(
  { io, locale, onDatabase }: { io: CliIo; locale: Locale; onDatabase: OnDatabase },
  key: string | undefined,
  values: { pdf?: string; pptx?: string; period?: string; lang?: string; sections?: string },
): Promise<number> {
  if (!key) throw usageError(locale, 'cli.report.organisationKey')
  if (!values.pdf && !values.pptx) throw usageError(locale, 'cli.report.pdfOrPptx')
  const report = reportOptions(values, locale)
  const sections = parseSections(values.sections)
  const deck = await onDatabase((database) =>
    buildCouncilReport(database.db, { ...report, org: key, sections, now: new Date() }),
  )
  if (values.pdf) {
    const written = await writePdf(io, values.pdf, () => printCouncilPdf(deck))
    io.out(say(locale, 'cli.report.deckPdf', { ...written, slides: deck.slides.length + 1 }))
  }
  if (values.pptx) {
    const path = resolve(io.cwd, values.pptx)
    writeFileSync(path, await buildCouncilPptx(deck))
    io.out(say(locale, 'cli.report.pptx', { path, slides: deck.slides.length + 1 }))
  }
  return 0
}

/** What every report is made with: the whole network's view, the month asked for, the language. */
function reportOptions(values: { period?: string; lang?: string }, locale: Locale) {
  return { viewer: SYSTEM_VIEWER, period: values.period, locale: parseLang(values.lang, locale) }
}

/** `--lang de|en`; the CLI's language when left out. */
function parseLang(value: string | undefined, locale: Locale): 'de' | 'en' {
  const lang = value ?? locale
  if (lang !== 'de' && lang !== 'en') throw usageError(locale, 'cli.report.lang', { value: lang })
  return lang
}
