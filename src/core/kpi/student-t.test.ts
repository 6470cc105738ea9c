import { describe, expect, it } from 'vitest'
import {
  logGamma,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
} from './student-t'

// Reference values computed with mpmath at 40 digits (scipy's t.ppf is off in the 11th digit).
describe('Student t', () => {
  it('logGamma matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14)
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14) // Γ(½) = √π
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12) // Γ(10) = 9!
  })

  it('regularized incomplete beta matches closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14)
    expect(regularizedIncompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 14)
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14)
  })

  it('CDF matches table values', () => {
    // df = 1 is the Cauchy distribution: F(t) = ½ + atan(t)/π
    expect(studentTCdf(2, 1)).toBeCloseTo(0.5 + Math.atan(2) / Math.PI, 14)
    expect(studentTCdf(2, 10)).toBeCloseTo(0.9633059826146299, 14)
    expect(studentTCdf(-1.5, 4)).toBeCloseTo(0.104, 14)
    expect(studentTTwoSidedP(3, 20)).toBeCloseTo(0.007075898791211102, 15)
  })

  it.each([
    [0.975, 10, 2.228138851986274],
    [0.975, 1, 12.706204736174692],
    [0.975, 30, 2.042272456301238],
    [0.995, 5, 4.032142983555227],
    [0.9, 3, 1.6377443536962104],
    [0.025, 10, -2.228138851986274],
    [0.975, 1000, 1.962339080826408],
  ])('quantile(%f, %i) = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 12)
  })
})
