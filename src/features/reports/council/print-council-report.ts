import { printPdf } from '../chromium'
import type { CouncilDeck } from './build-council-report'
import { renderCouncilHtml } from './render-council-html'

/** The deck as a tagged landscape PDF, one slide per page, printed by headless chromium. */
export async function printCouncilPdf(deck: CouncilDeck): Promise<Buffer> {
  return printPdf({ html: renderCouncilHtml(deck), isLandscape: true })
}
