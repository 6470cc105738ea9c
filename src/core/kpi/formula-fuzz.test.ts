/**
 * Fuzz test of the formula language (issue 10): 5,000 generated formulas with a fixed seed (see
 * src/test/formula-fuzz.ts). Every refusal must be an AppError invalid_input naming the formula
 * field; every accepted formula must evaluate without throwing, giving in every month either a
 * finite value or a known missing reason. How long one formula takes is measured by the bench
 * (`npm run bench -- kpi-core`).
 */
import { describe, expect, it } from 'vitest'
import { FORMULA_FUZZ_RUN, runFormulaFuzz } from '../../test/formula-fuzz'

describe('formula fuzz', () => {
  it(`${FORMULA_FUZZ_RUN.count} generated formulas: refused with invalid_input or evaluated without throwing`, () => {
    const { failures, accepted, refused } = runFormulaFuzz(FORMULA_FUZZ_RUN)
    expect(failures.slice(0, 10)).toEqual([])
    // Both sides of the language are exercised, not only refusals.
    expect(accepted).toBeGreaterThan(FORMULA_FUZZ_RUN.count * 0.15)
    expect(refused).toBeGreaterThan(FORMULA_FUZZ_RUN.count * 0.3)
  }, 60_000)
})
