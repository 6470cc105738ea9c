/** Who does it better in a group: the top three by level, by improvement, beyond their context and over time. */
import type { ReactNode } from 'react'
import type { FigureQuery } from '../../api/figures'
import { useExcellence } from '../../api/figures'
import { Link } from '../../app/router'
import { useI18n } from '../../i18n/i18n'
import { formatFixed } from '../../i18n/translate'
import { signed } from '../../lib/figures'
import { QueryView } from '../state-views'
import type { SourceMixDto } from '../../../../src/contracts/published-figures'
import { SourceLabel } from './source-label'
import { ServerText } from '../../i18n/server-texts'

/** How many are named in each list. */
const TOP = 3

export function ExcellencePanel({
  query,
  figureName,
  digits,
}: {
  query: FigureQuery
  figureName: string
  digits: number
}) {
  const { t, locale } = useI18n()
  const excellence = useExcellence(query)
  const format = (value: number) => formatFixed(locale, value, digits)
  const points = (value: number) => signed(value, format)
  return (
    <section className="panel excellence" aria-labelledby="excellence-heading">
      <h2 id="excellence-heading">{t('fig.excellence.title')}</h2>
      <p className="muted">{t('fig.excellence.intro', { name: figureName })}</p>
      <QueryView query={excellence}>
        {(data) => (
          <div className="excellence-grid">
            <ExcellenceList
              title={t('fig.excellence.byLevel')}
              entries={data.byLevel}
              claim={(e) =>
                t('fig.excellence.levelClaim', {
                  value: format(e.value),
                  rank: e.rank,
                  n: e.n,
                  median: format(e.groupMedian),
                  gap: points(e.gapToMedian),
                })
              }
            />
            <ExcellenceList
              title={t('fig.excellence.byImprovement')}
              entries={data.byImprovement}
              claim={(e) =>
                t('fig.excellence.improvementClaim', {
                  before: format(e.valuePreviousYear),
                  value: format(e.value),
                  change: points(e.change),
                  median: points(e.groupMedianImprovement),
                })
              }
            />
            <ExcellenceList
              title={t('fig.excellence.beyondContext')}
              entries={data.beyondContext}
              claim={(e) =>
                t('fig.excellence.contextClaim', {
                  actual: format(e.actual),
                  expected: format(e.expected),
                  lower: format(e.lower),
                  upper: format(e.upper),
                })
              }
            />
            <ExcellenceList
              title={t('fig.excellence.consistency')}
              entries={data.consistency}
              claim={(e) =>
                t('fig.excellence.consistencyClaim', {
                  months: e.monthsInTopQuartile,
                  considered: e.monthsConsidered,
                })
              }
            />
            <p className="excellence-practices">
              <Link href={`/practices?figure=${encodeURIComponent(query.figure)}`}>
                {t('fig.excellence.practices', { name: figureName })}
              </Link>
            </p>
            {data.notes.length > 0 && (
              <ul className="plain-list muted excellence-notes">
                {data.notes.map((note) => (
                  <li key={note.message}>
                    <ServerText sent={note} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </QueryView>
    </section>
  )
}

function ExcellenceList<E extends { organisationId: number; name: string; source: SourceMixDto }>({
  title,
  entries,
  claim,
}: {
  title: string
  entries: readonly E[]
  claim: (entry: E) => ReactNode
}) {
  const { t } = useI18n()
  return (
    <div>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('fig.excellence.none')}</p>
      ) : (
        <ol className="plain-list">
          {entries.slice(0, TOP).map((e) => (
            <li key={e.organisationId}>
              <Link href={`/organisations/${e.organisationId}`}>
                <strong>{e.name}</strong>
              </Link>
              : {claim(e)}
              <SourceLabel source={e.source} />
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
