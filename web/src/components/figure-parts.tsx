/**
 * Pieces every key-figure view shares: the reason a value is missing (never a 0), the verdict of the
 * context adjustment with its interval and a sentence in plain words, and what "expected" means.
 */
import type { FigureSummaryDto } from '../../../src/contracts/kpi'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { formatFixed, formatNumber, formatPeriod, pick } from '../i18n/translate'
import type { Polarity } from '../lib/figures'
import { SourceLabel } from './figures/source-label'

type Missing = NonNullable<FigureSummaryDto['missing']>
type Classification = NonNullable<FigureSummaryDto['context']>['classification']
type ConfidentialityClass = FigureSummaryDto['figure']['confidentiality']

const MISSING_KEYS: Record<Missing['reason'], MessageKey> = {
  not_delivered: 'fig.missing.not_delivered',
  suppressed: 'fig.missing.suppressed',
  not_applicable: 'fig.missing.not_applicable',
  incomplete_window: 'fig.missing.incomplete_window',
  no_history: 'fig.missing.no_history',
  division_by_zero: 'fig.missing.division_by_zero',
  overflow: 'fig.missing.overflow',
}

/** "missing: not delivered (March 2026, elb)" as one line of text. */
export function useMissingText(): (missing: Missing | null) => string {
  const { t, locale } = useI18n()
  return (missing) => {
    if (!missing) return t('fig.missing.unknown')
    const where = [formatPeriod(locale, missing.month), missing.indicator].filter(Boolean).join(', ')
    const cause = missing.cause ? ` – ${t(MISSING_KEYS[missing.cause])}` : ''
    return t('fig.missing.text', { reason: t(MISSING_KEYS[missing.reason]) + cause, where })
  }
}

const CLASSIFICATION_KEYS: Record<Classification, MessageKey> = {
  better_than_expected: 'fig.class.better_than_expected',
  worse_than_expected: 'fig.class.worse_than_expected',
  as_expected: 'fig.class.as_expected',
  above_expected: 'fig.class.above_expected',
  below_expected: 'fig.class.below_expected',
}

export function useClassificationLabel(): (classification: Classification) => string {
  const { t } = useI18n()
  return (classification) => t(CLASSIFICATION_KEYS[classification])
}

const POLARITY_KEYS: Record<Polarity, MessageKey> = {
  higher_is_better: 'fig.polarity.higher_is_better',
  lower_is_better: 'fig.polarity.lower_is_better',
  context: 'fig.polarity.context',
}

export function PolarityTag({ polarity }: { polarity: Polarity }) {
  const { t } = useI18n()
  return <span className={`tag polarity-${polarity}`}>{t(POLARITY_KEYS[polarity])}</span>
}

export function usePolarityLabel(): (polarity: Polarity) => string {
  const { t } = useI18n()
  return (polarity) => t(POLARITY_KEYS[polarity])
}

/**
 * Expected vs actual: the verdict, the numbers with the interval, the server's sentence for this
 * organisation, and (folded) what "expected" means in plain words.
 */
export function ContextVerdict({
  summary,
  isCompact,
}: {
  summary: Pick<FigureSummaryDto, 'context' | 'contextUnavailable' | 'value' | 'figure'>
  isCompact?: boolean
}) {
  const { t, locale } = useI18n()
  const classificationLabel = useClassificationLabel()
  const context = summary.context
  if (!context)
    return (
      <p className="muted context-verdict">
        {t('fig.context.unavailable')}
        {summary.contextUnavailable ? ` (${pick(locale, summary.contextUnavailable)})` : ''}
      </p>
    )
  const format = (value: number) => formatFixed(locale, value, 1)
  return (
    <div className={`context-verdict verdict-${context.classification}`}>
      <p className="verdict-line">
        <strong>{classificationLabel(context.classification)}</strong>
        {': '}
        {t('fig.context.numbers', {
          actual: summary.value === null ? '–' : format(summary.value),
          expected: format(context.expected),
          lower: format(context.lower),
          upper: format(context.upper),
        })}
        <SourceLabel source={context.source} />
      </p>
      {!isCompact && <p>{pick(locale, { de: context.explanationDe, en: context.explanationEn })}</p>}
      <ContextExplainer rSquared={context.rSquared} n={context.n} />
    </div>
  )
}

/** What the context adjustment is, in plain words, folded so it does not repeat itself everywhere. */
export function ContextExplainer({ rSquared, n }: { rSquared?: number; n?: number }) {
  const { t, locale } = useI18n()
  return (
    <details className="explainer">
      <summary>{t('fig.context.howToRead')}</summary>
      <p>{t('fig.context.plain1')}</p>
      <p>{t('fig.context.plain2')}</p>
      {rSquared !== undefined && n !== undefined && (
        <p>
          {t('fig.context.plainR2', {
            r2: formatNumber(locale, rSquared * 100, 0),
            n,
          })}
        </p>
      )}
    </details>
  )
}

const CONFIDENTIALITY_KEYS: Record<ConfidentialityClass, { label: MessageKey; hint: MessageKey }> = {
  public: { label: 'confidentiality.public', hint: 'confidentiality.publicHint' },
  network: { label: 'confidentiality.network', hint: 'confidentiality.networkHint' },
}

/**
 * The confidentiality class next to a number: public (published by an office, shown by name to
 * everyone signed in) or network-confidential (ring peers by name or pseudonym, others in aggregates).
 */
export function ConfidentialityTag({ confidentiality }: { confidentiality: ConfidentialityClass }) {
  const { t } = useI18n()
  const keys = CONFIDENTIALITY_KEYS[confidentiality]
  return (
    <span className={`tag confidentiality-${confidentiality}`} title={t(keys.hint)}>
      {t(keys.label)}
      <span className="visually-hidden">: {t(keys.hint)}</span>
    </span>
  )
}
