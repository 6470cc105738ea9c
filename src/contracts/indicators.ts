import { z } from 'zod'
import { confidentialitySchema } from './common'

export const indicatorSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameDe: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    frequency: z.enum(['monthly', 'yearly']),
    breakdowns: z.array(z.string()),
    kind: z.enum(['raw', 'context']),
    source: z.string(),
    licence: z.string(),
    definitionDe: z.string(),
    definitionEn: z.string(),
    confidentiality: confidentialitySchema,
  })
  .meta({ id: 'Indicator' })
export type IndicatorDto = z.infer<typeof indicatorSchema>

export const indicatorListSchema = z.object({ indicators: z.array(indicatorSchema) })
