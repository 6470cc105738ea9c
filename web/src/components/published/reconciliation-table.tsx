/**
 * The reconciliation of published figure values with the platform's computation: the counts, the
 * tolerance (half a unit of the published value's last decimal) and every value that differs beyond
 * rounding, with both numerators and denominators. Shown in the import result and on the figure page.
 */
import type { ReconciliationDto } from '../../../../src/contracts/published-figures'
import { useI18n } from '../../i18n/i18n'
import { formatNumber, formatPeriod } from '../../i18n/translate'
import { breakdownLabel } from '../../lib/labels'
import { DataTable } from '../data-table'

export function ReconciliationTable({
  reconciliation,
  heading: Heading = 'h4',
}: {
  reconciliation: ReconciliationDto
  /** The heading element, one level below the section it is shown in. */
  heading?: 'h2' | 'h3' | 'h4'
}) {
  const { t, locale } = useI18n()
  const n = (value: number) => formatNumber(locale, value, 0)
  return (
    <section className="reconciliation" aria-label={t('published.reconciliation')}>
      <Heading>{t('published.reconciliation')}</Heading>
      <p role="status">
        {t('published.reconciliationSummary', {
          compared: n(reconciliation.compared),
          differing: n(reconciliation.differing),
        })}
      </p>
      <p className="hint">{t('published.tolerance')}</p>
      {reconciliation.findings.length > 0 && (
        <DataTable
          caption={t('published.findingsCaption')}
          columns={[
            { key: 'name', header: t('published.organisation') },
            { key: 'figure', header: t('published.figure') },
            { key: 'period', header: t('common.period') },
            { key: 'breakdown', header: t('data.breakdown') },
            { key: 'publishedValue', header: t('published.publishedValue'), type: 'number', digits: 2 },
            { key: 'computedValue', header: t('published.computedValue'), type: 'number', digits: 2 },
            {
              key: 'publishedNumerator',
              header: t('published.publishedNumerator'),
              type: 'number',
              digits: 1,
            },
            { key: 'computedNumerator', header: t('published.computedNumerator'), type: 'number', digits: 1 },
            {
              key: 'publishedDenominator',
              header: t('published.publishedDenominator'),
              type: 'number',
              digits: 1,
            },
            {
              key: 'computedDenominator',
              header: t('published.computedDenominator'),
              type: 'number',
              digits: 1,
            },
            { key: 'differs', header: t('published.differs') },
          ]}
          rows={reconciliation.findings.map((f) => ({
            name: f.name,
            figure: f.figure,
            period: formatPeriod(locale, f.period),
            breakdown: breakdownLabel(locale, f.breakdown),
            publishedValue: f.published.value,
            computedValue: f.computed.value,
            publishedNumerator: f.published.numerator,
            computedNumerator: f.computed.numerator,
            publishedDenominator: f.published.denominator,
            computedDenominator: f.computed.denominator,
            differs: f.differs.map((part) => t(`published.part.${part}`)).join(', '),
          }))}
        />
      )}
    </section>
  )
}
