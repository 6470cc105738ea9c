import { RAW_INDICATORS } from '../features/indicators/catalogue'

/**
 * A long-format CSV of `count` rows (org;indicator;period;breakdown;value) with decimal commas, as a
 * BA download for all job centres would be: 200 months per series, organisations 06400, 06401, …
 */
export function longRowsCsv(count: number): Uint8Array {
  const parts = ['org;indicator;period;breakdown;value\n']
  let n = 0
  for (let org = 0; n < count; org++)
    for (const { code } of RAW_INDICATORS)
      for (const breakdown of ['total', 'women', 'men'])
        for (let m = 0; m < 200 && n < count; m++, n++) {
          const period = `${2005 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
          const value = String((n % 99_991) / 10).replace('.', ',')
          parts.push(`${String(6400 + org).padStart(5, '0')};${code};${period};${breakdown};${value}\n`)
        }
  return new TextEncoder().encode(parts.join(''))
}
