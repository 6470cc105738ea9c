import { lazy, Suspense, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import type {
  AnswerSheetDto,
  CycleDto,
  SelfAssessmentComparisonDto,
} from '../../../src/contracts/self-assessment'
import { saveAnswers, useAnswerSheet, useCycles, useSelfAssessmentComparison } from '../api/benchlearning'
import { useSession } from '../api/resources'
import { can } from '../app/access'
import { navigate, readSearchParams, withSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import { ActionError, todayIso, useAction } from '../components/benchlearning/common'
import { ChartPanel } from '../components/chart-panel'
import type { ChartsLoader } from '../components/echart'
import { Page } from '../components/page'
import { Empty, Loading, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { RingFilter, useRingChoice } from '../components/ring-filter'
import { ToggleButton } from '../components/toggle-button'
import { useI18n, useTexts } from '../i18n/i18n'
import { benchlearningTexts } from '../i18n/benchlearning-texts'
import { formatDate, formatNumber, pick } from '../i18n/translate'
import { PALETTE } from '../lib/chart-options'
import { cycleStatus } from '../lib/cycle-dates'
import { SelectField } from '../components/form-field'
import { TableScroll } from '../components/table-scroll'

/** The comparison is a radar chart: its ECharts parts are loaded by this page only. */
const loadRadarCharts: ChartsLoader = () => import('../components/echarts-radar-setup')
/** Opening and closing cycles: loaded on the click that shows it (moderators and administrators). */
const CycleManager = lazy(() => import('../components/benchlearning/cycle-manager'))

/**
 * Selbstbewertung: fill in the questionnaire of a cycle (a maturity level per enabler area, with
 * the level descriptions and an evidence note), and compare within the ring (radar, gaps to the
 * best, change since the last cycle).
 */
export default function SelfAssessmentPage({ location }: PageProps) {
  useTexts(benchlearningTexts)
  const { t, locale } = useI18n()
  const cycles = useCycles()
  const params = readSearchParams(location)
  return (
    <Page title={t('selfAssessment.title')} intro={t('selfAssessment.intro')}>
      <QueryView query={cycles}>
        {(data) => {
          const sorted = [...data.cycles].sort((a, b) => b.startsOn.localeCompare(a.startsOn))
          const cycle = sorted.find((c) => c.code === params.get('cycle')) ?? sorted[0]
          const manager = <ManageCycles cycle={cycle} location={location} />
          if (!cycle)
            return (
              <>
                <Empty>{t('selfAssessment.noCycles')}</Empty>
                {manager}
              </>
            )
          return (
            <>
              <div className="toolbar">
                <SelectField
                  id="cycle"
                  label={t('selfAssessment.cycle')}
                  value={cycle.code}
                  onChange={(value) =>
                    navigate(withSearchParams(location, { cycle: value }), { replace: true })
                  }
                >
                  {sorted.map((c) => (
                    <option key={c.id} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </SelectField>
                <p className="muted">
                  {formatDate(locale, cycle.startsOn)} – {formatDate(locale, cycle.endsOn)} ·{' '}
                  <span className="status-badge">
                    {t(`selfAssessment.status.${cycleStatus(cycle, todayIso())}`)}
                  </span>{' '}
                  · {t('selfAssessment.respondents', { count: cycle.respondentCount })}
                </p>
              </div>
              {manager}
              <Comparison cycle={cycle} location={location} />
              <Questionnaire key={cycle.id} cycle={cycle} />
            </>
          )
        }}
      </QueryView>
    </Page>
  )
}

/** The button that shows the cycle manager, for those whose session may manage cycles. */
function ManageCycles({ cycle, location }: { cycle: CycleDto | undefined; location: string }) {
  const { t } = useI18n()
  const session = useSession()
  const [isOpen, setIsOpen] = useState(false)
  if (!can(session.data, 'manageSelfAssessment')) return null
  return (
    <>
      <div className="button-row">
        <ToggleButton isOpen={isOpen} controls="cycle-manager" onToggle={setIsOpen}>
          {t('cycles.title')}
        </ToggleButton>
      </div>
      <div id="cycle-manager">
        {isOpen && (
          <Suspense fallback={<Loading />}>
            <CycleManager
              cycle={cycle}
              onOpened={(code) => navigate(withSearchParams(location, { cycle: code }), { replace: true })}
            />
          </Suspense>
        )}
      </div>
    </>
  )
}

function Questionnaire({ cycle }: { cycle: CycleDto }) {
  const { t } = useI18n()
  const session = useSession()
  // Job centres answer; accounts of the network (moderation, administration) have none to answer for.
  const hasOrganisation =
    session.data?.kind === 'signed-in' && session.data.session.user.organisationId !== null
  const sheet = useAnswerSheet(hasOrganisation ? cycle.id : null)
  return (
    <section className="panel" aria-labelledby="questionnaire-heading">
      <h2 id="questionnaire-heading">{t('selfAssessment.questionnaire')}</h2>
      {hasOrganisation ? (
        <QueryView query={sheet}>
          {(data) => <AnswerForm key={data.organisation.id} cycle={cycle} sheet={data} />}
        </QueryView>
      ) : (
        <Empty>{t('selfAssessment.noOrganisation')}</Empty>
      )}
    </section>
  )
}

function AnswerForm({ cycle, sheet }: { cycle: CycleDto; sheet: AnswerSheetDto }) {
  const { t, locale } = useI18n()
  const action = useAction()
  const [isSaved, setIsSaved] = useState(false)
  const [answers, setAnswers] = useState(
    () =>
      new Map(
        sheet.answers.map((a) => [
          a.areaCode,
          { score: a.score as number | null, evidenceNote: a.evidenceNote },
        ]),
      ),
  )
  const set = (code: string, change: { score?: number; evidenceNote?: string }) => {
    setIsSaved(false)
    setAnswers((before) => {
      const next = new Map(before)
      const current = next.get(code) ?? { score: null, evidenceNote: '' }
      next.set(code, { ...current, ...change })
      return next
    })
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const filled = [...answers.entries()]
      .filter(([, a]) => a.score !== null)
      .map(([areaCode, a]) => ({ areaCode, score: a.score!, evidenceNote: a.evidenceNote }))
    if (await action.run(() => saveAnswers(cycle.id, { answers: filled }))) setIsSaved(true)
  }
  const answered = [...answers.values()].filter((a) => a.score !== null).length
  return (
    <form className="form" onSubmit={submit}>
      <p className="hint">
        {t('selfAssessment.for', { name: sheet.organisation.name })} ·{' '}
        {t('selfAssessment.answered', { count: answered, total: cycle.areas.length })}
        {!sheet.canEdit && ` · ${t('selfAssessment.readOnly')}`}
      </p>
      <div className="area-grid">
        {cycle.areas.map((area) => {
          const answer = answers.get(area.code)
          return (
            <fieldset key={area.code} className="panel" disabled={!sheet.canEdit}>
              <legend>
                <strong>{pick(locale, { de: area.nameDe, en: area.nameEn })}</strong>
              </legend>
              <p className="hint">{pick(locale, { de: area.descriptionDe, en: area.descriptionEn })}</p>
              <div className="scale-options" role="radiogroup" aria-label={t('selfAssessment.level')}>
                {cycle.scale.levels.map((level) => (
                  <label key={level.level}>
                    <input
                      type="radio"
                      name={`score-${area.code}`}
                      value={level.level}
                      checked={answer?.score === level.level}
                      onChange={() => set(area.code, { score: level.level })}
                    />
                    <span className="level-label">
                      {level.level} · {pick(locale, { de: level.labelDe, en: level.labelEn })}
                    </span>
                    <span className="muted">
                      {pick(locale, { de: level.descriptionDe, en: level.descriptionEn })}
                    </span>
                  </label>
                ))}
              </div>
              <div className="field">
                <label htmlFor={`evidence-${area.code}`}>{t('selfAssessment.evidence')}</label>
                <textarea
                  id={`evidence-${area.code}`}
                  rows={2}
                  value={answer?.evidenceNote ?? ''}
                  onChange={(e) => set(area.code, { evidenceNote: e.target.value })}
                />
              </div>
            </fieldset>
          )
        })}
      </div>
      <ActionError error={action.error} />
      {sheet.canEdit && (
        <div className="button-row">
          <button type="submit" className="button primary" disabled={action.isBusy || answered === 0}>
            {t('selfAssessment.save')}
          </button>
          {isSaved && (
            <span role="status" className="muted">
              {t('selfAssessment.saved')}
            </span>
          )}
        </div>
      )}
    </form>
  )
}

function Comparison({ cycle, location }: { cycle: CycleDto; location: string }) {
  const { t } = useI18n()
  const { rings, choices, ring: chosen } = useRingChoice(location)
  const ring = chosen ?? choices[0]?.code ?? ''
  const comparison = useSelfAssessmentComparison(ring ? { ring, cycle: cycle.code } : null)
  return (
    <section aria-labelledby="comparison-heading">
      <div className="toolbar">
        <h2 id="comparison-heading">{t('selfAssessment.comparison')}</h2>
        {choices.length > 1 && (
          <RingFilter
            id="compare-ring"
            label={t('meetings.ring')}
            location={location}
            value={ring}
            choices={choices}
          />
        )}
      </div>
      {!ring ? (
        rings.status === 'success' ? (
          <Empty>{t('selfAssessment.noRing')}</Empty>
        ) : (
          <QueryView query={rings}>{() => null}</QueryView>
        )
      ) : (
        <QueryView query={comparison}>{(data) => <ComparisonView data={data} />}</QueryView>
      )}
    </section>
  )
}

function seriesNames(t: ReturnType<typeof useI18n>['t'], data: SelfAssessmentComparisonDto) {
  return {
    own: data.focus?.name ?? t('selfAssessment.own'),
    mean: t('selfAssessment.mean'),
    best: t('selfAssessment.best'),
    previous: t('selfAssessment.previous', { cycle: data.previousCycle?.code ?? '' }),
  }
}

const SERIES_COLOURS = {
  own: PALETTE.accent,
  mean: PALETTE.primary,
  best: '#2f7d4f',
  previous: PALETTE.muted,
}

function ComparisonView({ data }: { data: SelfAssessmentComparisonDto }) {
  const { t, locale } = useI18n()
  const names = seriesNames(t, data)
  const shown = data.radar.series.filter((s) => s.values.some((v) => v !== null))
  const option = useMemo<EChartsCoreOption>(() => {
    const labels = seriesNames(t, data)
    return {
      animation: false,
      tooltip: { trigger: 'item' },
      radar: {
        indicator: data.radar.indicators.map((i) => {
          const area = data.areas.find((a) => a.code === i.code)
          return {
            name: area ? pick(locale, { de: area.name, en: area.nameEn }) : i.name,
            min: i.min,
            max: i.max,
          }
        }),
        radius: '62%',
        axisName: { color: '#3d4a57', fontSize: 12 },
        splitNumber: data.scale.max - data.scale.min,
      },
      series: [
        {
          type: 'radar',
          data: data.radar.series
            .filter((s) => s.values.some((v) => v !== null))
            .map((s) => ({
              name: labels[s.key],
              value: s.values.map((v) => v ?? 0),
              lineStyle: {
                color: SERIES_COLOURS[s.key],
                width: s.key === 'own' ? 3 : 2,
                type: s.key === 'previous' ? 'dashed' : 'solid',
              },
              itemStyle: { color: SERIES_COLOURS[s.key] },
              areaStyle: s.key === 'own' ? { color: 'rgba(194, 65, 12, 0.12)' } : undefined,
            })),
        },
      ],
    }
  }, [data, locale, t])
  const fmt = (v: number | null) => (v === null ? null : Number(v.toFixed(2)))
  const rows: TableRow[] = data.areas.map((a) => ({
    area: pick(locale, { de: a.name, en: a.nameEn }),
    score: a.score,
    mean: fmt(a.mean),
    best: a.best,
    gap: a.gapToBest,
    previous: a.previousScore,
    change: a.change,
  }))
  const columns = [
    { key: 'area', header: t('selfAssessment.area') },
    { key: 'score', header: t('selfAssessment.ownScore'), type: 'number' as const, digits: 0 },
    { key: 'mean', header: t('selfAssessment.mean'), type: 'number' as const, digits: 1 },
    { key: 'best', header: t('selfAssessment.best'), type: 'number' as const, digits: 0 },
    { key: 'gap', header: t('selfAssessment.gap'), type: 'number' as const, digits: 0 },
    { key: 'previous', header: names.previous, type: 'number' as const, digits: 0 },
    { key: 'change', header: t('selfAssessment.change'), type: 'number' as const, digits: 0 },
  ]
  const largestGap = [...data.areas]
    .filter((a) => a.gapToBest !== null)
    .sort((a, b) => b.gapToBest! - a.gapToBest!)[0]
  return (
    <div className="stack">
      {!data.isPreviousComparable && data.previousCycle && (
        <p className="hint">{t('selfAssessment.notComparable')}</p>
      )}
      <ChartPanel
        title={t('selfAssessment.radarTitle', { ring: data.ring.name, cycle: data.cycle.name })}
        summary={t('selfAssessment.radarSummary', {
          name: names.own,
          area: largestGap ? pick(locale, { de: largestGap.name, en: largestGap.nameEn }) : '–',
          gap:
            largestGap?.gapToBest !== null && largestGap
              ? formatNumber(locale, largestGap.gapToBest!, 0)
              : '–',
        })}
        option={option}
        table={{ columns, rows }}
        fileName={`selbstbewertung-${data.ring.code}-${data.cycle.code}`}
        height={420}
        loadCharts={loadRadarCharts}
        legend={
          <p className="item-meta">
            {shown.map((s) => (
              <span key={s.key} className="legend-item">
                <span className="swatch" style={{ background: SERIES_COLOURS[s.key] }} aria-hidden="true" />{' '}
                {names[s.key]}
              </span>
            ))}
          </p>
        }
      />
      <TablePanel
        id="gaps-heading"
        title={t('selfAssessment.gapsTitle')}
        footer={<p className="hint">{t('selfAssessment.gapHint')}</p>}
      >
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.type === 'number' ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.areas.map((a) => (
            <tr key={a.code}>
              <th scope="row">{pick(locale, { de: a.name, en: a.nameEn })}</th>
              <td className="numeric">{a.score ?? '–'}</td>
              <td className="numeric">{a.mean === null ? '–' : formatNumber(locale, a.mean, 1)}</td>
              <td className="numeric">{a.best ?? '–'}</td>
              <td className="numeric">
                {a.gapToBest === null
                  ? '–'
                  : a.gapToBest === 0
                    ? t('selfAssessment.atBest')
                    : `−${a.gapToBest}`}
              </td>
              <td className="numeric">{a.previousScore ?? '–'}</td>
              <td className="numeric">
                {a.change === null
                  ? '–'
                  : a.change > 0
                    ? `+${a.change}`
                    : a.change < 0
                      ? `−${-a.change}`
                      : '±0'}
              </td>
            </tr>
          ))}
        </tbody>
      </TablePanel>
      {data.members.length > 0 && (
        <TablePanel id="members-heading" title={t('selfAssessment.membersTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('selfAssessment.organisation')}</th>
              {data.areas.map((a) => (
                <th key={a.code} scope="col" className="numeric">
                  {pick(locale, { de: a.name, en: a.nameEn })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.organisation.id} className={m.organisation.isOwn ? 'highlighted' : undefined}>
                <th scope="row">{m.organisation.name}</th>
                {data.areas.map((a) => (
                  <td key={a.code} className="numeric">
                    {m.scores[a.code] ?? '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </TablePanel>
      )}
    </div>
  )
}

/** A panel with a heading and a table that scrolls sideways on narrow screens. */
function TablePanel({
  id,
  title,
  footer,
  children,
}: {
  id: string
  title: string
  footer?: ReactNode
  children: ReactNode
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <TableScroll label={title}>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          {children}
        </table>
      </TableScroll>
      {footer}
    </section>
  )
}
