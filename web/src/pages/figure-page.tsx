import { Suspense, lazy } from 'react'
import type { FigureDto } from '../../../src/contracts/kpi'
import type { OrganisationDto } from '../../../src/contracts/organisations'
import { ApiError } from '../api/client'
import { useFigureCatalogue, useFigureSummary, useGroupStatistics, type FigureQuery } from '../api/figures'
import { useOrganisations, useSession } from '../api/resources'
import { lastVisitOf, type LastVisit } from '../../../src/core/first-load/first-load-calls'
import { Link, navigate, readSearchParams, withSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import { ConfidentialityTag, PolarityTag } from '../components/figure-parts'
import { GroupResult } from '../components/figures/group-result'
import { SelectField } from '../components/form-field'
import { FigureFormula, useFormulaNames } from '../components/figure-formula'
import { FigureReconciliation } from '../components/published/figure-reconciliation'
import { BreakdownField, GroupControls, OwnMarkedField } from '../components/groups/group-controls'
import { Page } from '../components/page'
import { Empty, ErrorView, Loading, QueryView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages'
import { pick } from '../i18n/translate'
import { GROUP_KINDS, isGroupKind, type GroupKind } from '../lib/figures'

/** Results of the network's data collections that belong with the figure (issue 13). */
const FigureCollectionResults = lazy(() => import('../components/collections/figure-collection-results'))

const DEFAULT_FIGURE = 'K2'

const GROUP_LABELS: Record<GroupKind, MessageKey> = {
  ring: 'fig.group.ring',
  all: 'fig.group.all',
  type: 'fig.group.type',
  neighbours: 'fig.group.neighbours',
  comparison_type: 'fig.group.comparisonType',
}

/**
 * One key figure across a group: the switch between ring, network, type and nearest neighbours; bars
 * with the median and the middle half coloured by the figure's polarity; the members over time; the
 * numbers with numerator, denominator, rank and revision marks; expected vs actual; and who does it
 * better. The selection lives in the address, so a view can be bookmarked and shared.
 */
export default function FigurePage({ params, location }: PageProps) {
  const { t } = useI18n()
  const catalogue = useFigureCatalogue()
  const organisations = useOrganisations()
  return (
    <QueryView query={catalogue}>
      {(data) => {
        const figure =
          data.figures.find((f) => f.code === (params.code ?? DEFAULT_FIGURE)) ??
          data.figures.find((f) => f.code === DEFAULT_FIGURE) ??
          data.figures[0]
        if (!figure)
          return (
            <Page title={t('fig.title')}>
              <Empty>{t('fig.noFigures')}</Empty>
            </Page>
          )
        return (
          <QueryView query={organisations}>
            {(orgs) => (
              <FigureView
                figure={figure}
                figures={data.figures}
                organisations={orgs.organisations.filter((o) => o.id > 0 && !o.isPseudonymised)}
                location={location}
              />
            )}
          </QueryView>
        )
      }}
    </QueryView>
  )
}

function FigureView({
  figure,
  figures,
  organisations,
  location,
}: {
  figure: FigureDto
  figures: FigureDto[]
  organisations: OrganisationDto[]
  location: string
}) {
  const { t, locale } = useI18n()
  const session = useSession()
  const signedIn = session.data?.kind === 'signed-in' ? session.data.session : null
  const ownId = signedIn?.user.organisationId ?? null
  const search = readSearchParams(location)
  const requestedOrg = Number(search.get('org'))
  const organisation =
    organisations.find((o) => o.id === requestedOrg) ??
    organisations.find((o) => o.id === ownId) ??
    organisations.find((o) => o.ring !== null) ??
    organisations[0]
  const requestedGroup = search.get('group')
  const group: GroupKind = isGroupKind(requestedGroup) ? requestedGroup : 'ring'
  const breakdown = figure.breakdowns.includes(search.get('breakdown') ?? '')
    ? search.get('breakdown')!
    : 'total'
  const change = (changes: Record<string, string | undefined>) =>
    navigate(withSearchParams(location, changes), { replace: true })
  const name = pick(locale, { de: figure.current.nameDe, en: figure.current.nameEn })
  const nameOf = useFormulaNames()
  const path = location.split('?')[0]!
  const query = location.includes('?') ? location.slice(location.indexOf('?')) : ''

  return (
    <Page
      title={`${name} (${figure.code})`}
      intro={pick(locale, { de: figure.current.explanationDe, en: figure.current.explanationEn })}
      actions={
        <Link className="button secondary" href="/compare">
          {t('fig.rawComparison')}
        </Link>
      }
    >
      <p className="figure-facts">
        <PolarityTag polarity={figure.current.polarity} />{' '}
        <ConfidentialityTag confidentiality={figure.current.confidentiality} />{' '}
        <Link href={`/catalogue#figure-${figure.code}`}>{t('fig.toCatalogue')}</Link>
      </p>
      <FigureFormula figure={figure} nameOf={nameOf} />
      <GroupControls label={t('fig.controls')}>
        <SelectField
          id="figure-code"
          label={t('fig.figure')}
          value={figure.code}
          onChange={(code) =>
            navigate(`/figures/${code}${withSearchParams(query, { breakdown: undefined })}`, {
              replace: true,
            })
          }
        >
          {figures.map((f) => (
            <option key={f.code} value={f.code}>
              {f.code} – {pick(locale, { de: f.current.nameDe, en: f.current.nameEn })}
            </option>
          ))}
        </SelectField>
        {(ownId === null || organisations.length > 1) && organisation && (
          <OwnMarkedField
            id="figure-org"
            label={t('fig.organisation')}
            items={organisations}
            value={organisation.id}
            ownId={ownId}
            ownText={t('fig.own')}
            onChange={(id) => change({ org: id })}
          />
        )}
        <BreakdownField
          id="figure-breakdown"
          breakdowns={figure.breakdowns}
          value={breakdown}
          onChange={(b) => change({ breakdown: b })}
        />
        <fieldset className="field segmented">
          <legend>{t('fig.groupSwitch')}</legend>
          <div className="segmented-options">
            {GROUP_KINDS.map((kind) => (
              <label key={kind} className={kind === group ? 'is-selected' : undefined}>
                <input
                  type="radio"
                  name="figure-group"
                  value={kind}
                  checked={kind === group}
                  onChange={() => change({ group: kind })}
                />
                {t(GROUP_LABELS[kind])}
              </label>
            ))}
          </div>
        </fieldset>
      </GroupControls>
      {organisation ? (
        <GroupView
          key={`${path}:${organisation.id}:${group}:${breakdown}`}
          figure={figure}
          figureName={name}
          organisation={organisation}
          group={group}
          breakdown={breakdown}
          lastVisit={lastVisitOf(signedIn)}
        />
      ) : (
        <Empty>{t('fig.noOrganisation')}</Empty>
      )}
      <FigureReconciliation code={figure.code} breakdown={breakdown} />
      <Suspense fallback={null}>
        <FigureCollectionResults figureCode={figure.code} />
      </Suspense>
    </Page>
  )
}

function GroupView({
  figure,
  figureName,
  organisation,
  group,
  breakdown,
  lastVisit,
}: {
  figure: FigureDto
  figureName: string
  organisation: OrganisationDto
  group: GroupKind
  breakdown: string
  lastVisit: LastVisit | null
}) {
  const { t } = useI18n()
  const query: FigureQuery = { figure: figure.code, org: organisation.id, group, breakdown }
  const statistics = useGroupStatistics(query)
  const summary = useFigureSummary(query)
  if (statistics.status === 'loading') return <Loading />
  if (statistics.status === 'error') {
    const error = statistics.error
    if (error instanceof ApiError && error.status === 404 && group !== 'ring')
      return <Empty>{t(group === 'type' ? 'fig.group.typeUnavailable' : 'fig.group.unavailable')}</Empty>
    return <ErrorView error={error} onRetry={statistics.reload} />
  }
  return (
    <GroupResult
      figure={figure}
      figureName={figureName}
      organisation={organisation}
      statistics={statistics.data}
      summary={summary.status === 'success' ? summary.data : null}
      query={query}
      lastVisit={lastVisit}
    />
  )
}
