/**
 * Values of districts merged whole into one successor (a pure merger of the register of
 * territorial changes, core/keys/territorial-changes.ts), attributed to the successor's
 * organisation when a mapping asks for it (`territorialChanges: 'attribute'`): for each month before
 * the merger, the predecessors' counts are summed into one value of the successor. A cell is
 * attributed only when every predecessor has a value in the file; rates and other non-additive
 * units are not (an observation file carries no weights). Splits are never attributed.
 */
import {
  districtLabel,
  findContinuingMerger,
  sumForSuccessor,
  type TerritorialEvent,
} from '../../core/keys/territorial-changes'
import { message } from '../../core/messages/text'
import type { ImportErrorRow, ImportNotice } from '../../db/schema'
import type { IndicatorRow } from '../indicators/indicator.repository'
import { importMessage } from './import-message'
import type { ParsedRecord } from './parsing/types'
import type { KeyResolver, Resolution } from './resolve-keys'

/** A record ready to be staged (as import-file.ts keeps them). */
export interface AttributedRecord {
  record: ParsedRecord
  organisationId: number
  indicatorId: number
  day: string
}

interface Part {
  record: ParsedRecord
  ags5: string
  indicator: IndicatorRow
  organisationId: number
  day: string
  event: TerritorialEvent
}

export class MergerAttribution {
  private readonly cells = new Map<string, Part[]>()

  constructor(private readonly resolver: KeyResolver) {}

  /**
   * Takes the record into a successor's cell if it is a predecessor's value before a pure merger
   * (or the value of a district whose key continues, like the Wartburgkreis before 1.7.2021).
   * Returns false when the record is not such a value (the caller treats it as before).
   */
  take(options: {
    record: ParsedRecord
    resolution: Resolution
    indicator: IndicatorRow
    day: string
  }): boolean {
    const { record, resolution, indicator, day } = options
    let event: TerritorialEvent | undefined
    let ags5: string
    if (resolution.kind === 'territorial_change') {
      event = resolution.ended?.mergerInto ?? undefined
      ags5 = resolution.key
    } else if (resolution.kind === 'organisation' && resolution.ags5) {
      event = findContinuingMerger(resolution.ags5, day)
      ags5 = resolution.ags5
    } else return false
    if (!event || day >= event.effective) return false
    const successor = this.successorOrganisation(event, day)
    if (successor === undefined) return false
    const cellKey = `${successor}|${indicator.id}|${day}|${record.breakdown}`
    const cell = this.cells.get(cellKey) ?? []
    cell.push({ record, ags5, indicator, organisationId: successor, day, event })
    this.cells.set(cellKey, cell)
    return true
  }

  /** The successor's values (one per cell), the rows that could not be attributed, and the notices. */
  finish(): { accepted: AttributedRecord[]; errors: ImportErrorRow[]; notices: ImportNotice[] } {
    const accepted: AttributedRecord[] = []
    const errors: ImportErrorRow[] = []
    const notices = new Map<string, ImportNotice & { keys: string[] }>()
    for (const parts of this.cells.values()) {
      const { event, indicator, organisationId, day } = parts[0]!
      const values = new Map<string, number | null>()
      const duplicate = parts.find((p, i) => parts.findIndex((q) => q.ags5 === p.ags5) !== i)
      if (duplicate) {
        errors.push({
          row: duplicate.record.row,
          column: duplicate.record.keyColumn,
          value: duplicate.record.orgKey,
          ...importMessage(
            message('import.attributionDuplicate', {
              indicator: indicator.code,
              period: duplicate.record.period,
              breakdown: duplicate.record.breakdown,
              district: duplicate.ags5,
            }),
          ),
        })
        continue
      }
      for (const p of parts) values.set(p.ags5, p.record.value)
      const outcome = sumForSuccessor(event, values, indicator.unit)
      const successor = districtLabel(event.successor)
      if (outcome.kind !== 'sum') {
        const first = parts[0]!.record
        const cell = { successor, indicator: indicator.code, period: first.period }
        errors.push({
          row: first.row,
          column: first.keyColumn,
          value: first.orgKey,
          ...importMessage(
            outcome.kind === 'missing'
              ? message('import.attributionMissing', {
                  ...cell,
                  missing: outcome.missing.map(districtLabel).join(', '),
                })
              : message('import.attributionNotAdditive', { ...cell, unit: indicator.unit }),
          ),
        })
        continue
      }
      const first = parts[0]!.record
      accepted.push({
        record: { ...first, value: outcome.value, missingReason: null, orgKey: event.successor.ags5 },
        organisationId,
        indicatorId: indicator.id,
        day,
      })
      const predecessors = event.whole.map(districtLabel).join(', ')
      const notice = notices.get(successor) ?? {
        kind: 'territorial_attributed',
        ...importMessage(
          message('import.territorialAttributed', { predecessors, successor, effective: event.effective }),
        ),
        count: 0,
        keys: event.whole.map(districtLabel),
      }
      notice.count++
      notices.set(successor, notice)
    }
    return { accepted, errors, notices: [...notices.values()] }
  }

  private successorOrganisation(event: TerritorialEvent, day: string): number | undefined {
    // The successor's organisation on the day, else the one that serves it from the merger on.
    for (const at of [day, event.effective]) {
      const resolution = this.resolver.resolve(event.successor.ags5, 'ags', at)
      if (resolution.kind === 'organisation') return resolution.organisationId
    }
    return undefined
  }
}
