/** The key numbers of a group above its charts: period, median, middle half, reporting, own value. */
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n'
import { formatPeriod } from '../../i18n/translate'

export function KeyNumbers({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="stat-row" aria-label={t('compare.keyNumbers')} role="group">
      {children}
    </div>
  )
}

export function Stat({ label, value, isAccent }: { label: string; value: string; isAccent?: boolean }) {
  return (
    <div className={`stat${isAccent ? ' accent' : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  )
}

/** "q1 – q3", or a dash while the group has too few values. */
export function formatMiddleHalf(
  q1: number | null,
  q3: number | null,
  formatValue: (value: number) => string,
): string {
  return q1 === null || q3 === null ? '–' : `${formatValue(q1)} – ${formatValue(q3)}`
}

/** The swatches of the middle half and the median in a bar chart's legend. */
export function BandLegend() {
  const { t } = useI18n()
  return (
    <>
      <span className="swatch band" aria-hidden="true" /> {t('compare.middleHalf')}
      <span className="swatch median" aria-hidden="true" /> {t('compare.median')}
    </>
  )
}

/** The sentence that says what a group's bar chart shows: how many report, the median, the own value. */
export function useBarSummary() {
  const { t, locale } = useI18n()
  return (
    key: 'fig.barSummary' | 'compare.barSummary',
    bars: {
      name: string
      group: string
      period: string
      n: number
      median: number | null
      own: { name: string; value: number | null } | undefined
      formatValue: (value: number) => string
    },
  ) =>
    t(key, {
      name: bars.name,
      group: bars.group,
      period: formatPeriod(locale, bars.period),
      n: bars.n,
      median: bars.median === null ? '–' : bars.formatValue(bars.median),
      own:
        bars.own && bars.own.value !== null
          ? t('compare.ownValue', { name: bars.own.name, value: bars.formatValue(bars.own.value) })
          : '',
    })
}
