/**
 * The evidence beside one potential: the practice cards on the figure that the caller may read
 * (cards of the better peers first) and, per card, what the effect checks of its adoptions say
 * together. Only adoptions whose adopter the caller may see count: an effect estimate is made from
 * the adopter's values, so pooling one the caller may not see would hand them a piece of it.
 */
import type { Kysely } from 'kysely'
import { poolEffects, type AdoptionEffect } from '../../core/benchlearning/pooled-effect'
import type { Polarity } from '../../core/kpi/polarity'
import type { Viewer } from '../../core/permissions'
import type { FigurePotentialDto } from '../../contracts/potentials'
import type { DB } from '../../db/schema'
import { checkPracticeEffect } from '../practices/check-practice-effect'
import { listPractices } from '../practices/list-practices'
import { listAdoptions } from '../practices/practice.repository'
import { loadOrganisationLabeller } from '../practices/practice-scope'

/** Cards shown per potential: enough to choose from, few enough to read. */
export const MAX_EVIDENCE_CARDS = 5
/** Cards looked at per figure before the better peers' are put first. */
const CARDS_CONSIDERED = 50

export async function gatherEvidence(
  db: Kysely<DB>,
  options: {
    viewer: Viewer
    figureCode: string
    polarity: Polarity
    /** The organisation the potential is about: its own cards are no evidence for it. */
    organisationId: number
    betterPeerIds: ReadonlySet<number>
    now: Date
    at: string
  },
): Promise<FigurePotentialDto['evidence']> {
  const { viewer, figureCode } = options
  const { practices } = await listPractices(db, {
    viewer,
    query: { figure: figureCode, status: 'published', limit: CARDS_CONSIDERED },
    at: options.at,
  })
  const candidates = practices
    .filter((p) => !(p.organisation.kind === 'named' && p.organisation.id === options.organisationId))
    .map((practice) => ({
      practice,
      isFromBetterPeer:
        practice.organisation.kind === 'named' &&
        practice.organisation.id !== null &&
        options.betterPeerIds.has(practice.organisation.id),
    }))
    .sort((a, b) => Number(b.isFromBetterPeer) - Number(a.isFromBetterPeer))
    .slice(0, MAX_EVIDENCE_CARDS)
  const evidence: FigurePotentialDto['evidence'] = []
  for (const candidate of candidates) {
    const adoptions = await listAdoptions(db, candidate.practice.id)
    const labeller = await loadOrganisationLabeller(db, {
      viewer,
      at: options.at,
      organisationIds: adoptions.map((a) => a.organisationId),
    })
    const visible = adoptions.filter((a) => labeller.canSeeFigures(a.organisationId))
    const effects: AdoptionEffect[] = []
    for (const adoption of visible) {
      const check = await checkPracticeEffect(db, {
        viewer,
        practiceId: candidate.practice.id,
        adoptionId: adoption.id,
        now: options.now,
      })
      const figure = check.figures.find((f) => f.figureCode === figureCode)
      if (figure?.estimate != null && figure.standardError != null)
        effects.push({ estimate: figure.estimate, standardError: figure.standardError })
    }
    evidence.push({
      ...candidate,
      adoptionsVisible: visible.length,
      pooledEffect: poolEffects(effects, options.polarity),
    })
  }
  return evidence
}
