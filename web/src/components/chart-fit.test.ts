import { describe, expect, it } from 'vitest'
import { fitToWidth, wrapWords } from './chart-fit'

const bars = {
  xAxis: { type: 'value' },
  yAxis: { type: 'category', data: ['Jobcenter Landkreis Main-Kinzig-Kreis'], axisLabel: { width: 260 } },
}

describe('fitting a chart to its width', () => {
  it('narrows the names of a bar chart on a phone', () => {
    expect(fitToWidth(bars, 342).yAxis).toEqual({
      type: 'category',
      data: ['Jobcenter Landkreis Main-Kinzig-Kreis'],
      axisLabel: { width: 114 },
    })
  })

  it('leaves wide charts, value axes and unmeasured boxes alone', () => {
    expect(fitToWidth(bars, 1200)).toBe(bars)
    expect(fitToWidth(bars, 0)).toBe(bars)
    const line = { yAxis: { type: 'value', axisLabel: { width: 260 } } }
    expect(fitToWidth(line, 300)).toEqual(line)
  })

  it('thins the value axis on a phone so its ticks do not run together', () => {
    expect(fitToWidth(bars, 342).xAxis).toEqual({
      type: 'value',
      splitNumber: 3,
      axisLabel: { hideOverlap: true },
    })
    expect(fitToWidth(bars, 900).xAxis).toEqual({ type: 'value' })
  })

  it('keeps a minimum width for the names', () => {
    expect(fitToWidth(bars, 120).yAxis).toMatchObject({ axisLabel: { width: 72 } })
  })

  it('keeps a radar and its names inside a phone-wide box', () => {
    const radar = { radar: { radius: '62%', axisName: { color: '#3d4a57', fontSize: 12 } } }
    const fitted = fitToWidth(radar, 342).radar as { radius: string; axisName: Record<string, unknown> }
    expect(fitted).toMatchObject({ radius: '36%', axisName: { color: '#3d4a57', fontSize: 10 } })
    const formatter = fitted.axisName.formatter as (name: string) => string
    expect(formatter('Strategic performance management')).toBe('Strategic\nperformance\nmanagement')
    expect(formatter('Relations with employers')).toBe('Relations with\nemployers')
    expect(fitToWidth(radar, 900)).toBe(radar)
  })

  it('wraps words at spaces within a number of characters', () => {
    expect(wrapWords('Gestaltung von Übergängen', 14)).toBe('Gestaltung von\nÜbergängen')
    expect(wrapWords('Arbeitgeberbeziehungen', 8)).toBe('Arbeitgeberbeziehungen')
    expect(wrapWords('a b c', 3)).toBe('a b\nc')
  })
})
