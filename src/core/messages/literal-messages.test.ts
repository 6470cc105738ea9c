/**
 * Keeps English literals out of what the server shows people: a string literal passed as the message
 * of an AppError (invalidInput, notFound, conflict …) or written as the `message` of a detail, an
 * import error or a notice is a text the reader cannot get in their language. Code passes a catalogue
 * message (core/messages). The types do the rest: an AppError takes only a `Message`, so a string
 * built at run time cannot reach one either.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(__dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !path.includes(`${join('src', 'test')}`)
      ? [path]
      : []
  })
}

const PATTERNS = [
  // invalidInput('…'), notFound(`…`) … with a literal as the message
  /\b(?:invalidInput|notFound|conflict|forbidden|tooLarge|unauthenticated)\(\s*['"`]/g,
  // new AppError('code', '…')
  /\bnew AppError\(\s*'[a-z_]+',\s*['"`]/g,
  // a detail's, import error's or notice's message written as a literal
  /\bmessage:\s*['"`]/g,
]

export function literalMessageSites(source: string): number {
  return PATTERNS.reduce((sum, pattern) => sum + (source.match(pattern)?.length ?? 0), 0)
}

describe('server messages', () => {
  it('finds literal messages the way the scan counts them', () => {
    expect(literalMessageSites("throw invalidInput('no such thing')")).toBe(1)
    expect(literalMessageSites('throw notFound(\n  `meeting ${id}`,\n)')).toBe(1)
    expect(literalMessageSites("new AppError('conflict', 'taken')")).toBe(1)
    expect(literalMessageSites("details.push({ row, message: 'bad' })")).toBe(1)
    expect(literalMessageSites("throw invalidInput(message('import.notAPeriod', { raw }))")).toBe(0)
  })

  it('are never string literals', () => {
    const sites = sourceFiles(SRC)
      .filter((path) => !path.includes(join('core', 'messages')))
      .map((path) => ({ path: relative(SRC, path), count: literalMessageSites(readFileSync(path, 'utf8')) }))
      .filter((c) => c.count > 0)
    // Pass a catalogue message instead: message('key', params) with the texts in core/messages.
    expect(sites).toEqual([])
  })
})
