/**
 * Mapping files for published figure values (`"kind": "published-figures"`): the official § 48a
 * key figures as the statistics office publishes them, one row per organisation, figure, breakdown
 * and month with value, numerator and denominator. Documented for users in mappings/README.md.
 */
import { z } from 'zod'
import { symbolMeaningSchema } from './mapping-schema'

const columnName = z.string().min(1)

export const publishedFigureMappingSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('published-figures'),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The description in German, shown on German pages (`description` is English). */
  descriptionDe: z.string().optional(),
  sheet: z.string().min(1).optional(),
  headerRow: z.number().int().min(1).optional(),
  encoding: z.enum(['utf-8', 'windows-1252', 'latin1']).optional(),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  decimal: z.enum([',', '.']).optional(),
  key: z.strictObject({ column: columnName, type: z.enum(['ags', 'nuts3', 'id', 'auto']) }),
  columns: z.strictObject({
    figure: columnName,
    period: columnName,
    value: columnName,
    breakdown: columnName.optional(),
    numerator: columnName.optional(),
    denominator: columnName.optional(),
    status: columnName.optional(),
    comparisonType: columnName.optional(),
  }),
  /** Figure names in the file → figure codes (`{ "Integrationsquote": "K2" }`); codes are read as written. */
  figureCodes: z.record(z.string().min(1), z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/)).optional(),
  symbols: z.record(z.string().min(1), symbolMeaningSchema.exclude(['zero'])).optional(),
  unmatchedKeys: z.enum(['error', 'report']).optional(),
  source: z.string().optional(),
  licence: z.string().optional(),
})
export type PublishedFigureMapping = z.infer<typeof publishedFigureMappingSchema>
