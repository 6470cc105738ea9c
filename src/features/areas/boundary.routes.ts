/**
 * District boundaries over HTTP: administrators upload a GeoJSON file (it replaces all boundaries);
 * every signed-in person reads them for the map of rings, with names and rings only for the
 * districts of organisations they see by name (read-boundaries.ts).
 */
import { message } from '../../core/messages/text'
import { rejectedFile } from '../imports/import-message'
import {
  boundaryListSchema,
  importBoundariesQuerySchema,
  importBoundariesSummarySchema,
} from '../../contracts/areas'
import { PERMISSIONS } from '../../core/permissions'
import { FOR_ANY, readerOnDayOf, route } from '../../server/route'
import { importBoundaries } from './import-boundaries'
import { readBoundaries } from './read-boundaries'
import { UPLOAD_LIMITS } from '../../core/limits/input-limits'
import { readUpload } from '../../server/read-upload'

export const importBoundariesRoute = route('areas', 'POST /api/v1/areas/boundaries', {
  operationId: 'importBoundaries',
  summary:
    'Import district boundaries (GeoJSON FeatureCollection with a 5-digit AGS per feature); replaces all boundaries',
  access: { roles: PERMISSIONS.manageNetwork },
  query: importBoundariesQuerySchema,
  isUpload: true,
  response: importBoundariesSummarySchema,
  async handler({ query, request, context, actor, now }) {
    const file = await readUpload(request, { maxBytes: UPLOAD_LIMITS.boundariesMaxBytes })
    const summary = await importBoundaries(context.database, {
      fileName: file.fileName,
      bytes: file.bytes,
      property: query.property,
      tolerance: query.tolerance,
      licence: query.licence,
      isDryRun: query.dryRun === 'true',
      actor,
      now,
    })
    if (summary.errors.length > 0)
      throw rejectedFile(
        summary,
        message('area.problems', { file: summary.fileName, count: summary.errors.length }),
      )
    return summary
  },
})

export const listBoundariesRoute = route('areas', 'GET /api/v1/areas/boundaries', {
  operationId: 'listBoundaries',
  summary:
    "District boundaries for the map of rings: every district's outline; key, name, organisation and ring only where the caller sees the organisation by name",
  access: FOR_ANY,
  response: boundaryListSchema,
  handler: (input) => readBoundaries(input.context.database.db, readerOnDayOf(input)),
})

export const boundaryRoutes = [importBoundariesRoute, listBoundariesRoute]
