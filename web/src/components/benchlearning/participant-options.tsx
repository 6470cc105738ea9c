import type { MeetingDetailDto } from '../../../../src/contracts/meetings'

/** A meeting's participating organisations as options (those the viewer sees under a pseudonym left out). */
export function ParticipantOptions({ meeting }: { meeting: Pick<MeetingDetailDto, 'participants'> }) {
  return meeting.participants
    .filter((p) => p.organisation.id > 0)
    .map((p) => (
      <option key={p.organisation.id} value={p.organisation.id}>
        {p.organisation.name}
      </option>
    ))
}
