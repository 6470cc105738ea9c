import { describe, expect, it } from 'vitest'
import { withCanvasTooltip } from './canvas-tooltip'

describe('withCanvasTooltip', () => {
  it('draws tooltips on the canvas and keeps the rest of the option', () => {
    const option = { tooltip: { trigger: 'axis' }, series: [{ type: 'bar', data: [1] }] }
    expect(withCanvasTooltip(option)).toEqual({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      series: [{ type: 'bar', data: [1] }],
    })
    expect(option.tooltip).toEqual({ trigger: 'axis' })
  })

  it('leaves options without a tooltip alone', () => {
    const option = { series: [] }
    expect(withCanvasTooltip(option)).toBe(option)
  })
})
