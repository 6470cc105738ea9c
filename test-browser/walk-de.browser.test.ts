/** The walk of every page as each role, in German (the checks: walk-pages.ts and walk.ts). */
import { describeWalk } from './walk-pages'

describeWalk('de')
