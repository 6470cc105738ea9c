import { useOrganisations, useRings, useSession } from '../api/resources'
import { Link } from '../app/router'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import { useI18n } from '../i18n/i18n'
import { formatDate } from '../i18n/translate'

/**
 * The comparison rings of today and their members. Forming rings (proposals, quality, moving members)
 * needs the peer-group API and joins this page when it lands.
 */
export default function RingsPage() {
  const { t, locale } = useI18n()
  const rings = useRings()
  const organisations = useOrganisations()
  const session = useSession()
  const ownId = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  return (
    <Page title={t('rings.title')} intro={t('rings.intro')}>
      <QueryView query={rings}>
        {(data) => {
          if (data.rings.length === 0) return <Empty>{t('rings.empty')}</Empty>
          const landOf = new Map(organisations.data?.organisations.map((o) => [o.id, o.landCode]) ?? [])
          return (
            <>
              <p className="result-count">
                {t('rings.count', { count: data.rings.length, date: formatDate(locale, data.at) })}
              </p>
              <ul className="card-grid rings">
                {data.rings.map((ring) => {
                  const isOwnRing = ring.members.some((m) => m.organisationId === ownId)
                  const lands = new Set(ring.members.map((m) => landOf.get(m.organisationId)).filter(Boolean))
                  return (
                    <li key={ring.id} id={`ring-${ring.id}`} className={`card${isOwnRing ? ' own' : ''}`}>
                      <h2 className="card-title">
                        {ring.name} <code className="code-tag">{ring.code}</code>
                        {isOwnRing && <span className="tag">{t('rings.own')}</span>}
                      </h2>
                      <p className="muted">
                        {ring.members.length > 0
                          ? t('rings.members', { count: ring.members.length })
                          : t('rings.membersUnknown')}
                        {lands.size > 0 && ` · ${t('rings.lands', { count: lands.size })}`} ·{' '}
                        {ring.sharing === 'named' ? t('rings.sharingNamed') : t('rings.sharingPseudonymised')}
                      </p>
                      {ring.members.length === 0 && <p>{t('rings.membersHidden')}</p>}
                      <ul className="member-list">
                        {ring.members.map((member) => (
                          <li key={member.organisationId}>
                            <Link href={`/organisations/${member.organisationId}`}>{member.name}</Link>
                            {member.organisationId === ownId && (
                              <span className="tag">{t('organisations.own')}</span>
                            )}
                          </li>
                        ))}
                      </ul>
                      {ring.members.length > 0 && (
                        <p>
                          <Link href={`/compare?ring=${ring.id}`}>
                            {t('rings.compare', { name: ring.name })}
                          </Link>
                        </p>
                      )}
                    </li>
                  )
                })}
              </ul>
            </>
          )
        }}
      </QueryView>
    </Page>
  )
}
