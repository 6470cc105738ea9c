import { useCallback, useId, useMemo, useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { ringListSchema } from '../../../src/contracts/organisations'
import { useBoundaries, uploadBoundaries } from '../api/rings-api'
import { useIndicators, useOrganisations, useRings, useSession } from '../api/resources'
import { can } from '../app/access'
import { Link } from '../app/router'
import { Page } from '../components/page'
import { RingForming, type FormingResult } from '../components/rings/ring-forming'
import { RingMap, type RingAssignment } from '../components/rings/ring-map'
import { Empty, ErrorView, QueryView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import { formatDate } from '../i18n/translate'

type RingListDto = z.infer<typeof ringListSchema>

/**
 * The comparison rings of today and their members, the map of rings, and for moderators and
 * administrators the forming of new rings (proposals with quality, hand moves, saving, applying).
 * Members keep the read-only view of their ring; the server refuses the forming API to them.
 */
export default function RingsPage() {
  const { t } = useI18n()
  const rings = useRings()
  const session = useSession()
  const indicators = useIndicators()
  const canForm = can(session.data, 'manageRings')
  const [forming, setForming] = useState<FormingResult>({ proposal: null, model: null })
  const onResult = useCallback((result: FormingResult) => setForming(result), [])
  return (
    <Page title={t('rings.title')} intro={canForm ? t('rings.introModerator') : t('rings.intro')}>
      {canForm && rings.status === 'success' && (
        <QueryView query={indicators}>
          {(data) => (
            <RingForming indicators={data.indicators} currentRings={rings.data} onResult={onResult} />
          )}
        </QueryView>
      )}
      <MapPanel forming={forming} canImport={can(session.data, 'manageNetwork')} />
      <QueryView query={rings}>{(data) => <RingList data={data} />}</QueryView>
    </Page>
  )
}

function MapPanel({ forming, canImport }: { forming: FormingResult; canImport: boolean }) {
  const { t } = useI18n()
  const id = useId()
  const boundaries = useBoundaries()
  const shown = forming.model ?? forming.proposal
  const [view, setView] = useState<'today' | 'proposal'>('today')
  const assignment = useMemo(() => {
    if (!shown) return undefined
    const names = new Map(shown.groups.map((g) => [g.code, g.name]))
    return new Map<number, RingAssignment>(
      shown.assignments.map((a) => [
        a.organisationId,
        { code: a.group, name: names.get(a.group) ?? a.group },
      ]),
    )
  }, [shown])
  const isProposal = view === 'proposal' && assignment !== undefined
  const caption = isProposal ? t('map.captionProposal') : t('map.captionToday')
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 id={`${id}-title`}>{t('map.title')}</h2>
        {assignment && (
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('map.show')}</legend>
            <div className="segmented-options">
              <label className={isProposal ? undefined : 'is-selected'}>
                <input
                  type="radio"
                  name={`${id}-view`}
                  checked={!isProposal}
                  onChange={() => setView('today')}
                />
                <span>{t('map.today')}</span>
              </label>
              <label className={isProposal ? 'is-selected' : undefined}>
                <input
                  type="radio"
                  name={`${id}-view`}
                  checked={isProposal}
                  onChange={() => setView('proposal')}
                />
                <span>{forming.model ? t('map.model') : t('map.proposal')}</span>
              </label>
            </div>
          </fieldset>
        )}
      </div>
      <QueryView query={boundaries}>
        {(data) =>
          data.districts.length === 0 ? (
            <NoBoundaries canImport={canImport} />
          ) : (
            <RingMap boundaries={data} assignment={isProposal ? assignment : undefined} caption={caption} />
          )
        }
      </QueryView>
    </section>
  )
}

const COMMAND = 'npx benchlearn boundaries import ../shared/data/kreise_vg5000_20210101_ags_nuts.geojson'

function NoBoundaries({ canImport }: { canImport: boolean }) {
  const { t } = useI18n()
  const id = useId()
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'running' }
    | { kind: 'failed'; error: unknown }
    | { kind: 'done'; count: number }
  >({ kind: 'idle' })
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const file = new FormData(event.currentTarget).get('file')
    if (!(file instanceof File) || file.size === 0) return
    setState({ kind: 'running' })
    try {
      const summary = await uploadBoundaries(file, { isDryRun: false })
      setState({ kind: 'done', count: summary.imported })
    } catch (error) {
      setState({ kind: 'failed', error })
    }
  }
  return (
    <div className="no-boundaries">
      <p>{t('map.none')}</p>
      {/* The server's command line is for administrators; the others learn who fills the gap. */}
      {!canImport && <p>{t('map.noneAsk')}</p>}
      {canImport && (
        <>
          <p>{t('map.howTo')}</p>
          <pre className="command">
            <code>{COMMAND}</code>
          </pre>
          <p className="hint">{t('map.howToDetails')}</p>
        </>
      )}
      {canImport && (
        <form className="toolbar" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('map.uploadLabel')}</label>
            <input
              id={`${id}-file`}
              name="file"
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
            />
          </div>
          <button type="submit" className="button secondary" disabled={state.kind === 'running'}>
            {t('map.upload')}
          </button>
        </form>
      )}
      {state.kind === 'failed' && <ErrorView error={state.error} />}
      {state.kind === 'done' && <p role="status">{t('map.uploaded', { count: state.count })}</p>}
    </div>
  )
}

function RingList({ data }: { data: RingListDto }) {
  const { t, locale } = useI18n()
  const organisations = useOrganisations()
  const session = useSession()
  const ownId = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  if (data.rings.length === 0) return <Empty>{t('rings.empty')}</Empty>
  const landOf = new Map(organisations.data?.organisations.map((o) => [o.id, o.landCode]) ?? [])
  return (
    <section aria-labelledby="rings-today">
      <h2 id="rings-today">{t('rings.today')}</h2>
      <p className="result-count">
        {t('rings.count', { count: data.rings.length, date: formatDate(locale, data.at) })}
      </p>
      <ul className="card-grid rings">
        {data.rings.map((ring) => {
          const isOwnRing = ring.members.some((m) => m.organisationId === ownId)
          const lands = new Set(ring.members.map((m) => landOf.get(m.organisationId)).filter(Boolean))
          return (
            <li key={ring.id} id={`ring-${ring.id}`} className={`card${isOwnRing ? ' own' : ''}`}>
              <h3 className="card-title">
                {ring.name} <code className="code-tag">{ring.code}</code>
                {isOwnRing && <span className="tag">{t('rings.own')}</span>}
              </h3>
              <p className="muted">
                {ring.members.length > 0
                  ? t('rings.members', { count: ring.members.length })
                  : t('rings.membersUnknown')}
                {lands.size > 0 && ` · ${t('rings.lands', { count: lands.size })}`}
                {/* How a ring shares is among its members; to others its members stay hidden. */}
                {ring.members.length > 0 &&
                  ` · ${ring.sharing === 'named' ? t('rings.sharingNamed') : t('rings.sharingPseudonymised')}`}
              </p>
              {ring.members.length === 0 && <p>{t('rings.membersHidden')}</p>}
              <ul className="member-list">
                {ring.members.map((member) => (
                  <li key={member.organisationId}>
                    <Link href={`/organisations/${member.organisationId}`}>{member.name}</Link>
                    {member.organisationId === ownId && <span className="tag">{t('organisations.own')}</span>}
                  </li>
                ))}
              </ul>
              {ring.members.length > 0 && (
                <p>
                  <Link href={`/compare?ring=${ring.id}`}>{t('rings.compare', { name: ring.name })}</Link>
                </p>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
