/**
 * The checks of the browser walk (walk-pages.ts, run by walk-de and walk-en.browser.test.ts): what a page must not show, measured in the
 * page itself. Each check returns findings as short sentences, so a failing walk prints one list of
 * every page, role, language and width with what is wrong there.
 */
import type { Page } from 'playwright-core'

export type Language = 'de' | 'en'

/**
 * Frequent words of one language that the other does not share (no names, no words both languages
 * use such as "in", "die", "was", "man"). Matched as whole words, case-insensitive, in visible text.
 */
export const FOREIGN_WORDS: Record<Language, readonly string[]> = {
  // Seen on a German page: English.
  de: [
    'the',
    'and',
    'with',
    'not',
    'this',
    'that',
    'from',
    'which',
    'should',
    'have',
    'been',
    'their',
    'only',
  ],
  // Seen on an English page: German.
  en: [
    'und',
    'der',
    'nicht',
    'mit',
    'für',
    'ist',
    'oder',
    'eine',
    'werden',
    'wird',
    'auf',
    'noch',
    'über',
    'sind',
  ],
}

/** Dotted numbers that are names, not decimals: licence versions. */
const NOT_DECIMALS = /(Namensnennung|Zero|CC BY(?:-SA)?|Version|Lizenz) \d+\.\d+/g

export interface PageFindings {
  overflow: string[]
  language: string[]
  rawKeys: string[]
  isoDates: string[]
  decimals: string[]
  emptyCharts: string[]
}

/** What the walk reads of a page in one evaluation: widths and the visible text. */
interface PageSnapshot {
  scrollWidth: number
  innerWidth: number
  /** The widest elements that stick out on the right, as "tag.class (right px)". */
  overflowing: string[]
  /** Table boxes whose table is wider than the box, as "name (table px in box px)". */
  cutTables: string[]
  /** Visible text, without parts whose `lang` is another language than the page's. */
  text: string
  lang: string
}

async function snapshot(page: Page): Promise<PageSnapshot> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const overflowing: string[] = []
    if (document.documentElement.scrollWidth > width) {
      for (const element of Array.from(document.querySelectorAll('body, body *'))) {
        const box = element.getBoundingClientRect()
        if (box.right <= width + 1 || box.width === 0) continue
        // Report the outermost element that sticks out, not every descendant of it.
        const parent = element.parentElement
        if (parent && parent.getBoundingClientRect().right > width + 1) continue
        const describe = (node: Element) =>
          `${node.tagName.toLowerCase()}${typeof node.className === 'string' && node.className.trim() ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`
        const named = element.parentElement?.closest('[class]')
        overflowing.push(
          `${named ? `${describe(named)} … ` : ''}${describe(element)} (right ${Math.round(box.right)} px)`,
        )
        if (overflowing.length >= 5) break
      }
    }
    const cutTables = Array.from(document.querySelectorAll<HTMLElement>('.table-scroll'))
      .filter((box) => box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1)
      .map((box) => `${box.getAttribute('aria-label')} (${box.scrollWidth} px in ${box.clientWidth} px)`)
    const lang = document.documentElement.lang
    // innerText is the rendered text: hidden elements and closed <details> are left out. Parts in
    // another language (marked with lang) and machine text (code, formulas, audit records) are not
    // the page's language.
    const foreign = Array.from(
      document.body.querySelectorAll<HTMLElement>('[lang], code, kbd, samp, pre'),
    ).filter((element) => element.lang !== lang)
    const hidden = foreign.map((element) => [element, element.style.display] as const)
    for (const [element] of hidden) element.style.display = 'none'
    const text = document.body.innerText
    for (const [element, display] of hidden) element.style.display = display
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      overflowing,
      cutTables,
      text,
      lang,
    }
  })
}

/** Widths from which every table fits its box: a desktop shows every column without scrolling. */
const DESKTOP_WIDTH = 1280

/**
 * Sideways scrolling at the current width, with the elements that cause it; on a desktop also every
 * table whose columns do not fit (its box scrolls, but a cut-off column is not seen).
 */
export async function findOverflow(page: Page): Promise<string[]> {
  const { scrollWidth, innerWidth, overflowing, cutTables } = await snapshot(page)
  const problems =
    scrollWidth <= innerWidth
      ? []
      : [`scrolls sideways: ${scrollWidth} px at ${innerWidth} px (${overflowing.join(', ')})`]
  if (innerWidth >= DESKTOP_WIDTH)
    problems.push(...cutTables.map((table) => `table cut off at ${innerWidth} px: ${table}`))
  return problems
}

/** A line of text around `index`, for the report. */
function around(text: string, index: number, length: number): string {
  const start = Math.max(0, text.lastIndexOf('\n', index) + 1, index - 40)
  const lineEnd = text.indexOf('\n', index + length)
  const end = Math.min(lineEnd === -1 ? text.length : lineEnd, index + length + 40)
  return `«${text.slice(start, end).trim()}»`
}

function matches(text: string, pattern: RegExp): { index: number; match: string }[] {
  return Array.from(text.matchAll(pattern), (found) => ({ index: found.index, match: found[0] }))
}

/** File extensions and top-level domains: dotted words that are not catalogue keys. */
const NOT_KEYS = /\.(de|com|org|net|eu|io|csv|xlsx|json|pdf|ics|png|svg|txt|md|yaml|html)$/

/**
 * The forms in which texts people wrote (and names) appear on pages: whole, line by line, sentence by
 * sentence, and cut as list excerpts are; longest first. They are in the language their author wrote
 * them in, so the walk leaves them out of its checks (see `collectDataTexts` in the walk).
 */
export function dataTextForms(texts: readonly string[]): string[] {
  const forms = new Set<string>()
  for (const text of texts) {
    const flat = text.replace(/\s+/g, ' ').trim()
    if (flat.length < 3) continue
    forms.add(flat)
    // List excerpts: the first 239 characters (src/features/practices/list-practices.ts).
    if (flat.length > 240) forms.add(flat.slice(0, 239).trimEnd())
    for (const line of text.split(/\n+/)) {
      const trimmed = line.trim()
      if (trimmed.length >= 3) forms.add(trimmed)
      for (const sentence of trimmed.split(/(?<=[.!?:;])\s+/)) if (sentence.length >= 3) forms.add(sentence)
    }
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

/**
 * The text checks: language, raw keys, ISO dates and periods, decimal marks. `dataTexts` (from
 * `dataTextForms`) are removed first: names and what people wrote are not the UI's texts.
 */
export function checkText(
  text: string,
  language: Language,
  dataTexts: readonly string[] = [],
): Omit<PageFindings, 'overflow' | 'emptyCharts'> {
  let visible = text.replace(/[ \t]+/g, ' ')
  for (const data of dataTexts) if (visible.includes(data)) visible = visible.split(data).join(' ')
  visible = visible.replace(NOT_DECIMALS, ' ')
  const words = new RegExp(`(?<![\\p{L}\\d])(${FOREIGN_WORDS[language].join('|')})(?![\\p{L}\\d])`, 'giu')
  const language_ = matches(visible, words).map(
    ({ index, match }) => `"${match}" in ${around(visible, index, match.length)}`,
  )
  const rawKeys = matches(visible, /(?<![\w@./:-])[a-z][a-zA-Z0-9]+(?:\.[a-z][a-zA-Z0-9]+)+(?![\w@/-])/g)
    .filter(({ match }) => !NOT_KEYS.test(match) && match.split('.').some((part) => part.length >= 4))
    .map(({ index, match }) => `${match} in ${around(visible, index, match.length)}`)
  const isoDates = matches(visible, /(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?![\d-])/g)
    .filter(({ match }) => Number(match.slice(5, 7)) >= 1 && Number(match.slice(5, 7)) <= 12)
    .map(({ index, match }) => `${match} in ${around(visible, index, match.length)}`)
  // German dates ("02.12.2026") and times are dotted numbers that are right on a German page.
  const numbers = language === 'de' ? visible.replace(/\b\d{1,2}\.\d{1,2}\.(\d{4}|\d{2})?/g, ' ') : visible
  const decimalPattern = language === 'de' ? /\d\.(?!\d{3}(?!\d))\d/g : /(?<![\d,])\d{1,3},\d{1,2}(?!\d)/g
  const decimals = matches(numbers, decimalPattern).map(
    ({ index, match }) => `${match} in ${around(numbers, index, match.length)}`,
  )
  return { language: language_, rawKeys, isoDates, decimals }
}

/** Every finding of the text checks on the page as it is now. */
export async function checkPageText(
  page: Page,
  language: Language,
  dataTexts: readonly string[],
): Promise<string[]> {
  const { text, lang } = await snapshot(page)
  const findings = checkText(text, language, dataTexts)
  return [
    ...(lang === language ? [] : [`<html lang="${lang}">, expected "${language}"`]),
    ...findings.language.map((finding) => `other language: ${finding}`),
    ...findings.rawKeys.map((finding) => `raw key: ${finding}`),
    ...findings.isoDates.map((finding) => `ISO date or period: ${finding}`),
    ...findings.decimals.map((finding) => `wrong decimal mark: ${finding}`),
  ]
}

/**
 * Charts drawn with nothing in them: every ECharts canvas must have coloured pixels (bars, lines,
 * areas), not only grey axes and labels. Returns one finding per empty chart.
 */
export async function findEmptyCharts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const empty: string[] = []
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('.echart canvas, canvas'))
    canvases.forEach((canvas, index) => {
      if (canvas.width === 0 || canvas.height === 0) {
        empty.push(`chart ${index + 1} has no size`)
        return
      }
      const context = canvas.getContext('2d')
      if (!context) return
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      let coloured = 0
      for (let i = 0; i < data.length; i += 4 * 7) {
        const r = data[i]!
        const g = data[i + 1]!
        const b = data[i + 2]!
        if (data[i + 3]! > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++
      }
      if (coloured < 20)
        empty.push(`chart ${index + 1} (${canvas.width}×${canvas.height}) draws no bars or lines`)
    })
    return empty
  })
}
