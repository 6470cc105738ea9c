/**
 * The ring filter of the benchlearning pages: the rings the viewer belongs to (every ring for those
 * without an organisation), the choice kept in the address as `?ring=CODE`.
 */
import { useRings, useSession } from '../api/resources'
import { navigate, readSearchParams, withSearchParams } from '../app/router'
import { SelectField } from './form-field'

/** The viewer's rings, the query they come from, and the ring code in the address ('' for none). */
export function useRingChoice(location: string) {
  const session = useSession()
  const rings = useRings()
  const own = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  const choices = (rings.data?.rings ?? []).filter(
    (r) => own === null || r.members.some((m) => m.organisationId === own),
  )
  return { rings, choices, ring: readSearchParams(location).get('ring') }
}

export function RingFilter({
  id,
  label,
  location,
  value,
  choices,
  allLabel,
}: {
  id: string
  label: string
  location: string
  value: string
  choices: ReturnType<typeof useRingChoice>['choices']
  /** The option for every ring; none when a ring must be chosen. */
  allLabel?: string
}) {
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={(ring) => navigate(withSearchParams(location, { ring }), { replace: true })}
    >
      {allLabel !== undefined && <option value="">{allLabel}</option>}
      <RingOptions rings={choices} by="code" />
    </SelectField>
  )
}

/** Rings as options "Name (CODE)", valued by id or by code. */
export function RingOptions({
  rings,
  by,
}: {
  rings: readonly { id: number; code: string; name: string }[]
  by: 'id' | 'code'
}) {
  return rings.map((r) => (
    <option key={r.id} value={r[by]}>
      {r.name} ({r.code})
    </option>
  ))
}
