import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SYSTEM_VIEWER } from '../../features/meetings/load-meeting-scope'
import { closeSharedChromium } from '../../features/reports/chromium'
import { buildCouncilPptx } from '../../features/reports/council/build-council-pptx'
import { buildCouncilReport, parseSections } from '../../features/reports/council/build-council-report'
import { printCouncilPdf } from '../../features/reports/council/print-council-report'
import { printMeetingPack, renderMeetingPack } from '../../features/reports/meeting-pack/print-meeting-pack'
import { CliUsageError, type CliIo, parseCommandArgs, withDatabase } from '../io'

/** Prints the PDF (always closing the shared browser) and writes it to `file`. */
async function writePdf(io: CliIo, file: string, print: () => Promise<Buffer>): Promise<Buffer> {
  try {
    const pdf = await print()
    writeFileSync(resolve(io.cwd, file), pdf)
    return pdf
  } finally {
    await closeSharedChromium()
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    pdf: { type: 'string' },
    html: { type: 'string' },
    pptx: { type: 'string' },
    period: { type: 'string' },
    lang: { type: 'string' },
    sections: { type: 'string' },
  })
  if (values.period !== undefined && !/^\d{4}-\d{2}$/.test(values.period))
    throw new CliUsageError(`--period must be YYYY-MM, got '${values.period}'`)
  if (positionals[0] === 'organisation') return reportOrganisation(io, positionals[1], values)
  if (positionals[0] !== 'meeting')
    throw new CliUsageError(`expected 'meeting' or 'organisation', got '${positionals[0] ?? ''}'`)
  const id = Number(positionals[1])
  if (!Number.isInteger(id) || id <= 0)
    throw new CliUsageError(`expected a meeting id, got '${positionals[1] ?? ''}'`)
  if (!values.pdf && !values.html) throw new CliUsageError('give --pdf <file> and/or --html <file>')
  const report = reportOptions(values)
  const rendered = await withDatabase(io, values['data-dir'], (database) =>
    renderMeetingPack(database.db, { ...report, meetingId: id, now: new Date() }),
  )
  if (values.html) {
    const path = resolve(io.cwd, values.html)
    writeFileSync(path, rendered.html)
    io.out(`HTML: ${path}`)
  }
  if (values.pdf) {
    const pdf = await writePdf(io, values.pdf, () => printMeetingPack(rendered))
    io.out(
      `PDF: ${resolve(io.cwd, values.pdf)} (${Math.round(pdf.length / 1024)} KB, Datenstand ${rendered.pack.dataPeriod ?? '–'})`,
    )
  }
  return 0
}

/** `report organisation <key> --pdf <file> --pptx <file> [--lang de|en] [--period YYYY-MM] [--sections …]` */
async function reportOrganisation(
  io: CliIo,
  key: string | undefined,
  values: {
    pdf?: string
    pptx?: string
    period?: string
    lang?: string
    sections?: string
    'data-dir'?: string
  },
): Promise<number> {
  if (!key) throw new CliUsageError('expected an organisation key (id, AGS or NUTS-3) after organisation')
  if (!values.pdf && !values.pptx) throw new CliUsageError('give --pdf <file> and/or --pptx <file>')
  const report = reportOptions(values)
  const sections = parseSections(values.sections)
  const deck = await withDatabase(io, values['data-dir'], (database) =>
    buildCouncilReport(database.db, { ...report, org: key, sections, now: new Date() }),
  )
  if (values.pdf) {
    const pdf = await writePdf(io, values.pdf, () => printCouncilPdf(deck))
    io.out(
      `PDF: ${resolve(io.cwd, values.pdf)} (${Math.round(pdf.length / 1024)} KB, ${deck.slides.length + 1} slides)`,
    )
  }
  if (values.pptx) {
    const path = resolve(io.cwd, values.pptx)
    writeFileSync(path, await buildCouncilPptx(deck))
    io.out(`PPTX: ${path} (${deck.slides.length + 1} slides)`)
  }
  return 0
}

/** What every report is made with: the whole network's view, the month asked for, the language. */
function reportOptions(values: { period?: string; lang?: string }) {
  return { viewer: SYSTEM_VIEWER, period: values.period, locale: parseLang(values.lang) }
}

/** `--lang de|en`, German when left out. */
function parseLang(value: string | undefined): 'de' | 'en' {
  const lang = value ?? 'de'
  if (lang !== 'de' && lang !== 'en') throw new CliUsageError(`--lang must be de or en, got '${lang}'`)
  return lang
}
