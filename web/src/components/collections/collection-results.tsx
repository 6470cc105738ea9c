/**
 * The results of a closed data collection as the caller may see them: per indicator, period and
 * breakdown the pooled statistics and the values of the organisations in view (by name or pseudonym).
 */
import type { CollectionResults } from '../../api/collections'
import { useI18n, useTexts } from '../../i18n/i18n'
import { collectionsTexts } from '../../i18n/collections-texts'
import { formatNumber, pick } from '../../i18n/translate'
import { breakdownLabel } from '../../lib/labels'
import { TableScroll } from '../table-scroll'

export function CollectionResultsTable({ results }: { results: CollectionResults }) {
  useTexts(collectionsTexts)
  const { t, locale } = useI18n()
  const number = (value: number | null) => (value === null ? '–' : formatNumber(locale, value))
  return (
    <>
      {results.isRestricted && <p className="hint">{t('collections.resultsRestricted')}</p>}
      <TableScroll label={results.title}>
        <table className="data-table">
          <caption className="visually-hidden">{results.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('collections.col.indicator')}</th>
              <th scope="col">{t('collections.col.period')}</th>
              <th scope="col" className="numeric">
                {t('collections.col.count')}
              </th>
              <th scope="col" className="numeric">
                {t('collections.col.mean')}
              </th>
              <th scope="col" className="numeric">
                {t('collections.col.median')}
              </th>
              <th scope="col">{t('collections.col.values')}</th>
            </tr>
          </thead>
          <tbody>
            {results.indicators.flatMap((indicator) =>
              indicator.cells.map((cell) => (
                <tr key={`${indicator.code}|${cell.period}|${cell.breakdown}`}>
                  <th scope="row">
                    {pick(locale, { de: indicator.nameDe, en: indicator.nameEn })} ({indicator.unit})
                    {cell.breakdown !== 'total' && ` – ${breakdownLabel(locale, cell.breakdown)}`}
                  </th>
                  <td>{cell.period}</td>
                  <td className="numeric">{cell.organisationCount}</td>
                  <td
                    className="numeric"
                    title={
                      cell.disclosure.level === 'mean_only'
                        ? t('collections.pooled', {
                            count: cell.organisationCount,
                            hidden: cell.disclosure.hiddenCount,
                          })
                        : undefined
                    }
                  >
                    {number(cell.mean)}
                  </td>
                  <td className="numeric">{number(cell.median)}</td>
                  <td>
                    {cell.members
                      .map(
                        (m) =>
                          `${m.organisation.name}${m.isOwn ? ' ★' : ''}: ${formatNumber(locale, m.value)}`,
                      )
                      .join(' · ')}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}
