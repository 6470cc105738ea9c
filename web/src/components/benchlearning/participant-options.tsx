import type { ComponentProps } from 'react'
import type { MeetingDetailDto } from '../../../../src/contracts/meetings'
import { SelectField } from '../form-field'

type Participants = Pick<MeetingDetailDto, 'participants'>

/** A meeting's participating organisations as options (those the viewer sees under a pseudonym left out). */
function ParticipantOptions({ meeting }: { meeting: Participants }) {
  return meeting.participants
    .filter((p) => p.organisation.id > 0)
    .map((p) => (
      <option key={p.organisation.id} value={p.organisation.id}>
        {p.organisation.name}
      </option>
    ))
}

/** A choice of one of the meeting's participating organisations, `noneLabel` the empty first option. */
export function ParticipantSelect({
  meeting,
  noneLabel,
  ...field
}: Omit<ComponentProps<typeof SelectField>, 'children'> & { meeting: Participants; noneLabel: string }) {
  return (
    <SelectField {...field}>
      <option value="">{noneLabel}</option>
      <ParticipantOptions meeting={meeting} />
    </SelectField>
  )
}
