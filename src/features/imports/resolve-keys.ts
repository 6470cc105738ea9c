/**
 * Resolves the organisation keys of an import file (AGS, NUTS-3 or id) to organisations, taking
 * the validity of organisation areas and territorial changes of districts into account. Pure:
 * works on rows loaded once by the caller.
 */
import { normaliseKreisAgs, normaliseNuts3 } from '../../core/keys/ags'
import { districtLabel, findEndedDistrict, type EndedDistrict } from '../../core/keys/territorial-changes'
import type { KeyIndexRows } from '../organisations/organisation.repository'
import { message, type Message } from '../../core/messages/text'

export type KeyType = 'ags' | 'nuts3' | 'id' | 'auto'

export type Resolution =
  /** `ags5` when the key was a district key (for territorial changes). */
  | { kind: 'organisation'; organisationId: number; ags5?: string }
  /** A real district that no organisation in benchlearn serves (e.g. a non-member Kreis). */
  | { kind: 'no_organisation'; key: string; label: string }
  /**
   * A district whose key ended (merged, split or renumbered); the message names its successors
   * ("03152 Göttingen (until 2016-10-31) → 03159 Göttingen, Landkreis"), `messageKey` and `params`
   * say the same for the catalogues of the web UI.
   */
  | {
      kind: 'territorial_change'
      key: string
      label: string
      /** "06435 X (until …) → successors", a catalogue message. */
      reason: Message
      /** What the register of territorial changes knows of the key (null: ended before 2000). */
      ended: EndedDistrict | null
    }
  | { kind: 'invalid'; message: Message }

interface AreaSpan {
  organisationId: number
  from: string
  to: string | null
}

export class KeyResolver {
  private readonly areasByAgs = new Map<string, AreaSpan[]>()
  private readonly orgByNuts = new Map<string, number>()
  private readonly orgIds: Set<number>
  private readonly kreise: Map<string, KeyIndexRows['kreise'][number]>
  private readonly agsByNuts = new Map<string, string>()

  constructor(rows: KeyIndexRows) {
    for (const a of rows.areas) {
      const spans = this.areasByAgs.get(a.ags5) ?? []
      spans.push({ organisationId: a.organisation_id, from: a.valid_from, to: a.valid_to })
      this.areasByAgs.set(a.ags5, spans)
    }
    for (const o of rows.organisations) if (o.nuts3) this.orgByNuts.set(o.nuts3, o.id)
    this.orgIds = new Set(rows.organisations.map((o) => o.id))
    this.kreise = new Map(rows.kreise.map((k) => [k.ags5, k]))
    for (const k of rows.kreise) if (k.nuts3) this.agsByNuts.set(k.nuts3, k.ags5)
  }

  /** `day` is the first day of the record's period (ISO date). */
  resolve(rawKey: string, keyType: KeyType, day: string): Resolution {
    const type = keyType === 'auto' ? detectKeyType(rawKey) : keyType
    if (type === 'id') {
      const id = Number(rawKey)
      if (!Number.isInteger(id) || !this.orgIds.has(id)) {
        return { kind: 'invalid', message: message('import.noOrganisationWithId', { key: rawKey }) }
      }
      return { kind: 'organisation', organisationId: id }
    }
    if (type === 'nuts3') {
      const nuts = normaliseNuts3(rawKey)
      if (!nuts) return { kind: 'invalid', message: message('import.notNuts3', { key: rawKey }) }
      const orgId = this.orgByNuts.get(nuts)
      if (orgId !== undefined) return { kind: 'organisation', organisationId: orgId }
      const ags = this.agsByNuts.get(nuts)
      if (!ags) return { kind: 'invalid', message: message('import.nuts3NoDistrict', { key: nuts }) }
      return this.resolveAgs(ags, day)
    }
    const ags = normaliseKreisAgs(rawKey)
    if (!ags) {
      return {
        kind: 'invalid',
        message: message('import.notDistrictKey', { key: rawKey }),
      }
    }
    return this.resolveAgs(ags, day)
  }

  private resolveAgs(ags: string, day: string): Resolution {
    const spans = this.areasByAgs.get(ags) ?? []
    const covering = spans.find((s) => s.from <= day && (s.to === null || s.to >= day))
    if (covering) return { kind: 'organisation', organisationId: covering.organisationId, ags5: ags }
    const kreis = this.kreise.get(ags)
    if (!kreis) return { kind: 'invalid', message: message('import.unknownDistrict', { key: ags }) }
    const label = `${ags} ${kreis.name}`
    if (kreis.valid_to) {
      // A district whose territory changed is reported with its successors, whichever side of the
      // change the period is on, so that a user sees why it has no (or another) organisation.
      const ended = findEndedDistrict(ags) ?? null
      const successors =
        ended?.successors.map(districtLabel).join(', ') ??
        (kreis.successor_ags5
          ? `${kreis.successor_ags5} ${this.kreise.get(kreis.successor_ags5)?.name ?? ''}`
          : '–')
      const isSplit = ended !== null && !ended.isWhole
      const params = { district: label, validTo: kreis.valid_to, successors }
      return {
        kind: 'territorial_change',
        key: ags,
        label,
        reason: message(isSplit ? 'import.territorialSplit' : 'import.territorialChange', params),
        ended,
      }
    }
    if (spans.length > 0) {
      return {
        kind: 'no_organisation',
        key: ags,
        label: `${label} (served by an organisation only at other times)`,
      }
    }
    return { kind: 'no_organisation', key: ags, label }
  }
}

function detectKeyType(raw: string): Exclude<KeyType, 'auto'> {
  const t = raw.trim()
  if (/^DE[0-9A-Z]{3}$/i.test(t)) return 'nuts3'
  if (/^\d{4,5}$|^\d{7,8}$/.test(t)) return 'ags'
  return 'id'
}
