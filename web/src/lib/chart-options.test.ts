import { describe, expect, it } from 'vitest'
import { buildGroupBarOption, buildTimeSeriesOption, PALETTE, summariseGroup } from './chart-options'

describe('summariseGroup', () => {
  it('computes median and quartiles like numpy (linear) and skips missing values', () => {
    expect(summariseGroup([4, null, 1, 3, 2])).toEqual({ n: 4, median: 2.5, q1: 1.75, q3: 3.25 })
    expect(summariseGroup([null])).toEqual({ n: 0, median: null, q1: null, q3: null })
  })
})

describe('buildGroupBarOption', () => {
  const labels = { median: 'Median', formatValue: (v: number) => v.toFixed(1) }

  it('sorts bars, highlights the own organisation and draws the band and the median', () => {
    const option = buildGroupBarOption(
      [
        { name: 'A', value: 3, isOwn: false },
        { name: 'B', value: 1, isOwn: true },
        { name: 'C', value: null, isOwn: false },
        { name: 'D', value: 2, isOwn: false },
      ],
      labels,
    ) as {
      yAxis: { data: string[] }
      series: {
        data: { value: number; itemStyle: { color: string } }[]
        markLine: { data: { xAxis: number }[] }
        markArea: { data: { xAxis: number }[][] }
      }[]
    }
    expect(option.yAxis.data).toEqual(['B', 'D', 'A'])
    expect(option.series[0]!.data[0]!.itemStyle.color).toBe(PALETTE.accent)
    expect(option.series[0]!.data[1]!.itemStyle.color).toBe(PALETTE.primary)
    expect(option.series[0]!.markLine.data[0]!.xAxis).toBe(2)
    expect(option.series[0]!.markArea.data[0]!.map((p) => p.xAxis)).toEqual([1.5, 2.5])
  })
})

describe('buildTimeSeriesOption', () => {
  it('puts the highlighted series in front', () => {
    const option = buildTimeSeriesOption(
      ['2026-01', '2026-02'],
      [
        { name: 'A', values: [1, 2] },
        { name: 'B', values: [2, null], isHighlighted: true },
      ],
      { formatValue: String, formatPeriod: String },
    ) as { series: { z: number; itemStyle: { color: string } }[] }
    expect(option.series.map((s) => s.z)).toEqual([2, 10])
    expect(option.series[1]!.itemStyle.color).toBe(PALETTE.accent)
  })
})
