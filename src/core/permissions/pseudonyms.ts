import { createHmac } from 'node:crypto'

export interface Pseudonym {
  /** Negative, so that no route mistakes it for an organisation id. */
  id: number
  name: string
  shortName: string
}

function letters(index: number): string {
  // A … Z, then AA, AB … (rings have about ten members; this never runs out).
  let n = index
  let text = ''
  do {
    text = String.fromCharCode(65 + (n % 26)) + text
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return text
}

/**
 * Pseudonyms for the members of one ring: "Jobcenter C (Ring 3)". The order of letters comes from
 * a keyed hash (server secret), so neither ids nor names nor alphabetical order give them away,
 * and the same member keeps its letter for as long as the ring's membership is unchanged.
 */
export function assignPseudonyms(options: {
  ringId: number
  ringLabel: string
  memberIds: readonly number[]
  secret: string
}): Map<number, Pseudonym> {
  const keyed = options.memberIds.map((id) => ({
    id,
    key: createHmac('sha256', options.secret).update(`${options.ringId}:${id}`).digest('hex'),
  }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const result = new Map<number, Pseudonym>()
  keyed.forEach(({ id }, index) => {
    const letter = letters(index)
    result.set(id, {
      id: -(options.ringId * 1000 + index + 1),
      name: `Jobcenter ${letter} (${options.ringLabel})`,
      shortName: `JC ${letter}`,
    })
  })
  return result
}
