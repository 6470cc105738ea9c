import { describe, expect, it } from 'vitest'
import { MinCostFlow } from './min-cost-flow'

describe('MinCostFlow', () => {
  it('solves a small assignment by hand', () => {
    // workers a, b → jobs x, y; costs a-x 1, a-y 2, b-x 1, b-y 5.
    // Greedy would give a-x (1) then b-y (5) = 6; optimum is a-y + b-x = 2 + 1 = 3.
    const flow = new MinCostFlow(6)
    const [s, a, b, x, y, t] = [0, 1, 2, 3, 4, 5]
    flow.addArc({ from: s, to: a, capacity: 1, cost: 0 })
    flow.addArc({ from: s, to: b, capacity: 1, cost: 0 })
    const ax = flow.addArc({ from: a, to: x, capacity: 1, cost: 1 })
    const ay = flow.addArc({ from: a, to: y, capacity: 1, cost: 2 })
    const bx = flow.addArc({ from: b, to: x, capacity: 1, cost: 1 })
    const by = flow.addArc({ from: b, to: y, capacity: 1, cost: 5 })
    flow.addArc({ from: x, to: t, capacity: 1, cost: 0 })
    flow.addArc({ from: y, to: t, capacity: 1, cost: 0 })
    expect(flow.solve({ source: s, sink: t, amount: 2 })).toBe(2)
    expect([ax, ay, bx, by].map((arc) => flow.flowOn(arc))).toEqual([0, 1, 1, 0])
  })

  it('continues from a flow sent in advance under the potentials given', () => {
    // The same assignment, with a sent to its nearest job x first (potentials: −1 for a and b,
    // their cheapest costs; 0 for jobs and sink). The one search left moves a to y for b:
    // b → x → a → y → t has reduced cost 0 + 0 + 1 + 0 = 1 against 4 for b → y → t.
    const flow = new MinCostFlow(6, 8)
    const [s, a, b, x, y, t] = [0, 1, 2, 3, 4, 5]
    const sa = flow.addArc({ from: s, to: a, capacity: 1, cost: 0 })
    flow.addArc({ from: s, to: b, capacity: 1, cost: 0 })
    const ax = flow.addArc({ from: a, to: x, capacity: 1, cost: 1 })
    const ay = flow.addArc({ from: a, to: y, capacity: 1, cost: 2 })
    const bx = flow.addArc({ from: b, to: x, capacity: 1, cost: 1 })
    const by = flow.addArc({ from: b, to: y, capacity: 1, cost: 5 })
    const xt = flow.addArc({ from: x, to: t, capacity: 1, cost: 0 })
    flow.addArc({ from: y, to: t, capacity: 1, cost: 0 })
    for (const arc of [sa, ax, xt]) flow.addFlow(arc, 1)
    const potentials = Float64Array.from([0, -1, -1, 0, 0, 0])
    expect(flow.solve({ source: s, sink: t, amount: 1, potentials })).toBe(1)
    expect([ax, ay, bx, by].map((arc) => flow.flowOn(arc))).toEqual([0, 1, 1, 0])
  })

  it('reports how much could be sent when capacity is short', () => {
    const flow = new MinCostFlow(3)
    flow.addArc({ from: 0, to: 1, capacity: 5, cost: 1 })
    flow.addArc({ from: 1, to: 2, capacity: 3, cost: 1 })
    expect(flow.solve({ source: 0, sink: 2, amount: 4 })).toBe(3)
  })
})
