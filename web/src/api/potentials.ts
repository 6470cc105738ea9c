/** Improvement potential with its evidence, and the council report's download address. */
import type { CouncilSection, LearningSpotlightDto, PotentialsDto } from '../../../src/contracts/potentials'
import { useApiQuery } from './use-query'

export type PotentialGroup = 'ring' | 'type' | 'neighbours'

export const usePotentials = (org: string | null, group: PotentialGroup) =>
  useApiQuery<PotentialsDto>(
    org === null ? null : '/api/v1/potentials',
    org === null ? undefined : { org, group },
  )

/** The ring's learning spotlight (null: not asked for yet, so nothing is fetched). */
export const useLearningSpotlight = (ringId: number | null) =>
  useApiQuery<LearningSpotlightDto>(ringId === null ? null : `/api/v1/rings/${ringId}/learning-spotlight`)

/** Where the server renders the council report of `org` in the chosen format, language and sections. */
export function councilReportPath(options: {
  org: string
  format: 'pdf' | 'pptx'
  lang: 'de' | 'en'
  period: string
  sections: readonly CouncilSection[]
}): string {
  const query = new URLSearchParams({
    format: options.format,
    lang: options.lang,
    period: options.period,
    sections: options.sections.join(','),
  })
  return `/api/v1/reports/organisation/${encodeURIComponent(options.org)}?${query.toString()}`
}
