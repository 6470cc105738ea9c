/**
 * The direct path's rows (import-file.ts): the file's records checked batch by batch and turned into
 * COPY text for `observation` as revision 1, with what the checks found. The same class runs on the
 * importing thread and, for large files on PGlite, in a worker thread (direct-rows-worker.ts).
 */
import type { ImportNotice } from '../../db/schema'
import type { ImportRecordStream } from './parsing/parse-import-file'
import type { ParsedRecord } from './parsing/types'
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
  private readonly batches: Iterator<ParsedRecord[]>
  private isRead = false
  /** The first batch's lines up to the batch id, which is known only once the batch is recorded. */
  private pendingStarts: string[] | undefined

  constructor(
    private readonly stream: ImportRecordStream,
    private readonly checker: RecordChecker,
    private readonly recordedAt: string,
  ) {
    this.batches = stream.batches()
  }

  /**
   * Reads up to the first batch with a value to write (the caller records the import batch only
   * then); false when there is none, and the file has been read. Throws RowRefused.
   */
  hasValues(): boolean {
    const accepted = this.nextAccepted()
    if (accepted === undefined) return false
    this.pendingStarts = accepted.map((a) => {
      this.sample.offer(a, this.written++)
      return lineStart(a)
    })
    return true
  }

  /**
   * The COPY text of the values to write, one batch of records at a time. Throws RowRefused.
   * No record is referenced while the caller waits between two texts: a batch is read, checked
   * and turned into text within one call. Objects of one kind found alive in bulk by a
   * young-generation collection (a batch held across a round trip) teach V8 to allocate all of
   * that kind in the old generation, where a million die uncollected until a full collection
   * (csv-tokenizer.ts has the case that was measured; docs/benchmarks.md the import's peak).
   */
  *lines(batchId: number): Generator<string> {
    const end = `,${batchId},${this.recordedAt},t\n`
    const starts = this.pendingStarts
    this.pendingStarts = undefined
    if (starts) yield starts.join(end) + end
    for (;;) {
      const text = this.nextText(end)
      if (text === undefined) return
      yield text
    }
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

  /** The next batch's records to write, or undefined once the file is read. Throws RowRefused. */
  private nextAccepted(): Accepted[] | undefined {
    const { checker, unmatchedLines } = this
    while (!this.isRead) {
      const next = this.batches.next()
      if (next.done) {
        this.isRead = true
        return this.attributed()
      }
      const accepted: Accepted[] = []
      for (const record of next.value) {
        const checked = checker.check(record)
        if (checked === undefined) continue
        if (checked.organisationId === null) unmatchedLines.push(stageLine(checked, unmatchedLines.length))
        else accepted.push(checked)
      }
      // A refused row writes nothing: the staged path lists the errors, duplicates among them.
      if (checker.errors.length > 0) throw new RowRefused()
      if (accepted.length > 0) return accepted
    }
    return undefined
  }

  /** The records attributed to organisations once the whole file is read (merged districts). */
  private attributed(): Accepted[] | undefined {
    const attributed = this.checker.attribution?.finish()
    if (attributed && attributed.errors.length > 0) throw new RowRefused()
    this.attributedNotices = attributed?.notices ?? []
    return attributed && attributed.accepted.length > 0 ? attributed.accepted : undefined
  }

  /** The next batch's COPY lines, each ending with `end` (batch id, recording instant, current). */
  private nextText(end: string): string | undefined {
    const accepted = this.nextAccepted()
    if (accepted === undefined) return undefined
    let text = ''
    for (const a of accepted) {
      text += lineStart(a) + end
      this.sample.offer(a, this.written++)
    }
    return text
  }
}

/** A COPY line for `observation` as revision 1, up to the batch id. */
function lineStart(a: Accepted): string {
  const r = a.record
  return `${a.organisationId},${a.indicatorId},${a.day},${csvField(r.breakdown)},1,${r.value === null ? '' : String(r.value)},${r.missingReason ?? ''},${r.status ?? 'final'}`
}
