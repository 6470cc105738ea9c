/**
 * Where a self-assessment cycle stands on a day, and the dates that close it. The server takes
 * members' answers from the start to the end date, both included (features/self-assessment), so a
 * cycle is open exactly then; the contract has no status of its own, only these dates.
 */
export type CycleStatus = 'planned' | 'open' | 'closed'

interface CycleDates {
  startsOn: string
  endsOn: string
}

export function cycleStatus(cycle: CycleDates, today: string): CycleStatus {
  if (today < cycle.startsOn) return 'planned'
  return today <= cycle.endsOn ? 'open' : 'closed'
}

/** An ISO day `days` later (earlier when negative). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/**
 * The change that closes a cycle today: it ends yesterday, so answers stop now. A cycle that
 * began today also begins yesterday, because the end may not come before the start.
 */
export function closingChange(cycle: CycleDates, today: string): Partial<CycleDates> & { endsOn: string } {
  const yesterday = addDays(today, -1)
  return cycle.startsOn > yesterday ? { startsOn: yesterday, endsOn: yesterday } : { endsOn: yesterday }
}
