import { AppError } from '../errors/app-error'
import { message } from '../messages/text'
import { formatPeriod, monthFromIndex, monthIndex, parsePeriod } from '../periods/period'
import type { FormulaNode } from './formula-ast'
import { computeRequiredHistory } from './formula-validate'
import {
  checkFigureDefinitions,
  listFigureBreakdowns,
  type CheckedFigure,
  type FigureDefinition,
} from './figure-definition'

export type DataMissingReason = 'not_delivered' | 'suppressed' | 'not_applicable'
export type MissingReason =
  DataMissingReason | 'incomplete_window' | 'no_history' | 'division_by_zero' | 'overflow'

/** Reason codes as stored in typed arrays: 0 = present, i = MISSING_REASONS[i − 1]. */
export const MISSING_REASONS = [
  'not_delivered',
  'suppressed',
  'not_applicable',
  'incomplete_window',
  'no_history',
  'division_by_zero',
  // A result beyond ±1.8e308 (or a literal that large in a formula defined before the limits).
  'overflow',
] as const satisfies readonly MissingReason[]
const NOT_DELIVERED = 1
const INCOMPLETE_WINDOW = 4
const NO_HISTORY = 5
const DIVISION_BY_ZERO = 6
const OVERFLOW = 7
const NO_SOURCE = -1

/** One raw monthly series: values[i] is month startMonth + i; NaN = missing. */
export interface MonthlySeries {
  values: Float64Array
  /** Why a month is missing, read only where values is NaN; absent or undefined = not_delivered. */
  reasons?: ReadonlyArray<DataMissingReason | null | undefined>
}

/** The series of one organisation: breakdown ('total', 'women', 'men') → indicator code → series. */
export type OrganisationSeries = ReadonlyMap<string, ReadonlyMap<string, MonthlySeries>>

export interface MissingDetail {
  reason: MissingReason
  /** The month that caused it ("2013-04"); for no_history the first month before the data that was needed. */
  month: string
  indicator?: string
  breakdown?: string
  /** For incomplete_window: why that month was missing. */
  cause?: MissingReason
}

/** A figure for one organisation and breakdown over consecutive months; NaN where missing. */
export interface FigureSeriesResult {
  code: string
  breakdown: string
  startMonth: string
  /** Version of the definition used per month (0 where no version applies yet). */
  versions: Uint16Array
  /** After the display transform (percent or change rate). */
  value: Float64Array
  ratio: Float64Array
  numerator: Float64Array
  denominator: Float64Array
  /** Per month: undefined when the value is present, else why it is missing. */
  missing: (MissingDetail | undefined)[]
}

interface Buffers {
  values: Float64Array
  reasons: Uint8Array
  /** Where reasons ≠ 0: the identifier slot that caused it (or NO_SOURCE) … */
  sources: Int32Array
  /** … the month offset it concerns … */
  months: Int32Array
  /** … and for incomplete_window the reason of that month. */
  causes: Uint8Array
}

interface EvaluationContext {
  series: OrganisationSeries
  breakdown: string
  /** Distinct per evaluation, so a kernel read twice in one evaluation runs once (see `once`). */
  stamp: number
}

let evaluations = 0

/** A kernel that runs once per evaluation however often it is read (`change` reads its argument twice). */
function once(kernel: Kernel): Kernel {
  let stamp = -1
  let result: Buffers | undefined
  return (context) => {
    if (context.stamp !== stamp || !result) {
      result = kernel(context)
      stamp = context.stamp
    }
    return result
  }
}

/** Marks month i of `out` as overflowed where a computed value is not finite. */
function setValue(out: Buffers, i: number, value: number): void {
  if (value - value === 0) {
    out.values[i] = value
    out.reasons[i] = 0
  } else setMissing({ to: out, i, reason: OVERFLOW, source: NO_SOURCE, month: i })
}

type Kernel = (context: EvaluationContext) => Buffers

interface Slot {
  indicator: string
  /** Breakdown fixed by the formula (`x[women]`), or undefined = the evaluated breakdown. */
  breakdown: string | undefined
}

function allocateBuffers(length: number): Buffers {
  return {
    values: new Float64Array(length),
    reasons: new Uint8Array(length),
    sources: new Int32Array(length),
    months: new Int32Array(length),
    causes: new Uint8Array(length),
  }
}

/** Copies why month `j` of `from` is missing into month `i` of `to` (j ≠ i for lags and windows). */
function copyMissing(from: Buffers, to: Buffers, i: number, j = i): void {
  to.values[i] = NaN
  to.reasons[i] = from.reasons[j]!
  to.sources[i] = from.sources[j]!
  to.months[i] = from.months[j]!
  to.causes[i] = from.causes[j]!
}

function setMissing(options: {
  to: Buffers
  i: number
  reason: number
  source: number
  month: number
}): void {
  const { to, i } = options
  to.values[i] = NaN
  to.reasons[i] = options.reason
  to.sources[i] = options.source
  to.months[i] = options.month
  to.causes[i] = 0
}

const DATA_REASON_CODES: Record<DataMissingReason, number> = {
  not_delivered: 1,
  suppressed: 2,
  not_applicable: 3,
}

/**
 * Turns a formula tree into closures over preallocated typed arrays. Each kernel owns its output
 * buffers and overwrites them per evaluation, so evaluating thousands of (organisation, breakdown)
 * pairs allocates nothing inside the formula. Figure references are inlined as numerator /
 * denominator of the referenced definition.
 */
class FormulaCompiler {
  readonly slots: Slot[] = []

  constructor(
    private readonly length: number,
    private readonly resolveFigure: (code: string) => CheckedFigure | undefined,
  ) {}

  compile(node: FormulaNode, breakdown: string | undefined): Kernel {
    switch (node.kind) {
      case 'number':
        return this.compileConstant(node.value)
      case 'identifier': {
        const figure = this.resolveFigure(node.name)
        if (figure) {
          return this.compileDivision(
            this.compile(figure.numerator, breakdown),
            this.compile(figure.denominator, breakdown),
          )
        }
        return this.compileSeries(node.name, breakdown)
      }
      case 'negate':
        return this.compileNegation(this.compile(node.operand, breakdown))
      case 'breakdown':
        return this.compile(node.operand, node.breakdown)
      case 'binary': {
        const left = this.compile(node.left, breakdown)
        const right = this.compile(node.right, breakdown)
        return node.operator === '/'
          ? this.compileDivision(left, right)
          : this.compileArithmetic(node.operator, left, right)
      }
      case 'call': {
        const firstSlot = this.slots.length
        const inner = this.compile(node.argument, breakdown)
        // "No history" names an indicator only when the argument reads exactly one series;
        // otherwise naming the first one would point at the wrong series (K1E4 reaches back via ELB).
        const read = new Set(this.slots.slice(firstSlot).map((s) => `${s.indicator}[${s.breakdown ?? ''}]`))
        const source = read.size === 1 ? firstSlot : NO_SOURCE
        const reach = computeRequiredHistory(
          node.argument,
          (code) => this.resolveFigure(code)?.requiredHistory,
        )
        switch (node.name) {
          case 'lag':
            return this.compileLag({ inner, months: node.months, source, reach })
          case 'change': {
            const shared = once(inner)
            const lagged = this.compileLag({ inner: shared, months: node.months, source, reach })
            return this.compileDivision(shared, lagged)
          }
          case 'sum':
          case 'mean':
            return this.compileWindow({
              inner,
              months: node.months,
              isMean: node.name === 'mean',
              source,
              reach,
            })
        }
      }
    }
  }

  private compileConstant(value: number): Kernel {
    const out = allocateBuffers(this.length)
    for (let i = 0; i < this.length; i++) setValue(out, i, value)
    return () => out
  }

  private compileSeries(indicator: string, fixedBreakdown: string | undefined): Kernel {
    const slot = this.slots.length
    this.slots.push({ indicator, breakdown: fixedBreakdown })
    const out = allocateBuffers(this.length)
    const n = this.length
    return (context) => {
      const series = context.series.get(fixedBreakdown ?? context.breakdown)?.get(indicator)
      const values = series?.values
      const reasons = series?.reasons
      const available = values ? Math.min(values.length, n) : 0
      for (let i = 0; i < available; i++) {
        const x = values![i]!
        out.values[i] = x
        if (x !== x) {
          const reason = reasons?.[i]
          setMissing({
            to: out,
            i,
            reason: (reason && DATA_REASON_CODES[reason]) || NOT_DELIVERED,
            source: slot,
            month: i,
          })
        } else out.reasons[i] = 0
      }
      for (let i = available; i < n; i++)
        setMissing({ to: out, i, reason: NOT_DELIVERED, source: slot, month: i })
      return out
    }
  }

  private compileNegation(inner: Kernel): Kernel {
    const out = allocateBuffers(this.length)
    const n = this.length
    return (context) => {
      const a = inner(context)
      for (let i = 0; i < n; i++) {
        if (a.reasons[i] !== 0) copyMissing(a, out, i)
        else {
          out.values[i] = -a.values[i]!
          out.reasons[i] = 0
        }
      }
      return out
    }
  }

  private compileArithmetic(operator: '+' | '-' | '*', left: Kernel, right: Kernel): Kernel {
    const out = allocateBuffers(this.length)
    const n = this.length
    return (context) => {
      const a = left(context)
      const b = right(context)
      const av = a.values
      const bv = b.values
      for (let i = 0; i < n; i++) {
        if (a.reasons[i] !== 0) copyMissing(a, out, i)
        else if (b.reasons[i] !== 0) copyMissing(b, out, i)
        else
          setValue(
            out,
            i,
            operator === '+' ? av[i]! + bv[i]! : operator === '-' ? av[i]! - bv[i]! : av[i]! * bv[i]!,
          )
      }
      return out
    }
  }

  private compileDivision(left: Kernel, right: Kernel): Kernel {
    const out = allocateBuffers(this.length)
    const n = this.length
    return (context) => {
      const a = left(context)
      const b = right(context)
      for (let i = 0; i < n; i++) {
        if (a.reasons[i] !== 0) copyMissing(a, out, i)
        else if (b.reasons[i] !== 0) copyMissing(b, out, i)
        else if (b.values[i] === 0)
          setMissing({ to: out, i, reason: DIVISION_BY_ZERO, source: NO_SOURCE, month: i })
        else setValue(out, i, a.values[i]! / b.values[i]!)
      }
      return out
    }
  }

  /** `reach`: months the argument itself needs, so "no history" can name the earliest month needed. */
  private compileLag(options: { inner: Kernel; months: number; source: number; reach: number }): Kernel {
    const { inner, months, source } = options
    const extra = Math.max(0, options.reach - 1)
    const out = allocateBuffers(this.length)
    const n = this.length
    return (context) => {
      const a = inner(context)
      for (let i = 0; i < n; i++) {
        const j = i - months
        if (j < 0) setMissing({ to: out, i, reason: NO_HISTORY, source, month: j - extra })
        else if (a.reasons[j] !== 0) copyMissing(a, out, i, j)
        else {
          out.values[i] = a.values[j]!
          out.reasons[i] = 0
        }
      }
      return out
    }
  }

  /**
   * Rolling sum or mean in O(length): a running sum plus "next missing month" look-ups. The running
   * sum is exact only for whole numbers; while a fraction (a monthly rate) is in the window, or has
   * just left it, the window is added up afresh from its first month, so a month's value does not
   * depend on where the series starts (an incremental computation starts a year before the change,
   * a full one at the first month; running sums of rates differed in the last digit).
   */
  private compileWindow(options: {
    inner: Kernel
    months: number
    isMean: boolean
    source: number
    reach: number
  }): Kernel {
    const { inner, months, isMean, source } = options
    const extra = Math.max(0, options.reach - 1)
    const out = allocateBuffers(this.length)
    const n = this.length
    const nextMissing = new Int32Array(n + 1)
    return (context) => {
      const a = inner(context)
      nextMissing[n] = n
      for (let i = n - 1; i >= 0; i--) nextMissing[i] = a.reasons[i] !== 0 ? i : nextMissing[i + 1]!
      let sum = 0
      let lastInexact = -Infinity
      for (let i = 0; i < n; i++) {
        // The running sum holds present values only, so it stays finite across gaps.
        if (a.reasons[i] === 0) {
          const x = a.values[i]!
          sum += x
          if (!Number.isInteger(x) || Math.abs(x) > EXACT_TERM) lastInexact = i
        }
        const leaving = i - months
        const left = leaving >= 0 && a.reasons[leaving] === 0 ? a.values[leaving]! : 0
        sum -= left
        // A sum that overflowed, or lost the smaller values' digits to a huge one that has now left,
        // cannot be repaired by subtraction, nor can rounding of fractions: add the window up afresh.
        if (sum - sum !== 0 || Math.abs(left) > EXACT_MAGNITUDE || lastInexact >= leaving)
          sum = sumPresent(a, Math.max(0, i - months + 1), i)
        const first = i - months + 1
        if (first < 0) {
          setMissing({ to: out, i, reason: NO_HISTORY, source, month: first - extra })
          continue
        }
        const gap = nextMissing[first]!
        if (gap <= i) {
          if (a.reasons[gap] === NO_HISTORY) copyMissing(a, out, i, gap)
          else {
            setMissing({
              to: out,
              i,
              reason: INCOMPLETE_WINDOW,
              source: a.sources[gap]!,
              month: a.months[gap]!,
            })
            out.causes[i] = a.reasons[gap] === INCOMPLETE_WINDOW ? a.causes[gap]! : a.reasons[gap]!
          }
          continue
        }
        setValue(out, i, isMean ? sum / months : sum)
      }
      return out
    }
  }
}

/** Beyond this, adding a count to a number loses digits (2^52). */
const EXACT_MAGNITUDE = 2 ** 52
/** Whole numbers up to this add up exactly in any order, even a few thousand of them (2^40). */
const EXACT_TERM = 2 ** 40

/** Sum of the present values of months from … to (inclusive). */
function sumPresent(a: Buffers, from: number, to: number): number {
  let sum = 0
  for (let j = from; j <= to; j++) if (a.reasons[j] === 0) sum += a.values[j]!
  return sum
}

/** One figure version compiled for a fixed number of months; reusable across organisations. */
export interface CompiledFigure {
  definition: FigureDefinition
  requiredHistory: number
  months: number
  /**
   * Evaluates into fresh result arrays (the kernels' buffers are reused, the result is not). The
   * first `historyMonths` months (default none) are read as history only and left out of the
   * result, which then starts at the month after them.
   */
  evaluate(options: {
    series: OrganisationSeries
    breakdown: string
    startMonth: string
    historyMonths?: number
  }): FigureSeriesResult
}

/** Month indexes of the month texts seen: every evaluation of a computation parses the same one. */
const monthIndexes = new Map<string, number>()

function parseMonth(month: string): number {
  const known = monthIndexes.get(month)
  if (known !== undefined) return known
  const period = parsePeriod(month)
  if (!period || period.frequency !== 'monthly')
    throw new AppError('invalid_input', message('kpi.notAMonth', { month }))
  const index = monthIndex(period.year, period.month!)
  if (monthIndexes.size < 10_000) monthIndexes.set(month, index)
  return index
}

const monthLabels = new Map<number, string>()

/** Month labels are cached: hundreds of thousands of missing months share a few hundred labels. */
function formatMonthIndex(index: number): string {
  let label = monthLabels.get(index)
  if (label === undefined) {
    label = formatPeriod(monthFromIndex(index))
    monthLabels.set(index, label)
  }
  return label
}

function compileChecked(options: {
  figure: CheckedFigure
  months: number
  resolveFigure: (code: string) => CheckedFigure | undefined
}): CompiledFigure {
  const { figure, months: n, resolveFigure } = options
  const compiler = new FormulaCompiler(n, resolveFigure)
  const numeratorKernel = compiler.compile(figure.numerator, undefined)
  const denominatorKernel = compiler.compile(figure.denominator, undefined)
  const slots = compiler.slots
  const definition = figure.definition
  const isPercent = definition.transform === 'percent'
  return {
    definition,
    requiredHistory: figure.requiredHistory,
    months: n,
    evaluate({ series, breakdown, startMonth, historyMonths = 0 }) {
      const start = parseMonth(startMonth)
      const context: EvaluationContext = { series, breakdown, stamp: ++evaluations }
      const num = numeratorKernel(context)
      const den = denominatorKernel(context)
      // History months are left out of the result: describing why each is missing (a year of them in
      // every series of an incremental computation) was most of its evaluation time, and arrays of
      // one month are allocated on the JavaScript heap rather than with a backing store each.
      const first = Math.min(historyMonths, n)
      const m = n - first
      // One backing store for the four value arrays: tens of thousands of short series in a
      // computation, each array with a store of its own, kept the garbage collector busy.
      const store = new Float64Array(4 * m)
      const result: FigureSeriesResult = {
        code: definition.code,
        breakdown,
        startMonth: formatMonthIndex(start + first),
        versions: new Uint16Array(m).fill(definition.version),
        value: store.subarray(0, m),
        ratio: store.subarray(m, 2 * m),
        numerator: store.subarray(2 * m, 3 * m),
        denominator: store.subarray(3 * m, 4 * m),
        missing: new Array<MissingDetail | undefined>(m),
      }
      for (let i = first; i < n; i++) {
        const k = i - first
        const a = num.values[i]!
        const b = den.values[i]!
        result.numerator[k] = a
        result.denominator[k] = b
        let missing: MissingDetail | undefined
        if (num.reasons[i] !== 0) missing = describeMissing({ from: num, i, start, slots, breakdown })
        else if (den.reasons[i] !== 0) missing = describeMissing({ from: den, i, start, slots, breakdown })
        else if (b === 0) missing = { reason: 'division_by_zero', month: formatMonthIndex(start + i) }
        const ratio = a / b
        const value = isPercent ? ratio * 100 : (ratio - 1) * 100
        if (!missing && value - value !== 0)
          missing = { reason: 'overflow', month: formatMonthIndex(start + i) }
        if (missing) {
          result.ratio[k] = NaN
          result.value[k] = NaN
          result.missing[k] = missing
        } else {
          result.ratio[k] = ratio
          result.value[k] = value
        }
      }
      return result
    },
  }
}

/** Why month `i` of `from` is missing, as a result states it. */
function describeMissing(options: {
  from: Buffers
  i: number
  start: number
  slots: readonly Slot[]
  breakdown: string
}): MissingDetail {
  const { from, i, slots } = options
  const reason = MISSING_REASONS[from.reasons[i]! - 1]!
  const detail: MissingDetail = { reason, month: formatMonthIndex(options.start + from.months[i]!) }
  const slot = from.sources[i]! >= 0 ? slots[from.sources[i]!] : undefined
  if (slot) {
    detail.indicator = slot.indicator
    detail.breakdown = slot.breakdown ?? options.breakdown
  }
  if (from.causes[i]) detail.cause = MISSING_REASONS[from.causes[i]! - 1]!
  return detail
}

/**
 * Chooses, for a reference from `referrer` to figure `code`, the version that was valid when the
 * referrer's version took effect (or the earliest one if none was valid yet).
 */
function makeResolver(checked: readonly CheckedFigure[], referrer: FigureDefinition) {
  return (code: string): CheckedFigure | undefined => {
    let chosen: CheckedFigure | undefined
    for (const f of checked) {
      if (f.definition.code !== code) continue
      const isValid = f.definition.validFrom <= referrer.validFrom
      const chosenValid = chosen !== undefined && chosen.definition.validFrom <= referrer.validFrom
      if (
        !chosen ||
        (isValid && !chosenValid) ||
        (isValid && chosenValid && f.definition.validFrom > chosen.definition.validFrom) ||
        (!isValid && !chosenValid && f.definition.validFrom < chosen.definition.validFrom)
      ) {
        chosen = f
      }
    }
    return chosen
  }
}

/**
 * Validates the definitions (formulas, references, cycles) and compiles every version of the
 * figures in `codes` (default: all). Only those are compiled: a question about one figure costs
 * that figure and what it references, however many others are defined.
 */
export function compileFigures(options: {
  definitions: readonly FigureDefinition[]
  indicatorCodes: Iterable<string>
  months: number
  codes?: readonly string[]
}): CompiledFigure[] {
  const checked = checkFigureDefinitions({
    definitions: options.definitions,
    vocabulary: { indicatorCodes: options.indicatorCodes },
  })
  const wanted = options.codes ? new Set(options.codes) : undefined
  return checked
    .filter((figure) => !wanted || wanted.has(figure.definition.code))
    .map((figure) =>
      compileChecked({
        figure,
        months: options.months,
        resolveFigure: makeResolver(checked, figure.definition),
      }),
    )
}

export interface EvaluateFiguresOptions {
  definitions: readonly FigureDefinition[]
  indicatorCodes: Iterable<string>
  /** First month of every series ("2012-01"); series[i] is month start + i. */
  startMonth: string
  /** Number of months to evaluate; default: the longest series given. */
  months?: number
  /** orgId → that organisation's series. */
  series: ReadonlyMap<string, OrganisationSeries>
  /** Only these figure codes (references to others still work); default all. */
  codes?: readonly string[]
  /** Only these breakdowns; default every breakdown an organisation has series for. */
  breakdowns?: readonly string[]
  /**
   * The first this many months are read as history only (an incremental computation's lead-in):
   * the results leave them out and start at the month after them. Default none.
   */
  historyMonths?: number
}

export interface OrganisationFigureResult extends FigureSeriesResult {
  orgId: string
}

/**
 * Evaluates every figure for every organisation and every breakdown it has data for (figures
 * without a sex breakdown only for 'total'). Where a figure has several versions, each month takes
 * the version valid in it; months before the first version are missing ('not_applicable').
 */
export function evaluateFigures(options: EvaluateFiguresOptions): OrganisationFigureResult[] {
  const n = options.months ?? longestSeries(options.series)
  const start = parseMonth(options.startMonth)
  const compiled = compileFigures({
    definitions: options.definitions,
    indicatorCodes: options.indicatorCodes,
    months: n,
    codes: options.codes,
  })
  const byCode = new Map<string, CompiledFigure[]>()
  for (const c of compiled) {
    const list = byCode.get(c.definition.code) ?? []
    list.push(c)
    byCode.set(c.definition.code, list)
  }
  const plans = [...byCode.values()].map((versions) => {
    versions.sort(
      (a, b) =>
        a.definition.validFrom.localeCompare(b.definition.validFrom) ||
        a.definition.version - b.definition.version,
    )
    const firstMonthOf = versions.map((v) => parseMonth(v.definition.validFrom.slice(0, 7)) - start)
    return { versions, firstMonthOf, breakdowns: listFigureBreakdowns(versions[0]!.definition) }
  })
  const results: OrganisationFigureResult[] = []
  for (const [orgId, series] of options.series) {
    for (const plan of plans) {
      for (const breakdown of plan.breakdowns) {
        if (!series.has(breakdown) || (options.breakdowns && !options.breakdowns.includes(breakdown)))
          continue
        const result = evaluateVersions({
          plan,
          series,
          breakdown,
          startMonth: options.startMonth,
          months: n,
          historyMonths: options.historyMonths ?? 0,
        })
        results.push({ orgId, ...result })
      }
    }
  }
  return results
}

function evaluateVersions(options: {
  plan: { versions: CompiledFigure[]; firstMonthOf: number[] }
  series: OrganisationSeries
  breakdown: string
  startMonth: string
  months: number
  historyMonths: number
}): FigureSeriesResult {
  const { plan, series, breakdown, startMonth, months: n, historyMonths } = options
  const { versions, firstMonthOf } = plan
  const base = versions[0]!.evaluate({ series, breakdown, startMonth, historyMonths })
  const start = parseMonth(startMonth)
  // Result element k is month first + k of the evaluation (the history months are left out).
  const first = Math.min(historyMonths, n)
  for (let v = 1; v < versions.length; v++) {
    const from = Math.max(first, firstMonthOf[v]!)
    if (from >= n) continue
    const later = versions[v]!.evaluate({ series, breakdown, startMonth, historyMonths })
    for (let k = from - first; k < n - first; k++) {
      base.versions[k] = later.versions[k]!
      base.value[k] = later.value[k]!
      base.ratio[k] = later.ratio[k]!
      base.numerator[k] = later.numerator[k]!
      base.denominator[k] = later.denominator[k]!
      base.missing[k] = later.missing[k]
    }
  }
  for (let i = first; i < Math.min(n, firstMonthOf[0]!); i++) {
    const k = i - first
    base.versions[k] = 0
    base.value[k] = NaN
    base.ratio[k] = NaN
    base.numerator[k] = NaN
    base.denominator[k] = NaN
    base.missing[k] = { reason: 'not_applicable', month: formatMonthIndex(start + i) }
  }
  return base
}

function longestSeries(all: ReadonlyMap<string, OrganisationSeries>): number {
  let longest = 0
  for (const org of all.values())
    for (const byIndicator of org.values())
      for (const s of byIndicator.values()) longest = Math.max(longest, s.values.length)
  return longest
}

/** Convenience for one organisation, one breakdown and one figure (all versions applied). */
export function evaluateFigure(options: {
  code: string
  definitions: readonly FigureDefinition[]
  indicatorCodes: Iterable<string>
  series: OrganisationSeries
  breakdown: string
  startMonth: string
  months?: number
}): FigureSeriesResult {
  const results = evaluateFigures({
    definitions: options.definitions,
    indicatorCodes: options.indicatorCodes,
    startMonth: options.startMonth,
    months: options.months,
    series: new Map([['', options.series]]),
    codes: [options.code],
    breakdowns: [options.breakdown],
  })
  const found = results[0]
  if (!found) {
    throw new AppError(
      'not_found',
      message('kpi.noDefinitionOrData', { code: options.code, breakdown: options.breakdown }),
    )
  }
  const { orgId: _orgId, ...result } = found
  return result
}
