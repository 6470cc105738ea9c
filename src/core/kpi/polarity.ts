/**
 * Which value of a key figure is better: its polarity. Rankings, judgements against the median,
 * spotlights, expected values and the effect check all read it from here, in the server, the
 * command line and the web UI alike. Context figures describe the situation (e.g. the share of
 * long-term unemployed): no value is better, so they are judged neither better nor worse.
 */
export const POLARITIES = ['higher_is_better', 'lower_is_better', 'context'] as const
export type Polarity = (typeof POLARITIES)[number]

/** How a polarity is written out, in German and English. */
export const POLARITY_NAMES: Record<Polarity, { de: string; en: string }> = {
  higher_is_better: { de: 'höher ist besser', en: 'higher is better' },
  lower_is_better: { de: 'niedriger ist besser', en: 'lower is better' },
  context: { de: 'Kontext', en: 'context' },
}

/** +1 when higher values are better, −1 when lower ones are, 0 for context figures. */
export function betterSign(polarity: Polarity): 1 | -1 | 0 {
  return polarity === 'higher_is_better' ? 1 : polarity === 'lower_is_better' ? -1 : 0
}

/** The order of rankings: +1 puts the highest value first (context figures too), −1 the lowest. */
export function orientationOf(polarity: Polarity): 1 | -1 {
  return polarity === 'lower_is_better' ? -1 : 1
}

export type Judgement = 'better' | 'worse' | 'neutral'

/**
 * Whether a difference (a value minus its reference, or a new value minus an old one) is better
 * or worse. Context figures, no difference and differences smaller than `tolerance` are neutral.
 */
export function judgeDifference(polarity: Polarity, difference: number, tolerance = 0): Judgement {
  const sign = betterSign(polarity)
  if (sign === 0 || difference === 0 || Math.abs(difference) < tolerance) return 'neutral'
  return sign * difference > 0 ? 'better' : 'worse'
}
