/**
 * The official key figures of one organisation at a glance (start page and profile): latest value,
 * change to the same month a year earlier, position in the ring, expected vs actual with the interval
 * and a plain sentence, and what is new or revised since the person's last visit.
 */
import type { FigureSummaryDto } from '../../../src/contracts/kpi'
import { useFigureSummaries, useValuesKnownAt } from '../api/figures'
import type { LastVisit } from '../../../src/core/first-load/first-load-calls'
import { Link } from '../app/router'
import { useI18n } from '../i18n/i18n'
import { formatDateTime, formatFixed, formatNumber, formatPeriod, pick, withUnit } from '../i18n/translate'
import { figureDigits, judgeAgainstMedian, signed } from '../lib/figures'
import {
  ConfidentialityTag,
  ContextExplainer,
  ContextVerdict,
  useClassificationLabel,
  useMissingText,
} from './figure-parts'
import { DataTable } from './data-table'
import { Empty, Loading, ErrorView } from './state-views'
import type { TableRow } from './table-data'
import { SourceLabel } from './figures/source-label'

/** Shown large on top; the others follow in the table. */
const HEADLINE_FIGURES = ['K1', 'K2', 'K3'] as const

export function OfficialFigures({
  organisationId,
  lastVisit,
  headingId,
}: {
  organisationId: number
  lastVisit: LastVisit | null
  headingId: string
}) {
  const { t, locale } = useI18n()
  // The 15 official figures in catalogue order, in one request.
  const summaries = useFigureSummaries('official', { org: organisationId, group: 'ring' })
  // The latest month as it was known at the last visit: newer months and corrected values.
  const latest =
    summaries.status === 'success'
      ? summaries.data.summaries.reduce<string | null>(
          (max, s) => (!max || s.period > max ? s.period : max),
          null,
        )
      : null
  // Asked only when values were recorded since the last visit: else what was known then is today's.
  const earlier = useValuesKnownAt(
    lastVisit?.hasNewValues && latest ? { org: organisationId, period: latest, asOf: lastVisit.at } : null,
  )
  const classificationLabel = useClassificationLabel()
  const missingText = useMissingText()

  if (summaries.status === 'error') return <ErrorView error={summaries.error} onRetry={summaries.reload} />
  if (summaries.status === 'loading') return <Loading label={t('fig.start.loading')} />
  const list = summaries.data.summaries
  if (list.length === 0) return <Empty>{t('fig.start.none')}</Empty>
  const whatIsNew = (s: FigureSummaryDto): string | null => {
    if (!lastVisit?.hasNewValues || earlier.status !== 'success' || s.value === null) return null
    const old = earlier.data.get(s.figure.code) ?? null
    if (old === null) return t('fig.start.newMonth', { period: formatPeriod(locale, s.period) })
    if (Math.abs(old - s.value) > 1e-9) return t('fig.revised')
    return null
  }
  const format = (s: FigureSummaryDto, value: number) =>
    formatFixed(locale, value, figureDigits(s.figure.unit))
  const rows: TableRow[] = list.map((s) => ({
    code: s.figure.code,
    name: pick(locale, { de: s.figure.nameDe, en: s.figure.nameEn }),
    period: s.period,
    value: s.value,
    change: s.group.changeToPreviousYear,
    rank: s.group.rank === null || s.figure.polarity === 'context' ? null : `${s.group.rank} / ${s.group.n}`,
    context: s.context
      ? `${classificationLabel(s.context.classification)} (${t('fig.start.expectedShort', {
          expected: format(s, s.context.expected),
          lower: format(s, s.context.lower),
          upper: format(s, s.context.upper),
        })})`
      : null,
    status: s.value === null ? missingText(s.missing) : null,
    news: whatIsNew(s),
  }))
  const freshCount = rows.filter((r) => r.news !== null).length
  const headlines = HEADLINE_FIGURES.map((code) => list.find((s) => s.figure.code === code)).filter(
    (s): s is FigureSummaryDto => s !== undefined,
  )

  return (
    <>
      <p className="muted">
        {lastVisit === null
          ? t('fig.start.firstVisit')
          : !lastVisit.hasNewValues || earlier.status === 'success'
            ? t('fig.start.sinceVisit', {
                date: formatDateTime(locale, lastVisit.at),
                count: freshCount,
              })
            : t('fig.start.comparingVisit')}
      </p>
      <ul className="card-grid figure-cards" aria-labelledby={headingId}>
        {headlines.map((s) => {
          const judgement = judgeAgainstMedian(s.value, s.group.median, s.figure.polarity)
          const news = whatIsNew(s)
          return (
            <li key={s.figure.code} className={`card figure-card judged-${judgement}`}>
              <h3 className="card-title">
                <Link href={`/figures/${s.figure.code}`}>
                  {pick(locale, { de: s.figure.nameDe, en: s.figure.nameEn })}
                </Link>{' '}
                <code className="code-tag">{s.figure.code}</code>
              </h3>
              <p className="figure-value">
                {s.value === null ? (
                  <span className="missing-value">{missingText(s.missing)}</span>
                ) : (
                  <>
                    {withUnit(format(s, s.value), s.figure.unit)}
                    <SourceLabel source={s.source} />
                  </>
                )}
                <span className="muted"> · {formatPeriod(locale, s.period)}</span>{' '}
                <ConfidentialityTag confidentiality={s.figure.confidentiality} />
                {news && <span className="tag tag-new">{news}</span>}
              </p>
              <dl className="facts">
                {s.group.changeToPreviousYear !== null && (
                  <div>
                    <dt>{t('fig.start.change')}</dt>
                    <dd>
                      {withUnit(
                        signed(s.group.changeToPreviousYear, (v) => format(s, v)),
                        t('fig.points'),
                      )}
                    </dd>
                  </div>
                )}
                {s.group.rank !== null && s.figure.polarity !== 'context' && (
                  <div>
                    <dt>{t('fig.start.rankInRing')}</dt>
                    <dd>
                      {t('fig.rankOf', { rank: s.group.rank, n: s.group.n })} ·{' '}
                      {t(`fig.judgement.${judgement}`)}
                    </dd>
                  </div>
                )}
              </dl>
              <ContextVerdict summary={s} />
            </li>
          )
        })}
      </ul>
      <DataTable
        caption={t('fig.start.tableCaption')}
        columns={[
          { key: 'name', header: t('fig.figure') },
          { key: 'period', header: t('common.period') },
          { key: 'value', header: t('organisation.value'), type: 'number', digits: 1, isFixed: true },
          { key: 'change', header: t('fig.start.changeColumn'), type: 'number', digits: 1 },
          { key: 'rank', header: t('fig.start.rankInRing') },
          { key: 'context', header: t('fig.start.contextColumn') },
          { key: 'status', header: t('fig.missingColumn') },
          { key: 'news', header: t('fig.start.newsColumn') },
        ]}
        rows={rows}
        isSortable={false}
        renderCell={(row, column) => {
          if (column.key === 'name')
            return (
              <Link href={`/figures/${String(row.code)}`}>
                {String(row.name)} <span className="muted">({String(row.code)})</span>
              </Link>
            )
          if (column.key === 'period') return formatPeriod(locale, String(row.period))
          // A context figure has no better direction, so no rank: say so instead of a bare "–".
          if (
            column.key === 'rank' &&
            list.find((s) => s.figure.code === row.code)?.figure.polarity === 'context'
          )
            return <span className="muted">{t('fig.start.noRankContext')}</span>
          if (column.key === 'change' && typeof row.change === 'number')
            return signed(row.change, (v) => formatNumber(locale, v, 1))
          return undefined
        }}
      />
      <ContextExplainer />
    </>
  )
}

/** A panel with the official figures of one organisation and a link to the full figures. */
export function OfficialFiguresPanel({
  headingId,
  title,
  figuresHref,
  organisationId,
  lastVisit,
}: {
  headingId: string
  title: string
  figuresHref: string
  organisationId: number
  lastVisit: LastVisit | null
}) {
  const { t } = useI18n()
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{title}</h2>
        <div className="panel-actions">
          <Link className="button secondary small" href={figuresHref}>
            {t('fig.profile.toFigures')}
          </Link>
        </div>
      </div>
      <OfficialFigures organisationId={organisationId} lastVisit={lastVisit} headingId={headingId} />
    </section>
  )
}

/** The start page's panel: the official figures of the person's own job centre. */
export function StartFigures({
  organisationId,
  lastVisit,
}: {
  organisationId: number
  lastVisit: LastVisit | null
}) {
  const { t } = useI18n()
  return (
    <OfficialFiguresPanel
      headingId="start-figures-heading"
      title={t('fig.start.title')}
      figuresHref="/figures/K2"
      organisationId={organisationId}
      lastVisit={lastVisit}
    />
  )
}
