/**
 * Official municipality keys (Amtlicher Gemeindeschlüssel). A Kreis has a 5-digit key
 * (Land 2 + Regierungsbezirk 1 + Kreis 2); statistics files often carry it as 8 digits with
 * "000" appended. Keys are text: leading zeros matter (Schleswig-Holstein is 01…).
 */
export const LAND_NAMES: Record<string, string> = {
  '01': 'Schleswig-Holstein',
  '02': 'Hamburg',
  '03': 'Niedersachsen',
  '04': 'Bremen',
  '05': 'Nordrhein-Westfalen',
  '06': 'Hessen',
  '07': 'Rheinland-Pfalz',
  '08': 'Baden-Württemberg',
  '09': 'Bayern',
  '10': 'Saarland',
  '11': 'Berlin',
  '12': 'Brandenburg',
  '13': 'Mecklenburg-Vorpommern',
  '14': 'Sachsen',
  '15': 'Sachsen-Anhalt',
  '16': 'Thüringen',
}

/**
 * Normalises a Kreis key to 5 digits. Accepts 5 digits, 8 digits ending in 000, and 4 or 7 digits
 * whose leading zero was lost by a spreadsheet. Returns undefined for anything else.
 */
export function normaliseKreisAgs(raw: string | number): string | undefined {
  const digits = String(raw).trim()
  if (!/^\d+$/.test(digits)) return undefined
  let key: string
  if (digits.length === 5 || digits.length === 4) key = digits.padStart(5, '0')
  else if (digits.length === 8 || digits.length === 7) {
    const eight = digits.padStart(8, '0')
    if (!eight.endsWith('000')) return undefined
    key = eight.slice(0, 5)
  } else return undefined
  return LAND_NAMES[key.slice(0, 2)] ? key : undefined
}

export function landOfAgs(ags5: string): string | undefined {
  return LAND_NAMES[ags5.slice(0, 2)]
}

/** NUTS-3 codes for Germany: DE + three alphanumerics, e.g. DEF01, DEG0N. */
export function normaliseNuts3(raw: string): string | undefined {
  const t = raw.trim().toUpperCase()
  return /^DE[0-9A-G][0-9A-Z][0-9A-Z]$/.test(t) ? t : undefined
}
