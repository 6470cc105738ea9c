/**
 * Runs axe-core (from npm, injected into the page; no network) against WCAG 2.1 A/AA and its best
 * practices, and returns the serious and critical violations, and every violation of the best
 * practices named in ALWAYS (whatever axe rates them), as readable lines, so a failing assertion
 * says what to fix.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeNode {
  target: string[]
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: AxeNode[]
}

/** Best practices that count at any impact: two landmarks of one kind need names that tell them apart. */
const ALWAYS = new Set(['landmark-unique', 'scrollable-region-focusable'])

export async function findSeriousViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window)
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's
  // Content-Security-Policy (script-src 'self') rightly refuses inline scripts.
  if (!hasAxe) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })
    return result.violations
  })
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS.has(v.id))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    )
}
