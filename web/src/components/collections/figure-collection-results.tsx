/**
 * On the figure page: results of the network's closed data collections whose indicators belong
 * with this key figure (nothing when there are none). Loaded lazily: its texts and tables are not
 * part of the figure page's own chunk.
 */
import { useFigureCollectionResults } from '../../api/collections'
import { Link } from '../../app/router'
import { collectionsTexts } from '../../i18n/collections-texts'
import { useI18n, useTexts } from '../../i18n/i18n'
import { formatDate } from '../../i18n/translate'
import { CollectionResultsTable } from './collection-results'

export default function FigureCollectionResults({ figureCode }: { figureCode: string }) {
  useTexts(collectionsTexts)
  const { t, locale } = useI18n()
  const answer = useFigureCollectionResults(figureCode)
  const results = answer.data?.results ?? []
  if (results.length === 0) return null
  return (
    <section className="panel" aria-labelledby="collection-results-heading">
      <h2 id="collection-results-heading">{t('collections.figureResults')}</h2>
      {results.map((r) => (
        <div key={r.collectionId}>
          <h3>
            <Link href={`/collections/${r.collectionId}`}>{r.title}</Link>{' '}
            <span className="muted">
              ({t('collections.closedOn', { date: formatDate(locale, r.closedAt.slice(0, 10)) })})
            </span>
          </h3>
          <CollectionResultsTable results={r} />
        </div>
      ))}
    </section>
  )
}
