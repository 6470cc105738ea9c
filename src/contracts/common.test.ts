import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { idText, listText } from './common'
import { hostProposalQuerySchema } from './meetings'

const codes = listText({ item: z.string().regex(/^K\d+$/), max: 3, noun: 'a figure code', plural: 'figures' })

describe('listText', () => {
  it('gives the distinct items in the order given', () => {
    expect(codes.parse('K2, K1,K2')).toEqual(['K2', 'K1'])
    expect(listText({ item: idText, max: 5, noun: 'an id', plural: 'ids' }).parse('12,3,012')).toEqual([
      12, 3,
    ])
  })

  it('refuses a bad item instead of dropping it', () => {
    const result = codes.safeParse('K1,X,K2')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('not a figure code: X')
    expect(codes.safeParse('K1,,K2').success).toBe(false)
  })

  it('refuses more than max items', () => {
    expect(codes.safeParse('K1,K2,K3,K4').error?.issues[0]?.message).toBe('at most 3 figures per request')
  })
})

describe('idText', () => {
  it('reads positive whole numbers that fit a database integer', () => {
    expect(idText.parse('42')).toBe(42)
    for (const bad of ['0', '-1', '1.5', '1e3', 'abc', '', '2147483648', '99999999999'])
      expect(idText.safeParse(bad).success, bad).toBe(false)
  })
})

describe('hostProposalQuerySchema', () => {
  it('reads the unavailable organisations and names the field of a bad id', () => {
    expect(hostProposalQuerySchema.parse({ unavailable: '4,7' })).toEqual({ unavailable: [4, 7] })
    expect(hostProposalQuerySchema.parse({})).toEqual({})
    const issue = hostProposalQuerySchema.safeParse({ unavailable: '4,seven' }).error?.issues[0]
    expect(issue?.path).toEqual(['unavailable'])
    expect(issue?.message).toBe('not an organisation id: seven')
  })
})
