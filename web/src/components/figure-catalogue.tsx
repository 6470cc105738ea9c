/**
 * The key-figure part of the catalogue: the official figures (and the network's own) with formula,
 * numerator and denominator, polarity, legal source and an explanation in plain words.
 */
import type { FigureDto } from '../../../src/contracts/kpi'
import { describeFigureFormula } from '../../../src/core/kpi/describe-formula'
import { useFigureCatalogue } from '../api/figures'
import { useIndicators } from '../api/resources'
import { Link } from '../app/router'
import { useI18n } from '../i18n/i18n'
import { formatDate, pick } from '../i18n/translate'
import { breakdownLabel } from '../lib/labels'
import { ConfidentialityTag, ContextExplainer, PolarityTag } from './figure-parts'
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
  const indicators = useIndicators()
  const names = new Map<string, string>([
    ...(indicators.data?.indicators ?? []).map((i): [string, string] => [
      i.code,
      pick(locale, { de: i.nameDe, en: i.nameEn }),
    ]),
    ...figures.map((f): [string, string] => [
      f.code,
      pick(locale, { de: f.current.nameDe, en: f.current.nameEn }),
    ]),
  ])
  const plainFormula = (f: FigureDto) =>
    describeFigureFormula(f.current, locale, (code) => names.get(code) ?? code)
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
          <p className="plain-formula">
            <strong>{t('fig.plainFormula')}</strong> {plainFormula(f)}
          </p>
          {/* The formula itself is for analysts: behind a disclosure, not the first thing a leader reads. */}
          <details className="explainer">
            <summary>{t('fig.technicalFormula')}</summary>
            <dl className="facts">
              <div>
                <dt>{t('fig.numerator')}</dt>
                <dd>
                  <code>{f.current.numerator}</code>
                </dd>
              </div>
              <div>
                <dt>{t('fig.denominator')}</dt>
                <dd>
                  <code>{f.current.denominator}</code>
                </dd>
              </div>
              <div>
                <dt>{t('fig.display')}</dt>
                <dd>
                  {f.display} ({f.current.unit})
                </dd>
              </div>
            </dl>
          </details>
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
