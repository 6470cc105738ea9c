/** The members without a value for the period, each with the reason. */
import type { GroupStatisticsDto } from '../../../../src/contracts/kpi'
import { useI18n } from '../../i18n/i18n'
import { useMissingText } from '../figure-parts'

export function MissingMembers({ members }: { members: GroupStatisticsDto['members'] }) {
  const { t } = useI18n()
  const missingText = useMissingText()
  const missing = members.filter((m) => m.value === null)
  if (missing.length === 0) return null
  return (
    <section className="panel" aria-labelledby="missing-heading">
      <h2 id="missing-heading">{t('fig.missingTitle', { count: missing.length })}</h2>
      <ul className="plain-list">
        {missing.map((m) => (
          <li key={m.organisationId}>
            <strong>{m.name}</strong>: {missingText(m.missing)}
          </li>
        ))}
      </ul>
    </section>
  )
}
