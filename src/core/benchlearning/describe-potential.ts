/**
 * Improvement potentials and pooled effects in words, German and English, for the page, the council
 * report and the learning spotlight alike: "Beim erwarteten Wert (22 %): etwa 140 Integrationen mehr
 * im Jahr". Numbers go through core/format. Pooled effects are worded as a hint, never as proof.
 */
import { formatEuros, formatNumber, type Locale } from '../format/format'
import type { PooledEffect } from './pooled-effect'
import type { PeerTargetKind, TranslatedGap } from './improvement-potential'

/** What the raw series count, in words (plural). Series without a name here read "cases". */
const SERIES_NAMES: Record<string, { de: string; en: string }> = {
  integrations: { de: 'Integrationen', en: 'integrations' },
  ae_integrations: { de: 'Integrationen Alleinerziehender', en: 'integrations of single parents' },
  lzb_integrations: {
    de: 'Integrationen Langzeitleistungsbeziehender',
    en: 'integrations of long-term beneficiaries',
  },
  continuous_after_integration: {
    de: 'dauerhafte Beschäftigungen nach Integration',
    en: 'lasting jobs after integration',
  },
  elb: { de: 'erwerbsfähige Leistungsberechtigte', en: 'employable beneficiaries' },
  lzb: { de: 'Langzeitleistungsbeziehende', en: 'long-term beneficiaries' },
}
const CASES = { de: 'Fälle', en: 'cases' }

/** "etwa 140 Integrationen mehr im Jahr" / "about € 3.6 m less a year". */
export function describeAmount(locale: Locale, gap: TranslatedGap): string {
  const value = gap.amountPerYear
  const isMore = value > 0
  const de = locale === 'de'
  const moreOrLess = de ? (isMore ? 'mehr' : 'weniger') : isMore ? 'more' : 'less'
  const per = gap.per === 'year' ? (de ? 'im Jahr' : 'a year') : de ? 'im Monat' : 'in the month'
  if (gap.isMoney)
    return de
      ? `etwa ${formatEuros(locale, Math.abs(value))} ${moreOrLess} ${per}`
      : `about ${formatEuros(locale, Math.abs(value))} ${moreOrLess} ${per}`
  const count = formatNumber(locale, Math.round(Math.abs(value)), 0)
  const series = (SERIES_NAMES[gap.series] ?? CASES)[locale]
  const fewer = de ? moreOrLess : isMore ? 'more' : 'fewer'
  return de ? `etwa ${count} ${series} ${fewer} ${per}` : `about ${count} ${fewer} ${series} ${per}`
}

/** The range over the prediction interval: "zwischen −70 und 350" in the same terms. */
export function describeRange(
  locale: Locale,
  range: { low: number; high: number },
  isMoney: boolean,
): string {
  const format = (v: number) => (isMoney ? formatEuros(locale, v) : formatNumber(locale, Math.round(v), 0))
  return locale === 'de'
    ? `über das Prognoseintervall zwischen ${format(range.low)} und ${format(range.high)}`
    : `between ${format(range.low)} and ${format(range.high)} over the prediction interval`
}

const PEER_TARGETS: Record<PeerTargetKind, { de: string; en: string }> = {
  quartile: { de: 'Beim oberen Quartil ({group})', en: 'At the upper quartile ({group})' },
  quartile_visible: {
    de: 'Beim oberen Quartil der für Sie sichtbaren Mitglieder ({group})',
    en: 'At the upper quartile of the members you can see ({group})',
  },
  mean: {
    de: 'Beim Mittelwert ({group}; Quartile werden zum Schutz vertraulicher Werte nicht gezeigt)',
    en: 'At the mean ({group}; quartiles are withheld to protect confidential values)',
  },
}

/** "Beim oberen Quartil (Ring 1)" / "At the mean (…; quartiles are withheld …)". */
export function describePeerTarget(locale: Locale, kind: PeerTargetKind, group: string): string {
  return PEER_TARGETS[kind][locale].replace('{group}', group)
}

/** "Beim erwarteten Wert" / "At the expected value". */
export function describeExpectedTarget(locale: Locale): string {
  return locale === 'de' ? 'Beim erwarteten Wert' : 'At the expected value'
}

/**
 * "Wo andere das Praxisbeispiel übernommen haben, lag die Kennzahl danach im Mittel 1,2 Punkte
 * günstiger (95-%-Intervall 0,3 bis 2,1; 3 Übernahmen). Ein Hinweis, kein Beweis."
 */
export function describePooledEffect(locale: Locale, effect: PooledEffect): string {
  const f = (v: number) => formatNumber(locale, v, 1)
  const de = locale === 'de'
  const verdict = {
    favourable: de ? 'günstiger als bei den Vergleichspartnern' : 'more favourable than at the peers',
    unfavourable: de ? 'ungünstiger als bei den Vergleichspartnern' : 'less favourable than at the peers',
    unclear: de ? 'ohne klare Richtung' : 'without a clear direction',
    no_polarity: de ? 'ohne Bewertung (Kontextkennzahl)' : 'not judged (context figure)',
  }[effect.direction]
  return de
    ? `Wo andere es übernommen haben: im Mittel ${f(effect.estimate)} Prozentpunkte Unterschied, ${verdict} ` +
        `(95-%-Intervall ${f(effect.lower)} bis ${f(effect.upper)}; ${effect.adoptions} ${effect.adoptions === 1 ? 'Übernahme' : 'Übernahmen'}). Ein Hinweis, kein Beweis.`
    : `Where others adopted it: on average a difference of ${f(effect.estimate)} percentage points, ${verdict} ` +
        `(95% interval ${f(effect.lower)} to ${f(effect.upper)}; ${effect.adoptions} ${effect.adoptions === 1 ? 'adoption' : 'adoptions'}). A hint, not proof.`
}
