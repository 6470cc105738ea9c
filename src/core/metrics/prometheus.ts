/**
 * The Prometheus text exposition format (version 0.0.4) for the few metrics the server keeps:
 * histograms with a fixed, small set of label values (route patterns, status codes) and gauges read
 * when scraped. Pure: the server observes and serves, this file counts and writes.
 */

export type Labels = Record<string, string>

/** Upper bounds in seconds: from a cached answer (a few ms) to a large import (minutes). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300]

/** Most label combinations a histogram keeps; further ones are counted under `other="true"`. */
export const MAX_SERIES = 500

interface Series {
  labels: Labels
  counts: number[]
  sum: number
  count: number
}

export class Histogram {
  readonly #series = new Map<string, Series>()

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = DURATION_BUCKETS,
  ) {}

  observe(labels: Labels, seconds: number): void {
    let key = JSON.stringify(labels)
    let series = this.#series.get(key)
    if (!series && this.#series.size >= MAX_SERIES) {
      labels = { other: 'true' }
      key = JSON.stringify(labels)
      series = this.#series.get(key)
    }
    if (!series) {
      series = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }
      this.#series.set(key, series)
    }
    for (const [i, bound] of this.buckets.entries()) if (seconds <= bound) series.counts[i]!++
    series.sum += seconds
    series.count++
  }

  format(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    for (const series of this.#series.values()) {
      for (const [i, bound] of this.buckets.entries())
        lines.push(sample(`${this.name}_bucket`, { ...series.labels, le: String(bound) }, series.counts[i]!))
      lines.push(sample(`${this.name}_bucket`, { ...series.labels, le: '+Inf' }, series.count))
      lines.push(sample(`${this.name}_sum`, series.labels, series.sum))
      lines.push(sample(`${this.name}_count`, series.labels, series.count))
    }
    return lines
  }
}

/** A gauge's lines: one sample per label set. */
export function formatGauge(
  name: string,
  help: string,
  samples: readonly { labels?: Labels; value: number }[],
): string[] {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} gauge`,
    ...samples.map((s) => sample(name, s.labels ?? {}, s.value)),
  ]
}

function sample(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`)
  return `${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
}
