/**
 * The k nearest neighbours of one organisation on a context profile, each with the share of every
 * indicator in the distance and a sentence (German and English) on why it is a neighbour.
 */
import type { Kysely } from 'kysely'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { explainNeighbour, findNearestNeighbours, type Neighbour } from '../../core/peers'
import type { NeighboursDto, PeerInputsDto } from '../../contracts/peers'
import type { DB } from '../../db/schema'
import { loadContextProfile } from './load-context-profile'
import { findLatestPeerModelId, findPeerModel } from './peer-model.repository'
import { listPeerOrganisations } from './peer-organisation.repository'

interface NeighbourBasis {
  modelId: number | null
  referenceYear: number | null
  indicators: PeerInputsDto['indicators']
  organisationIds: number[]
  raw: number[][]
  matrix: number[][]
  excluded: { organisationId: number; missing: string[] }[]
}

/** A computed model's stored profile, the latest computed model's, or the standard profile. */
async function loadBasis(db: Kysely<DB>, modelId: number | undefined): Promise<NeighbourBasis> {
  const id = modelId ?? (await findLatestPeerModelId(db, ['computed']))
  if (id !== undefined) {
    const model = await findPeerModel(db, id)
    const profile = model.result.profile
    if (!profile || model.kind !== 'computed')
      throw invalidInput(message('peers.modelWithoutProfile', { name: model.name, modelId: model.id }), [
        detail(message('peers.expectedComputedModel'), { field: 'model', value: String(id) }),
      ])
    return {
      modelId: model.id,
      referenceYear: model.inputs.referenceYear,
      indicators: model.inputs.indicators,
      organisationIds: profile.organisationIds,
      raw: profile.raw,
      matrix: profile.matrix,
      excluded: model.result.excluded.map((e) => ({ organisationId: e.organisationId, missing: e.missing })),
    }
  }
  const profile = await loadContextProfile(db, {})
  return {
    modelId: null,
    referenceYear: profile.referenceYear,
    indicators: profile.indicators,
    organisationIds: profile.organisations.map((o) => o.id),
    raw: profile.raw,
    matrix: profile.matrix,
    excluded: profile.excluded.map((e) => ({ organisationId: e.id, missing: e.missing })),
  }
}

/** Ids and names of the neighbours: the full list, before the caller's visibility is applied. */
export async function findNeighbourIds(
  db: Kysely<DB>,
  options: { organisationId: number; k: number; modelId?: number },
): Promise<number[]> {
  const basis = await loadBasis(db, options.modelId)
  return computeNeighbours(basis, options).neighbours.map((n) => Number(n.id))
}

function computeNeighbours(basis: NeighbourBasis, options: { organisationId: number; k: number }) {
  const row = basis.organisationIds.indexOf(options.organisationId)
  if (row < 0) {
    const lacking = basis.excluded.find((e) => e.organisationId === options.organisationId)
    throw invalidInput(
      lacking
        ? message('peers.neighboursIncomplete', { missing: lacking.missing.join(', ') })
        : message('peers.neighboursNotInProfile'),
      [detail(message('peers.expectedCompleteOrganisation'), { field: 'org' })],
    )
  }
  const lists = findNearestNeighbours({
    ids: basis.organisationIds.map(String),
    columns: basis.indicators.map((i) => i.code),
    matrix: basis.matrix,
    raw: basis.raw,
    k: Math.min(options.k, basis.organisationIds.length - 1),
  })
  return lists[row]!
}

const HIDDEN = {
  de: 'Ein Jobcenter außerhalb Ihres Vergleichsrings',
  en: 'A job centre outside your ring',
}

/**
 * Neighbours of one organisation. `canSeeByName(id)` decides for each neighbour whether its name,
 * id and values may be shown; the others appear as "a job centre outside your ring" with their
 * distance and indicator shares only.
 */
export async function findPeerNeighbours(
  db: Kysely<DB>,
  options: {
    organisation: { id: number; name: string }
    k: number
    modelId?: number
    canSeeByName: (organisationId: number) => boolean
  },
): Promise<NeighboursDto> {
  const basis = await loadBasis(db, options.modelId)
  const list = computeNeighbours(basis, { organisationId: options.organisation.id, k: options.k })
  const ids = list.neighbours.map((n) => Number(n.id))
  const orgs = new Map((await listPeerOrganisations(db, { networkId: null, ids })).map((o) => [o.id, o]))
  const indicatorOf = new Map(basis.indicators.map((i) => [i.code, i]))
  const self = String(options.organisation.id)
  const namesFor = (locale: 'de' | 'en') => {
    const names: Record<string, string> = { [self]: options.organisation.name }
    for (const i of basis.indicators) names[i.code] = locale === 'de' ? i.nameDe : i.nameEn
    for (const id of ids)
      names[String(id)] = options.canSeeByName(id) ? (orgs.get(id)?.name ?? String(id)) : HIDDEN[locale]
    return names
  }
  const de = namesFor('de')
  const en = namesFor('en')
  return {
    organisation: options.organisation,
    basis: { modelId: basis.modelId, referenceYear: basis.referenceYear, indicators: basis.indicators },
    neighbours: list.neighbours.map((neighbour) => {
      const id = Number(neighbour.id)
      const isHidden = !options.canSeeByName(id)
      // Hidden neighbours carry no values: values would identify them.
      const shown: Neighbour = isHidden
        ? {
            ...neighbour,
            contributions: neighbour.contributions.map(({ column, sharePercent, squaredDifference }) => ({
              column,
              sharePercent,
              squaredDifference,
            })),
          }
        : neighbour
      return {
        rank: neighbour.rank,
        organisationId: isHidden ? null : id,
        name: isHidden ? HIDDEN.de : (orgs.get(id)?.name ?? String(id)),
        isHidden,
        distance: neighbour.distance,
        rebasedDistance: neighbour.rebasedDistance,
        contributions: shown.contributions.map((c) => ({
          code: c.column,
          name: indicatorOf.get(c.column)?.nameDe ?? c.column,
          sharePercent: c.sharePercent,
          value: c.value ?? null,
          neighbourValue: c.neighbourValue ?? null,
        })),
        explanationDe: explainNeighbour({ id: self, neighbour: shown, names: de }).de,
        explanationEn: explainNeighbour({ id: self, neighbour: shown, names: en }).en,
      }
    }),
  }
}
