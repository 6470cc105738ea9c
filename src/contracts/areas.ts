/**
 * District (Kreis) boundaries for the map of rings (issue 5): imported from a GeoJSON
 * FeatureCollection (e.g. BKG VG5000) and read back for the districts the caller may see.
 */
import { z } from 'zod'
import { isoDate } from './common'
import { importErrorSchema, unmatchedKeySchema } from './imports'

const position = z.tuple([z.number(), z.number()])
const linearRing = z.array(position)

/** GeoJSON geometry of one district, WGS 84 longitude/latitude. */
export const boundaryGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(linearRing) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(linearRing)) }),
])
export type BoundaryGeometry = z.infer<typeof boundaryGeometrySchema>

export const importBoundariesQuerySchema = z.object({
  property: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('feature property holding the 5-digit AGS; default ags5'),
  tolerance: z.coerce
    .number()
    .min(0)
    .max(0.1)
    .optional()
    .describe('Douglas–Peucker simplification in degrees; default 0.005, 0 = keep every point'),
  licence: z
    .string()
    .trim()
    .max(300)
    .optional()
    .describe('attribution shown under the map, e.g. "© GeoBasis-DE / BKG 2021 (Daten verändert)"'),
  dryRun: z.enum(['true', 'false']).optional(),
})

export const importBoundariesSummarySchema = z
  .object({
    fileName: z.string(),
    isDryRun: z.boolean(),
    isCommitted: z.boolean(),
    property: z.string(),
    tolerance: z.number(),
    featuresRead: z.number().int(),
    imported: z.number().int(),
    pointsRead: z.number().int(),
    pointsKept: z.number().int(),
    /** Size of the stored geometries as JSON text. */
    geometryBytes: z.number().int(),
    /** `row` is the 1-based number of the feature in the file. Any error: nothing is imported. */
    errors: z.array(
      z.object({
        row: z.number().int().optional(),
        field: z.string().optional(),
        value: z.string().optional(),
        message: z.string(),
        messageKey: importErrorSchema.shape.messageKey,
        params: importErrorSchema.shape.params,
      }),
    ),
    /** AGS the district register does not know (listed, not stored, not an error). */
    unmatched: z.array(unmatchedKeySchema),
  })
  .meta({ id: 'ImportBoundariesSummary' })
export type ImportBoundariesSummaryDto = z.infer<typeof importBoundariesSummarySchema>

export const boundaryDistrictSchema = z.object({
  /**
   * Key, name, organisation and ring only for districts of organisations the caller sees by name;
   * every other district is an outline (geometry only), so the map says nothing about them.
   */
  ags5: z.string().nullable(),
  name: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  ringCode: z.string().nullable(),
  ringName: z.string().nullable(),
  geometry: boundaryGeometrySchema,
})
export type BoundaryDistrictDto = z.infer<typeof boundaryDistrictSchema>

export const boundaryListSchema = z
  .object({
    /** The day the rings are read for. */
    at: isoDate,
    source: z.string().nullable(),
    licence: z.string().nullable(),
    importedAt: z.string().nullable(),
    districts: z.array(boundaryDistrictSchema),
  })
  .meta({ id: 'BoundaryList' })
export type BoundaryListDto = z.infer<typeof boundaryListSchema>
