/**
 * District boundaries over HTTP: administrators upload a GeoJSON file (it replaces all boundaries);
 * every signed-in person reads them for the map of rings, with names and rings only for the
 * districts of organisations they see by name (read-boundaries.ts).
 */
import { invalidInput } from '../../core/errors/app-error'
import {
  boundaryListSchema,
  importBoundariesQuerySchema,
  importBoundariesSummarySchema,
} from '../../contracts/areas'
import { defineRoute, requireViewer } from '../../server/route'
import { findUserById } from '../auth/user.repository'
import { importBoundaries } from './import-boundaries'
import { readBoundaries } from './read-boundaries'

const TAG = 'areas'
const MAX_UPLOAD_BYTES = 32 * 1024 * 1024

export const importBoundariesRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/areas/boundaries',
  operationId: 'importBoundaries',
  summary:
    'Import district boundaries (GeoJSON FeatureCollection with a 5-digit AGS per feature); replaces all boundaries',
  tag: TAG,
  access: { roles: ['admin'] },
  query: importBoundariesQuerySchema,
  isUpload: true,
  response: importBoundariesSummarySchema,
  async handler({ query, request, context, viewer }) {
    const v = requireViewer(viewer)
    const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES } })
    if (!part)
      throw invalidInput('expected a multipart upload with a field "file"', [
        { field: 'file', message: 'missing' },
      ])
    const user = await findUserById(context.database.db, v.userId)
    const summary = await importBoundaries(context.database, {
      fileName: part.filename,
      bytes: await part.toBuffer(),
      property: query.property,
      tolerance: query.tolerance,
      licence: query.licence,
      isDryRun: query.dryRun === 'true',
      actor: { userId: v.userId, label: user?.email ?? `user ${v.userId}` },
      now: context.now(),
    })
    if (summary.errors.length > 0)
      throw invalidInput(
        `${summary.fileName}: ${summary.errors.length} problem(s); nothing was imported`,
        summary.errors.map((e) => ({ file: summary.fileName, ...e })),
      )
    return summary
  },
})

export const listBoundariesRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/areas/boundaries',
  operationId: 'listBoundaries',
  summary:
    "District boundaries for the map of rings: every district's outline; key, name, organisation and ring only where the caller sees the organisation by name",
  tag: TAG,
  access: { roles: 'any' },
  response: boundaryListSchema,
  async handler({ context, viewer }) {
    const v = requireViewer(viewer)
    const today = context.now().toISOString().slice(0, 10)
    return readBoundaries(context.database.db, { viewer: v, at: today })
  },
})

export const boundaryRoutes = [importBoundariesRoute, listBoundariesRoute]
