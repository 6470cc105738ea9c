/**
 * Mapping files for lists of organisations (e.g. the annex of the Kommunalträger-Zulassungsverordnung
 * listing the 104 zkT): which column holds the district key, the name and the other fields.
 */
import { z } from 'zod'

export const organisationListMappingSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('organisation-list'),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The description in German, shown on German pages (`description` is English). */
  descriptionDe: z.string().optional(),
  delimiter: z.enum([';', ',', '\t', '|']).optional(),
  encoding: z.enum(['utf-8', 'windows-1252', 'latin1']).optional(),
  key: z.strictObject({ column: z.string().min(1), type: z.literal('ags') }),
  columns: z.strictObject({
    name: z.string().min(1),
    shortName: z.string().min(1).optional(),
    nuts3: z.string().min(1).optional(),
    /** Carrier type per row: zkT (zugelassener kommunaler Träger) or gE (gemeinsame Einrichtung). */
    carrierType: z.string().min(1).optional(),
    /** The official comparison type (IAB "Vergleichstyp") per row, e.g. "IIIb". */
    comparisonType: z.string().min(1).optional(),
  }),
  /** Text put before the name column's value, e.g. "Jobcenter ". */
  namePrefix: z.string().optional(),
  defaults: z.strictObject({
    kind: z.enum(['jobcenter', 'district', 'city', 'provider', 'other']),
    carrierType: z.enum(['zkT', 'gE']).optional(),
  }),
  /** Members are added to this network (created if missing) from `validFrom`. */
  network: z.string().min(1).optional(),
  validFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  source: z.string().optional(),
})
export type OrganisationListMapping = z.infer<typeof organisationListMappingSchema>
