import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SYSTEM_VIEWER } from '../../features/meetings/load-meeting-scope'
import { closeSharedChromium } from '../../features/reports/chromium'
import { printMeetingPack, renderMeetingPack } from '../../features/reports/meeting-pack/print-meeting-pack'
import { CliUsageError, type CliIo, parseCommandArgs, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    pdf: { type: 'string' },
    html: { type: 'string' },
    period: { type: 'string' },
  })
  if (positionals[0] !== 'meeting')
    throw new CliUsageError(`expected 'meeting', got '${positionals[0] ?? ''}'`)
  const id = Number(positionals[1])
  if (!Number.isInteger(id) || id <= 0)
    throw new CliUsageError(`expected a meeting id, got '${positionals[1] ?? ''}'`)
  if (!values.pdf && !values.html) throw new CliUsageError('give --pdf <file> and/or --html <file>')
  if (values.period !== undefined && !/^\d{4}-\d{2}$/.test(values.period))
    throw new CliUsageError(`--period must be YYYY-MM, got '${values.period}'`)
  const rendered = await withDatabase(io, values['data-dir'], (database) =>
    renderMeetingPack(database.db, {
      viewer: SYSTEM_VIEWER,
      meetingId: id,
      period: values.period,
      now: new Date(),
    }),
  )
  if (values.html) {
    const path = resolve(io.cwd, values.html)
    writeFileSync(path, rendered.html)
    io.out(`HTML: ${path}`)
  }
  if (values.pdf) {
    try {
      const pdf = await printMeetingPack(rendered)
      const path = resolve(io.cwd, values.pdf)
      writeFileSync(path, pdf)
      io.out(
        `PDF: ${path} (${Math.round(pdf.length / 1024)} KB, Datenstand ${rendered.pack.dataPeriod ?? '–'})`,
      )
    } finally {
      await closeSharedChromium()
    }
  }
  return 0
}
