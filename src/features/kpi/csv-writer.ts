/**
 * CSV text written as bytes into one reused buffer and taken out as flat strings of ~1 MB. Building
 * the same text by string concatenation left ~100k short-lived pieces per chunk that the garbage
 * collector had to trace (~1.5 s of GC in a full run); here only non-integer numbers allocate.
 */
export class CsvWriter {
  private buffer = Buffer.allocUnsafe(2 << 20)
  private length = 0

  /** Text without quotes to escape: codes, ids, brackets, JSON with its quotes already doubled. */
  text(value: string): void {
    this.reserve(value.length)
    this.length += this.buffer.write(value, this.length, 'latin1')
  }

  /** An array element: NULL where the evaluator has no finite number (missing inputs). */
  number(x: number): void {
    // x - x is 0 only for finite numbers; integers (counts, versions) skip String().
    if (x - x !== 0) this.text('NULL')
    else if ((x | 0) === x) this.integer(x | 0)
    else this.text(String(x))
  }

  comma(): void {
    this.byte(44)
  }

  /** One ASCII character by its code. */
  byte(code: number): void {
    this.reserve(1)
    this.buffer[this.length++] = code
  }

  isFull(): boolean {
    return this.length >= 1 << 20
  }

  /** The text so far; the writer starts again empty. */
  take(): string {
    const chunk = this.buffer.toString('latin1', 0, this.length)
    this.length = 0
    return chunk
  }

  /** A whole number of at most 10 digits and its sign. */
  integer(value: number): void {
    this.reserve(11)
    let v = value
    if (v < 0) {
      this.buffer[this.length++] = 45
      v = -v
    }
    let digits = 1
    for (let d = 10; d <= v; d *= 10) digits++
    const end = this.length + digits
    for (let i = end - 1; i >= this.length; i--) {
      this.buffer[i] = 48 + (v % 10)
      v = Math.floor(v / 10)
    }
    this.length = end
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes))
    this.buffer.copy(larger, 0, 0, this.length)
    this.buffer = larger
  }
}
