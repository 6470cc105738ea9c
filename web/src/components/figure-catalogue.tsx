/**
 * The key-figure part of the catalogue: the official figures (and the network's own) with formula,
 * numerator and denominator, polarity, legal source and an explanation in plain words.
 */
import type { FigureDto } from '../../../src/contracts/kpi'
import { useFigureCatalogue } from '../api/figures'
import { Link } from '../app/router'
import { useI18n } from '../i18n/i18n'
import { formatDate, pick } from '../i18n/translate'
import { breakdownLabel } from '../lib/labels'
import { ConfidentialityTag, ContextExplainer, PolarityTag } from './figure-parts'
import { FigureFormula, useFormulaNames } from './figure-formula'
import { QueryView } from './state-views'

export function FigureCatalogue({ filter }: { filter: string }) {
  const { t } = useI18n()
  const catalogue = useFigureCatalogue()
  return (
    <section className="catalogue-group" aria-labelledby="group-figures">
      <h2 id="group-figures">{t('fig.catalogue.title')}</h2>
      <p className="muted">{t('fig.catalogue.intro')}</p>
      <ContextExplainer />
      <QueryView query={catalogue}>
        {(data) => <FigureCards figures={data.figures} filter={filter} />}
      </QueryView>
    </section>
  )
}

function FigureCards({ figures, filter }: { figures: FigureDto[]; filter: string }) {
  const { t, locale } = useI18n()
  const nameOf = useFormulaNames()
  const needle = filter.trim().toLocaleLowerCase(locale)
  const visible = needle
    ? figures.filter((f) =>
        [
          f.code,
          f.current.nameDe,
          f.current.nameEn,
          pick(locale, { de: f.current.explanationDe, en: f.current.explanationEn }),
        ]
          .join(' ')
          .toLocaleLowerCase(locale)
          .includes(needle),
      )
    : figures
  if (visible.length === 0) return <p className="muted">{t('catalogue.noMatch')}</p>
  return (
    <ul className="card-grid">
      {visible.map((f) => (
        <li key={f.code} className="card" id={`figure-${f.code}`}>
          <h3>
            <Link href={`/figures/${f.code}`}>
              {pick(locale, { de: f.current.nameDe, en: f.current.nameEn })}
            </Link>{' '}
            <code className="code-tag">{f.code}</code>
          </h3>
          <p>{pick(locale, { de: f.current.explanationDe, en: f.current.explanationEn })}</p>
          <p>
            <PolarityTag polarity={f.current.polarity} />{' '}
            <ConfidentialityTag confidentiality={f.current.confidentiality} />
            {!f.current.isOfficial && <span className="tag">{t('fig.catalogue.own')}</span>}
          </p>
          <FigureFormula figure={f} nameOf={nameOf} />
          <dl className="facts">
            <div>
              <dt>{t('fig.catalogue.window')}</dt>
              <dd>{t('fig.catalogue.months', { count: f.requiredMonths })}</dd>
            </div>
            <div>
              <dt>{t('catalogue.breakdowns')}</dt>
              <dd>{f.breakdowns.map((b) => breakdownLabel(locale, b)).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('fig.catalogue.version')}</dt>
              <dd>
                {t('fig.catalogue.versionText', {
                  version: f.current.version,
                  from: formatDate(locale, f.current.validFrom),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('fig.catalogue.legal')}</dt>
              <dd>{f.current.legalSource || '–'}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  )
}
