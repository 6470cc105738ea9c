/**
 * The effect check of one adoption in plain words: per linked key figure the difference-in-
 * differences against the ring peers with its interval, drawn as a bar around zero, the monthly
 * series of the adopter and the peers' mean, and always the caveat "Hinweis, kein Beweis".
 */
import { useMemo } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import type { FigureEffectDto } from '../../../../src/contracts/practices'
import { useEffectCheck } from '../../api/benchlearning'
import { useI18n } from '../../i18n/i18n'
import { formatNumber, formatPeriodShort, formatSigned, pick } from '../../i18n/translate'
import { PALETTE } from '../../lib/chart-options'
import { EChart } from '../echart'
import { SourceLabel } from '../figures/source-label'
import { QueryView } from '../state-views'

export function EffectCheck({ effectUrl, adopter }: { effectUrl: string; adopter: string }) {
  const { t, locale } = useI18n()
  const check = useEffectCheck(effectUrl)
  return (
    <QueryView query={check} loadingLabel={t('effect.loading')}>
      {(data) => (
        <div className="stack">
          <p className="caveat" role="note">
            {pick(locale, data.caveat)}
          </p>
          {data.figures.length === 0 && <p className="muted">{t('effect.noFigures')}</p>}
          {data.figures.map((figure) => (
            <FigureEffect key={figure.figureCode} figure={figure} adopter={adopter} />
          ))}
        </div>
      )}
    </QueryView>
  )
}

function FigureEffect({ figure, adopter }: { figure: FigureEffectDto; adopter: string }) {
  const { t, locale } = useI18n()
  const name = pick(locale, { de: figure.nameDe, en: figure.nameEn })
  const pp = (value: number | null) => (value === null ? '–' : formatSigned(locale, value, 1))
  return (
    <div className={`effect-box ${figure.direction ?? 'unclear'}`}>
      <h4>
        {name} <code className="code-tag">{figure.figureCode}</code>
        <SourceLabel source={figure.source} />
      </h4>
      <p>{pick(locale, figure.wording)}</p>
      {figure.isEstimated && figure.estimate !== null && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('effect.estimate')}</dt>
              <dd>{t('effect.points', { value: pp(figure.estimate) })}</dd>
            </div>
            <div>
              <dt>{t('effect.interval', { confidence: Math.round(figure.confidence * 100) })}</dt>
              <dd>
                {pp(figure.lower)} … {pp(figure.upper)}
              </dd>
            </div>
            <div>
              <dt>{t('effect.adopterChange')}</dt>
              <dd>{t('effect.points', { value: pp(figure.adopterChange) })}</dd>
            </div>
            <div>
              <dt>{t('effect.peerChange', { count: figure.peerCount })}</dt>
              <dd>{t('effect.points', { value: pp(figure.peerMeanChange) })}</dd>
            </div>
          </dl>
          <IntervalBar figure={figure} />
        </>
      )}
      <p className="item-meta">
        {t('effect.windows', {
          before: `${formatPeriodShort(figure.window.beforeFrom)}–${formatPeriodShort(figure.window.beforeTo)}`,
          after: `${formatPeriodShort(figure.window.afterFrom)}–${formatPeriodShort(figure.window.afterTo)}`,
        })}
      </p>
      {figure.series.length > 0 && <EffectChart figure={figure} adopter={adopter} name={name} />}
    </div>
  )
}

/** The interval on a symmetric axis around zero; the side of "better" depends on the polarity. */
function IntervalBar({ figure }: { figure: FigureEffectDto }) {
  const { t } = useI18n()
  if (figure.lower === null || figure.upper === null || figure.estimate === null) return null
  const reach = Math.max(Math.abs(figure.lower), Math.abs(figure.upper), 0.1) * 1.15
  const at = (value: number) => `${50 + (value / reach) * 50}%`
  const isLowerBetter = figure.polarity === 'lower_is_better'
  return (
    <div>
      <div
        className="interval-bar"
        style={
          isLowerBetter
            ? { background: 'linear-gradient(90deg, #d3ecdc 0 50%, #f4d3d0 50% 100%)' }
            : figure.polarity === 'context'
              ? { background: '#e3e8ee' }
              : undefined
        }
        aria-hidden="true"
      >
        <span className="zero" />
        <span
          className="range"
          style={{ left: at(figure.lower), width: `${((figure.upper - figure.lower) / reach) * 50}%` }}
        />
        <span className="point" style={{ left: at(figure.estimate) }} />
      </div>
      <p className="item-meta">
        {figure.polarity === 'context'
          ? t('effect.barContext')
          : isLowerBetter
            ? t('effect.barLowerBetter')
            : t('effect.barHigherBetter')}
      </p>
    </div>
  )
}

function EffectChart({ figure, adopter, name }: { figure: FigureEffectDto; adopter: string; name: string }) {
  const { t, locale } = useI18n()
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatNumber(locale, value, 1) },
      xAxis: {
        type: 'category',
        data: figure.series.map((p) => formatPeriodShort(p.period)),
        axisLabel: { color: '#3d4a57' },
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { color: '#3d4a57', formatter: (value: number) => formatNumber(locale, value, 1) },
      },
      series: [
        {
          name: adopter,
          type: 'line',
          data: figure.series.map((p) => p.adopter),
          color: PALETTE.accent,
          showSymbol: false,
          // The marker sits at the adoption's start month; the after window begins three months later.
          markLine: {
            symbol: 'none',
            label: { formatter: t('effect.start') },
            lineStyle: { color: PALETTE.median, type: 'dashed' },
            data: [{ xAxis: formatPeriodShort(figure.window.start) }],
          },
        },
        {
          name: t('effect.peerMean'),
          type: 'line',
          data: figure.series.map((p) => p.peerMean),
          color: PALETTE.primary,
          showSymbol: false,
        },
      ],
    }),
    [figure, adopter, t, locale],
  )
  return (
    <div>
      <EChart option={option} height={220} summary={t('effect.chartSummary', { figure: name, adopter })} />
      <p className="item-meta">
        <span className="legend-item">
          <span className="swatch" style={{ background: PALETTE.accent }} aria-hidden="true" /> {adopter}
        </span>
        <span className="legend-item">
          <span className="swatch" style={{ background: PALETTE.primary }} aria-hidden="true" />{' '}
          {t('effect.peerMean')}
        </span>
      </p>
    </div>
  )
}
