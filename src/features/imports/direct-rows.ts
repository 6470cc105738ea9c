/**
 * The direct path's rows (import-file.ts): the file's records checked batch by batch and turned into
 * COPY text for `observation` as revision 1, with what the checks found. The same class runs on the
 * importing thread and, for large files on PGlite, in a worker thread (direct-rows-worker.ts).
 */
import type { ImportNotice } from '../../db/schema'
import type { ImportRecordStream } from './parsing/parse-import-file'
import {
  ChangeSample,
  csvField,
  stageLine,
  type Accepted,
  type RecordChecker,
  type ValueChange,
} from './record-checker'

/** A row is refused: the direct path gives up and the staged path lists the errors. */
export class RowRefused extends Error {
  constructor() {
    super('a row is refused')
  }
}

/** What the checks found, once every record is read (plain data: it crosses threads). */
export interface DirectRowsEnd {
  rowsRead: number
  /** Records checked (RecordChecker.records). */
  records: number
  rejected: number
  notices: ImportNotice[]
  /** Stage lines of districts without an organisation (reported and skipped), for the duplicate check. */
  unmatchedLines: string[]
  /** Values written. */
  written: number
  changes: ValueChange[]
}

export class DirectRows {
  private readonly sample = new ChangeSample()
  private written = 0
  private readonly unmatchedLines: string[] = []
  private attributedNotices: ImportNotice[] = []
  private readonly batches: Generator<Accepted[]>
  private pending: Accepted[] | undefined

  constructor(
    private readonly stream: ImportRecordStream,
    private readonly checker: RecordChecker,
    private readonly recordedAt: string,
  ) {
    this.batches = this.checkedBatches()
  }

  /**
   * Reads up to the first batch with a value to write (the caller records the import batch only
   * then); false when there is none, and the file has been read. Throws RowRefused.
   */
  hasValues(): boolean {
    const first = this.batches.next()
    this.pending = first.done ? undefined : first.value
    return !first.done
  }

  /** The COPY text of the values to write, one batch of records at a time. Throws RowRefused. */
  *lines(batchId: number): Generator<string> {
    if (this.pending) yield this.text(this.pending, batchId)
    this.pending = undefined
    for (const accepted of this.batches) yield this.text(accepted, batchId)
  }

  /** After the lines: the reader's tail and what the checks found. Throws RowRefused. */
  finish(): DirectRowsEnd {
    const tail = this.stream.finish()
    if (tail.errorCount > 0) throw new RowRefused()
    const { checker } = this
    return {
      rowsRead: tail.rowsRead,
      records: checker.records,
      rejected: checker.rejected,
      notices: [...tail.notices, ...this.attributedNotices, ...checker.unmatchedNotices()],
      unmatchedLines: this.unmatchedLines,
      written: this.written,
      changes: this.sample.changes(checker),
    }
  }

  private *checkedBatches(): Generator<Accepted[]> {
    const { checker, unmatchedLines } = this
    for (const batch of this.stream.batches()) {
      const accepted: Accepted[] = []
      for (const record of batch) {
        const checked = checker.check(record)
        if (checked === undefined) continue
        if (checked.organisationId === null) unmatchedLines.push(stageLine(checked, unmatchedLines.length))
        else accepted.push(checked)
      }
      // A refused row writes nothing: the staged path lists the errors, duplicates among them.
      if (checker.errors.length > 0) throw new RowRefused()
      if (accepted.length > 0) yield accepted
    }
    const attributed = checker.attribution?.finish()
    if (attributed && attributed.errors.length > 0) throw new RowRefused()
    this.attributedNotices = attributed?.notices ?? []
    if (attributed && attributed.accepted.length > 0) yield attributed.accepted
  }

  private text(accepted: Accepted[], batchId: number): string {
    const { recordedAt, sample } = this
    let text = ''
    for (const a of accepted) {
      const r = a.record
      const status = r.status ?? 'final'
      text += `${a.organisationId},${a.indicatorId},${a.day},${csvField(r.breakdown)},1,${r.value === null ? '' : String(r.value)},${r.missingReason ?? ''},${status},${batchId},${recordedAt},t\n`
      sample.offer(a, this.written++)
    }
    return text
  }
}
