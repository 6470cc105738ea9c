import { useMemo, useState } from 'react'
import type { IndicatorDto } from '../../../src/contracts/indicators'
import { useIndicators } from '../api/resources'
import { FigureCatalogue } from '../components/figure-catalogue'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import { pick } from '../i18n/translate'
import { breakdownLabel, unitLabel } from '../lib/labels'

/** The catalogue: every series the platform holds, with its definition in plain words and its source. */
export default function CataloguePage() {
  const { t } = useI18n()
  const indicators = useIndicators()
  const [filter, setFilter] = useState('')
  return (
    <Page title={t('catalogue.title')} intro={t('catalogue.intro')}>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor="catalogue-filter">{t('catalogue.filter')}</label>
          <input
            id="catalogue-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      </div>
      <FigureCatalogue filter={filter} />
      <QueryView query={indicators}>
        {(data) => <CatalogueList indicators={data.indicators} filter={filter} />}
      </QueryView>
    </Page>
  )
}

function CatalogueList({ indicators, filter }: { indicators: IndicatorDto[]; filter: string }) {
  const { t, locale } = useI18n()
  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase(locale)
    if (!needle) return indicators
    return indicators.filter((indicator) =>
      [
        indicator.code,
        indicator.nameDe,
        indicator.nameEn,
        pick(locale, { de: indicator.definitionDe, en: indicator.definitionEn }),
      ]
        .join(' ')
        .toLocaleLowerCase(locale)
        .includes(needle),
    )
  }, [indicators, filter, locale])
  if (indicators.length === 0) return <Empty>{t('catalogue.empty')}</Empty>
  if (visible.length === 0) return <Empty>{t('catalogue.noMatch')}</Empty>
  const groups: { kind: IndicatorDto['kind']; title: string; intro: string }[] = [
    { kind: 'raw', title: t('catalogue.raw'), intro: t('catalogue.rawIntro') },
    { kind: 'context', title: t('catalogue.context'), intro: t('catalogue.contextIntro') },
  ]
  return (
    <>
      <p className="result-count" role="status">
        {t('catalogue.count', { count: visible.length })}
      </p>
      {groups.map((group) => {
        const items = visible.filter((indicator) => indicator.kind === group.kind)
        if (items.length === 0) return null
        return (
          <section key={group.kind} className="catalogue-group" aria-labelledby={`group-${group.kind}`}>
            <h2 id={`group-${group.kind}`}>{group.title}</h2>
            <p className="muted">{group.intro}</p>
            <ul className="card-grid">
              {items.map((indicator) => (
                <li key={indicator.code} className="card">
                  <h3>
                    {pick(locale, { de: indicator.nameDe, en: indicator.nameEn })}{' '}
                    <code className="code-tag">{indicator.code}</code>
                  </h3>
                  <p>{pick(locale, { de: indicator.definitionDe, en: indicator.definitionEn })}</p>
                  <dl className="facts">
                    <div>
                      <dt>{t('catalogue.unit')}</dt>
                      <dd>{unitLabel(locale, indicator.unit)}</dd>
                    </div>
                    <div>
                      <dt>{t('catalogue.frequency')}</dt>
                      <dd>
                        {t(indicator.frequency === 'monthly' ? 'catalogue.monthly' : 'catalogue.yearly')}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('catalogue.breakdowns')}</dt>
                      <dd>{indicator.breakdowns.map((b) => breakdownLabel(locale, b)).join(', ')}</dd>
                    </div>
                    <div>
                      <dt>{t('catalogue.source')}</dt>
                      <dd>{indicator.source}</dd>
                    </div>
                    <div>
                      <dt>{t('catalogue.licence')}</dt>
                      <dd>{indicator.licence}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
}
