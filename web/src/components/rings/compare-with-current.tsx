/** Who would change rings if a proposal were adopted: each new group matched to a ring of today. */
import { useMemo } from 'react'
import type { PeerProposalDto } from '../../../../src/contracts/peers'
import { useI18n } from '../../i18n/i18n'
import { DataTable } from '../data-table'
import type { RingListDto } from './forming-task'
import { compareWithRings } from './ring-changes'

export function CompareWithCurrent({
  proposal,
  currentRings,
}: {
  proposal: PeerProposalDto
  currentRings: RingListDto
}) {
  const { t } = useI18n()
  const { moves, compared } = useMemo(
    () => compareWithRings(proposal.assignments, currentRings.rings),
    [proposal, currentRings],
  )
  const ringName = (code: string | null) =>
    code === null ? t('forming.noRingToday') : (currentRings.rings.find((r) => r.code === code)?.name ?? code)
  if (currentRings.rings.every((r) => r.members.length === 0)) return null
  return (
    <details className="compare-current">
      <summary>{t('forming.compare', { moved: moves.length, total: compared })}</summary>
      <p className="hint">{t('forming.compare.hint')}</p>
      <DataTable
        caption={t('forming.compareCaption')}
        columns={[
          { key: 'name', header: t('map.organisation') },
          { key: 'from', header: t('forming.today') },
          { key: 'to', header: t('forming.new') },
        ]}
        rows={moves.map((m) => ({
          name: m.name,
          from: ringName(m.from),
          to: `${m.group}${m.matched ? ` (${t('forming.mostlyFrom', { ring: ringName(m.matched) })})` : ''}`,
        }))}
      />
    </details>
  )
}
