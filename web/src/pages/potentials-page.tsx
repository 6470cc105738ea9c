import { useState } from 'react'
import type { FigurePotentialDto, PotentialsDto } from '../../../src/contracts/potentials'
import { COUNCIL_SECTIONS, type CouncilSection } from '../../../src/core/benchlearning/council-sections'
import type { TranslatedGap } from '../../../src/core/benchlearning/improvement-potential'
import {
  describeAmount,
  describeExpectedTarget,
  describePeerTarget,
  describePooledEffect,
  describeRange,
} from '../../../src/core/benchlearning/describe-potential'
import { downloadFile, tryPractice } from '../api/benchlearning'
import { councilReportPath, usePotentials, type PotentialGroup } from '../api/potentials'
import { useSession } from '../api/resources'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import { ActionError, useAction } from '../components/benchlearning/common'
import { SourceLabel } from '../components/figures/source-label'
import { SelectField } from '../components/form-field'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import { useI18n, useTexts } from '../i18n/i18n'
import { learningTexts } from '../i18n/learning-texts'
import type { MessageKey } from '../i18n/messages'
import { formatPercent, formatPeriod, pick } from '../i18n/translate'
import { organisationName } from '../lib/labels'

const GROUPS: readonly PotentialGroup[] = ['ring', 'type', 'neighbours']

/**
 * Verbesserungspotenziale: the member's organisation (or ?org=) per figure — the gap to the expected
 * value and to the better peers in people or euros, the better peers, their practice cards with the
 * pooled effect of adoptions, "we want to try this" (a topic proposal), and the council report.
 */
export default function PotentialsPage({ location }: PageProps) {
  useTexts(learningTexts)
  const { t, locale } = useI18n()
  const session = useSession()
  const [group, setGroup] = useState<PotentialGroup>('ring')
  const asked = new URLSearchParams(location.split('?')[1] ?? '').get('org')
  const own = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  const org = asked ?? (own === null ? null : String(own))
  const potentials = usePotentials(org, group)
  return (
    <Page title={t('learning.title')} intro={t('learning.intro')}>
      {org === null ? (
        <Empty>{t('learning.noOrganisation')}</Empty>
      ) : (
        <>
          <div className="toolbar">
            <SelectField
              id="potentials-group"
              label={t('learning.group')}
              value={group}
              onChange={(value) => setGroup(GROUPS.find((g) => g === value) ?? 'ring')}
            >
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`learning.group.${g}` as MessageKey)}
                </option>
              ))}
            </SelectField>
          </div>
          <QueryView query={potentials}>
            {(data) => (
              <>
                <p className="hint">
                  {data.organisation.name} ·{' '}
                  {t('learning.period', { period: formatPeriod(locale, data.period) })}
                </p>
                {data.potentials.length === 0 && <Empty>{t('learning.none')}</Empty>}
                {data.potentials.map((p) => (
                  <PotentialPanel key={p.figure.code} potential={p} data={data} />
                ))}
                <CouncilReportForm org={org} period={data.period} />
              </>
            )}
          </QueryView>
        </>
      )}
    </Page>
  )
}

function PotentialPanel({ potential: p, data }: { potential: FigurePotentialDto; data: PotentialsDto }) {
  const { t, locale } = useI18n()
  const percent = (value: number) => formatPercent(locale, value)
  const amount = (gap: TranslatedGap | null) => (gap ? describeAmount(locale, gap) : t('learning.noAmount'))
  const headingId = `potential-${p.figure.code}`
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {p.figure.code} {pick(locale, { de: p.figure.nameDe, en: p.figure.nameEn })}
      </h2>
      <p className="muted">{t(`learning.tier.${p.tier}` as MessageKey)}</p>
      <dl className="facts wide">
        <div>
          <dt>{t('learning.actual')}</dt>
          <dd>
            {percent(p.actual)}
            <SourceLabel source={p.source} />
          </dd>
        </div>
        {p.toExpected && (
          <div>
            <dt>
              {describeExpectedTarget(locale)} ({percent(p.toExpected.target)})
            </dt>
            <dd>
              {amount(p.toExpected.translated)}
              {p.toExpected.translatedRange &&
                `; ${describeRange(locale, p.toExpected.translatedRange, p.toExpected.translated?.isMoney ?? false)}`}
            </dd>
          </div>
        )}
        {p.toPeers && (
          <div>
            <dt>
              {describePeerTarget(locale, p.toPeers.kind, p.toPeers.group)} ({percent(p.toPeers.target)})
            </dt>
            <dd>{amount(p.toPeers.translated)}</dd>
          </div>
        )}
      </dl>
      {p.disclosure.level !== 'full' && <p className="hint">{t('learning.withheld')}</p>}
      <h3>{t('learning.betterPeers')}</h3>
      {p.betterPeers.length === 0 ? (
        <p className="muted">{t('learning.noBetterPeers')}</p>
      ) : (
        <ul>
          {p.betterPeers.map((peer) => (
            <li key={peer.id}>
              {peer.name}: {percent(peer.value)}
              <SourceLabel source={peer.source} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('learning.evidence')}</h3>
      {p.evidence.length === 0 ? (
        <p className="muted">{t('learning.noEvidence')}</p>
      ) : (
        <ul className="plain-list">
          {p.evidence.map((e) => (
            <li key={e.practice.id}>
              <Link href={`/practices/${e.practice.id}`}>{e.practice.title}</Link> ·{' '}
              {organisationName(locale, e.practice.organisation)}
              {e.isFromBetterPeer && <strong> · {t('learning.fromBetterPeer')}</strong>}
              <br />
              <span className="muted">
                {t('learning.adoptions', { count: e.adoptionsVisible })} ·{' '}
                {e.pooledEffect ? describePooledEffect(locale, e.pooledEffect) : t('learning.noEffect')}
              </span>
              <TryPractice practice={e.practice} ringId={data.ringId} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function TryPractice({
  practice,
  ringId,
}: {
  practice: FigurePotentialDto['evidence'][number]['practice']
  ringId: number | null
}) {
  const { t } = useI18n()
  const action = useAction()
  const [isProposed, setIsProposed] = useState(false)
  if (ringId === null) return null
  const propose = () =>
    void action.run(() => tryPractice(practice.id)).then((isDone) => setIsProposed(isDone))
  return (
    <div className="button-row">
      {isProposed ? (
        <span role="status">
          {t('learning.tried')} <Link href="/topics">{t('learning.toTopics')}</Link> ·{' '}
          <Link href={`/practices/${practice.id}`}>{t('learning.adopt')}</Link>
        </span>
      ) : (
        <button type="button" className="button secondary small" disabled={action.isBusy} onClick={propose}>
          {t('learning.try')}
        </button>
      )}
      <ActionError error={action.error} />
    </div>
  )
}

function CouncilReportForm({ org, period }: { org: string; period: string }) {
  const { t, locale } = useI18n()
  const action = useAction()
  const [sections, setSections] = useState<CouncilSection[]>([...COUNCIL_SECTIONS])
  const [lang, setLang] = useState<'de' | 'en'>(locale)
  const [isDone, setIsDone] = useState(false)
  const toggle = (section: CouncilSection) =>
    setSections((current) => COUNCIL_SECTIONS.filter((s) => (s === section) !== current.includes(s)))
  const download = (format: 'pdf' | 'pptx') => {
    setIsDone(false)
    void action
      .run(() =>
        downloadFile(
          councilReportPath({ org, format, lang, period, sections }),
          `${lang === 'de' ? 'bericht' : 'report'}-${org}-${period}.${format}`,
        ),
      )
      .then(setIsDone)
  }
  const isBlocked = action.isBusy || sections.length === 0
  return (
    <section className="panel" aria-labelledby="council-report">
      <h2 id="council-report">{t('learning.report')}</h2>
      <p>{t('learning.reportIntro')}</p>
      <fieldset>
        <legend>{t('learning.sections')}</legend>
        {COUNCIL_SECTIONS.map((section) => (
          <label key={section} className="checkbox">
            <input type="checkbox" checked={sections.includes(section)} onChange={() => toggle(section)} />{' '}
            {t(`learning.section.${section}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <SelectField
        id="report-lang"
        label={t('learning.language')}
        value={lang}
        onChange={(value) => setLang(value === 'en' ? 'en' : 'de')}
      >
        <option value="de">Deutsch</option>
        <option value="en">English</option>
      </SelectField>
      {sections.length === 0 && <p className="hint">{t('learning.chooseSection')}</p>}
      <ActionError error={action.error} />
      <div className="button-row">
        <button type="button" className="button primary" disabled={isBlocked} onClick={() => download('pdf')}>
          {t('learning.downloadPdf')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={isBlocked}
          onClick={() => download('pptx')}
        >
          {t('learning.downloadPptx')}
        </button>
        {action.isBusy && <span role="status">{t('learning.producing')}</span>}
        {isDone && !action.isBusy && <span role="status">{t('learning.produced')}</span>}
      </div>
    </section>
  )
}
