import type { PartitionQuality } from '../../core/peers'
import type { PeerQualityDto } from '../../contracts/peers'

/** Turns the core's quality (groups as label numbers) into the DTO (groups as codes). */
export function describeQuality(input: {
  quality: PartitionQuality
  /** Group code per label number. */
  codes: readonly string[]
  basis: string
  organisations: number
}): PeerQualityDto {
  const { quality, codes } = input
  return {
    basis: input.basis,
    organisations: input.organisations,
    groups: quality.spread.filter((g) => g.size > 0).length,
    rSquared: quality.rSquared,
    withinSS: quality.withinSS,
    totalSS: quality.totalSS,
    silhouette: quality.silhouette,
    silhouetteByGroup: Object.fromEntries(
      codes.map((code, g) => [code, quality.silhouetteByGroup[g] ?? null]),
    ),
    stability: quality.stability,
    spread: quality.spread
      .filter((g) => g.size > 0)
      .map((g) => ({
        group: codes[g.group] ?? String(g.group),
        size: g.size,
        indicators: g.columns.map((c) => ({
          code: c.column,
          mean: c.mean,
          sd: c.sd,
          min: c.min,
          max: c.max,
        })),
      })),
  }
}

/** Codes and names of k groups: rings R01… ("Vergleichsring 1"), other groups G01… ("Vergleichsgruppe 1"). */
export function nameGroups(method: 'ward' | 'kmeans' | 'rings', k: number): { code: string; name: string }[] {
  return Array.from({ length: k }, (_, g) => {
    const number = String(g + 1).padStart(2, '0')
    return method === 'rings'
      ? { code: `R${number}`, name: `Vergleichsring ${g + 1}` }
      : { code: `G${number}`, name: `Vergleichsgruppe ${g + 1}` }
  })
}

/** "context profile 2021: 5 indicators" */
export function describeBasis(referenceYear: number, indicators: readonly { code: string }[]): string {
  return `Kontextprofil / context profile ${referenceYear}: ${indicators.map((i) => i.code).join(', ')}`
}
