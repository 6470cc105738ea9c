import { describe, expect, it } from 'vitest'
import { describeChange } from './audit-change'
import {
  FIGURE_COLOURS,
  buildFigureBarOption,
  judgeAgainstMedian,
  markRevisions,
  pickTimeSeriesMembers,
  signed,
} from './figures'

describe('judgeAgainstMedian', () => {
  it('follows the polarity and never judges context figures or missing values', () => {
    expect(judgeAgainstMedian(30, 25, 'higher_is_better')).toBe('better')
    expect(judgeAgainstMedian(20, 25, 'higher_is_better')).toBe('worse')
    expect(judgeAgainstMedian(20, 25, 'lower_is_better')).toBe('better')
    expect(judgeAgainstMedian(30, 25, 'lower_is_better')).toBe('worse')
    expect(judgeAgainstMedian(30, 25, 'context')).toBe('neutral')
    expect(judgeAgainstMedian(25, 25, 'higher_is_better')).toBe('neutral')
    expect(judgeAgainstMedian(null, 25, 'higher_is_better')).toBe('neutral')
    expect(judgeAgainstMedian(25, null, 'higher_is_better')).toBe('neutral')
  })
})

describe('buildFigureBarOption', () => {
  const members = [
    { name: 'A', value: 10, isOwn: false },
    { name: 'B', value: 30, isOwn: true },
    { name: 'C', value: null, isOwn: false },
    { name: 'D', value: 20, isOwn: false },
  ]
  const options = { median: 20, q1: 15, q3: 25, medianLabel: 'Median', formatValue: String }
  type Bar = { value: number; itemStyle: { color: string; borderWidth: number } }
  const read = (option: ReturnType<typeof buildFigureBarOption>) => {
    const o = option as { yAxis: { data: string[] }; series: { data: Bar[] }[] }
    return { names: o.yAxis.data, bars: o.series[0]!.data }
  }

  it('puts the best on top (last in the category axis), leaves out missing values, frames the own bar', () => {
    const { names, bars } = read(buildFigureBarOption(members, { ...options, polarity: 'higher_is_better' }))
    expect(names).toEqual(['A', 'D', 'B'])
    expect(bars.map((b) => b.itemStyle.color)).toEqual([
      FIGURE_COLOURS.worse,
      FIGURE_COLOURS.neutral,
      FIGURE_COLOURS.better,
    ])
    expect(bars[2]!.itemStyle.borderWidth).toBe(3)
    expect(bars[0]!.itemStyle.borderWidth).toBe(0)
  })

  it('turns the order and the colours round when lower is better, and keeps context figures neutral', () => {
    const lower = read(buildFigureBarOption(members, { ...options, polarity: 'lower_is_better' }))
    expect(lower.names).toEqual(['B', 'D', 'A'])
    expect(lower.bars[0]!.itemStyle.color).toBe(FIGURE_COLOURS.worse)
    const context = read(buildFigureBarOption(members, { ...options, polarity: 'context' }))
    expect(new Set(context.bars.map((b) => b.itemStyle.color))).toEqual(new Set([FIGURE_COLOURS.neutral]))
  })
})

describe('markRevisions', () => {
  it('marks changed values as revised and values that did not exist then as new', () => {
    const marks = markRevisions(
      [
        { organisationId: 1, value: 10 },
        { organisationId: 2, value: 20 },
        { organisationId: 3, value: 30 },
        { organisationId: 4, value: null },
      ],
      [
        { organisationId: 1, value: 10 },
        { organisationId: 2, value: 19.5 },
        { organisationId: 3, value: null },
        { organisationId: 4, value: 5 },
      ],
    )
    expect([...marks.entries()]).toEqual([
      [1, null],
      [2, 'revised'],
      [3, 'new'],
      [4, null],
    ])
  })

  it('marks nothing without an earlier state', () => {
    expect([...markRevisions([{ organisationId: 1, value: 1 }], undefined).values()]).toEqual([null])
  })
})

describe('helpers', () => {
  it('picks the own organisation first, then by rank, up to the limit', () => {
    const members = [
      { organisationId: 1, rank: 3 },
      { organisationId: 2, rank: null },
      { organisationId: 3, rank: 1 },
      { organisationId: 4, rank: 2 },
    ]
    expect(pickTimeSeriesMembers(members, 2, 3).map((m) => m.organisationId)).toEqual([2, 3, 4])
  })

  it('signs changes', () => {
    const format = (v: number) => v.toFixed(1).replace('.', ',')
    expect(signed(1.25, format)).toBe('+1,3')
    expect(signed(-0.5, format)).toBe('−0,5')
    expect(signed(0.01, format)).toBe('±0,0')
  })

  it('describes an audit change field by field', () => {
    expect(describeChange({ role: 'viewer', name: 'A' }, { role: 'member_analyst', name: 'A' })).toBe(
      'role: viewer → member_analyst',
    )
    expect(describeChange(null, { role: 'viewer', email: null })).toBe('role: viewer; email: null')
  })
})
