/**
 * Imports district (Kreis) boundaries from a GeoJSON FeatureCollection, e.g. the BKG VG5000
 * (`kreise_vg5000_20210101_ags_nuts.geojson`, properties `ags5, name, …`, EPSG:4326).
 *
 * Every feature is checked (its 1-based number is the `row` of an error): a 5-digit AGS as text in
 * the chosen property, a Polygon or MultiPolygon of closed rings of longitude/latitude pairs, no AGS
 * twice. Any error and nothing is imported; otherwise the file replaces all boundaries in one
 * transaction with its audit entry. AGS the register does not know are listed, not stored. Eisenach
 * (16056, merged into the Wartburgkreis on 1.7.2021) is a real boundary of the 2021 file and kept.
 */
import type { BoundaryGeometry, ImportBoundariesSummaryDto } from '../../contracts/areas'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { message } from '../../core/messages/text'
import { importMessage } from '../imports/import-message'
import { countPositions, simplifyGeometry } from './simplify-geometry'

export const DEFAULT_AGS_PROPERTY = 'ags5'
export const DEFAULT_TOLERANCE = 0.005
const MAX_FEATURES = 20_000
const MAX_ERRORS = 200

type ImportError = ImportBoundariesSummaryDto['errors'][number]
/** A problem of a feature: where, and the catalogue message (with its English text). */
type Problem = { field: string; value?: string } & ReturnType<typeof importMessage>

export interface ImportBoundariesOptions {
  fileName: string
  bytes: Uint8Array
  property?: string
  tolerance?: number
  licence?: string
  isDryRun?: boolean
  actor: AuditActor
  now: Date
}

interface ValidFeature {
  row: number
  ags5: string
  name: string | null
  geometry: BoundaryGeometry
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** The first problem of a ring, or null. `path` is like "geometry.coordinates[0]". */
function checkRing(ring: unknown, path: string): Problem | null {
  if (!Array.isArray(ring)) return { field: path, ...importMessage(message('area.expectedRing')) }
  if (ring.length < 4)
    return {
      field: path,
      value: String(ring.length),
      ...importMessage(message('area.ringTooShort', { count: ring.length })),
    }
  for (const [i, position] of ring.entries()) {
    const at = `${path}[${i}]`
    if (!Array.isArray(position) || position.length < 2)
      return { field: at, value: show(position), ...importMessage(message('area.expectedPosition')) }
    const [lon, lat] = position as unknown[]
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
      return { field: at, value: show(position), ...importMessage(message('area.coordinatesNotNumbers')) }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
      return {
        field: at,
        value: show(position),
        ...importMessage(message('area.notDegrees')),
      }
  }
  const first = ring[0] as number[]
  const last = ring[ring.length - 1] as number[]
  if (first[0] !== last[0] || first[1] !== last[1])
    return {
      field: path,
      value: `${show(first)} … ${show(last)}`,
      ...importMessage(message('area.ringNotClosed')),
    }
  return null
}

function checkGeometry(geometry: unknown): Problem | null {
  if (!isRecord(geometry)) return { field: 'geometry', ...importMessage(message('area.noGeometry')) }
  const { type, coordinates } = geometry
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return {
      field: 'geometry.type',
      value: show(type),
      ...importMessage(message('area.expectedPolygon')),
    }
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    return { field: 'geometry.coordinates', ...importMessage(message('area.expectedCoordinates')) }
  const polygons: [unknown, string][] =
    type === 'Polygon'
      ? [[coordinates, 'geometry.coordinates']]
      : coordinates.map((p, i) => [p, `geometry.coordinates[${i}]`])
  for (const [polygon, path] of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0)
      return { field: path, ...importMessage(message('area.expectedPolygonRings')) }
    for (const [i, ring] of polygon.entries()) {
      const problem = checkRing(ring, `${path}[${i}]`)
      if (problem) return problem
    }
  }
  return null
}

/** Parses and checks the file; returns the valid features or the errors (never both). */
export function readBoundaryFile(
  bytes: Uint8Array,
  property: string,
): { features: ValidFeature[]; errors: ImportError[]; count: number } {
  let document: unknown
  try {
    document = JSON.parse(new TextDecoder('utf-8').decode(bytes))
  } catch (error) {
    return {
      count: 0,
      features: [],
      errors: [
        importMessage(
          message('area.notJson', { reason: error instanceof Error ? error.message : String(error) }),
        ),
      ],
    }
  }
  if (!isRecord(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features))
    return {
      count: 0,
      features: [],
      errors: [
        {
          field: 'type',
          value: isRecord(document) ? show(document.type) : show(document),
          ...importMessage(message('area.expectedFeatureCollection')),
        },
      ],
    }
  const raw: unknown[] = document.features
  if (raw.length === 0) return { count: 0, features: [], errors: [importMessage(message('area.noFeatures'))] }
  if (raw.length > MAX_FEATURES)
    return {
      count: raw.length,
      features: [],
      errors: [importMessage(message('area.tooManyFeatures', { count: raw.length, max: MAX_FEATURES }))],
    }
  const errors: ImportError[] = []
  const features: ValidFeature[] = []
  const firstRowOf = new Map<string, number>()
  for (const [index, feature] of raw.entries()) {
    const row = index + 1
    if (!isRecord(feature) || feature.type !== 'Feature') {
      errors.push({
        row,
        field: 'type',
        value: show(isRecord(feature) ? feature.type : feature),
        ...importMessage(message('area.expectedFeature')),
      })
      continue
    }
    const properties = isRecord(feature.properties) ? feature.properties : {}
    const value = properties[property]
    if (value === undefined || value === null || value === '') {
      const names = Object.keys(properties)
      errors.push({
        row,
        field: `properties.${property}`,
        ...importMessage(
          names.length > 0
            ? message('area.propertyMissing', { property, names: names.map((n) => `'${n}'`).join(', ') })
            : message('area.propertyMissingNone', { property }),
        ),
      })
      continue
    }
    if (typeof value !== 'string' || !/^\d{5}$/.test(value)) {
      errors.push({
        row,
        field: `properties.${property}`,
        value: show(value),
        ...importMessage(
          typeof value === 'number' ? message('area.agsIsNumber') : message('area.expectedAgs'),
        ),
      })
      continue
    }
    const problem = checkGeometry(feature.geometry)
    if (problem) {
      errors.push({ row, ...problem })
      continue
    }
    const previous = firstRowOf.get(value)
    if (previous !== undefined) {
      errors.push({
        row,
        field: `properties.${property}`,
        value,
        ...importMessage(message('area.agsTwice', { ags: value, firstFeatureId: previous })),
      })
      continue
    }
    firstRowOf.set(value, row)
    const nameValue = properties.name ?? properties.GEN ?? properties.gen
    features.push({
      row,
      ags5: value,
      name: typeof nameValue === 'string' && nameValue.trim() ? nameValue.trim() : null,
      geometry: feature.geometry as BoundaryGeometry,
    })
  }
  return errors.length > 0
    ? { count: raw.length, features: [], errors: errors.slice(0, MAX_ERRORS) }
    : { count: raw.length, features, errors }
}

/** The attribution the BKG licence (dl-de/by-2-0) asks for, when the file is a BKG VG product. */
export function defaultLicence(fileName: string): string | null {
  const match = /vg(?:250|1000|2500|5000)[^0-9]*(\d{4})?/i.exec(fileName)
  if (!match) return null
  return `© GeoBasis-DE / BKG${match[1] ? ` ${match[1]}` : ''} (Daten verändert), dl-de/by-2-0`
}

export async function importBoundaries(
  database: Database,
  options: ImportBoundariesOptions,
): Promise<ImportBoundariesSummaryDto> {
  const property = options.property ?? DEFAULT_AGS_PROPERTY
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE
  const isDryRun = options.isDryRun ?? false
  const summary: ImportBoundariesSummaryDto = {
    fileName: options.fileName,
    isDryRun,
    isCommitted: false,
    property,
    tolerance,
    featuresRead: 0,
    imported: 0,
    pointsRead: 0,
    pointsKept: 0,
    geometryBytes: 0,
    errors: [],
    unmatched: [],
  }
  const { features, errors, count } = readBoundaryFile(options.bytes, property)
  summary.featuresRead = count
  if (errors.length > 0) return { ...summary, errors }

  const register = await database.db.selectFrom('kreis').select(['ags5', 'name']).execute()
  const registerName = new Map(register.map((k) => [k.ags5, k.name]))
  const rows: { ags5: string; name: string; geometry: string }[] = []
  for (const feature of features) {
    const known = registerName.get(feature.ags5)
    if (known === undefined) {
      summary.unmatched.push({
        row: feature.row,
        value: feature.ags5,
        ...importMessage(message('area.agsNotInRegister', { ags: feature.ags5 })),
      })
      continue
    }
    const simplified = simplifyGeometry(feature.geometry, tolerance)
    summary.pointsRead += countPositions(feature.geometry)
    summary.pointsKept += countPositions(simplified)
    const geometry = JSON.stringify(simplified)
    summary.geometryBytes += geometry.length
    rows.push({ ags5: feature.ags5, name: feature.name ?? known, geometry })
  }
  summary.imported = rows.length
  if (isDryRun) return summary
  if (rows.length === 0)
    return {
      ...summary,
      errors: [importMessage(message('area.nothingMatches'))],
    }

  await database.transaction(async (tx) => {
    const before = await tx.db
      .selectFrom('kreis_boundary')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow()
    await tx.db.deleteFrom('kreis_boundary').execute()
    for (let i = 0; i < rows.length; i += 100) {
      await tx.db
        .insertInto('kreis_boundary')
        .values(
          rows.slice(i, i + 100).map((r) => ({
            ...r,
            source: options.fileName,
            licence: options.licence?.trim() || defaultLicence(options.fileName),
            imported_at: options.now,
          })),
        )
        .execute()
    }
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'kreis_boundary.import',
      entity: 'kreis_boundary',
      before: { districts: Number(before.count) },
      after: {
        fileName: options.fileName,
        property,
        tolerance,
        districts: rows.length,
        unmatched: summary.unmatched.map((u) => u.value),
        pointsKept: summary.pointsKept,
      },
      at: options.now,
    })
  })
  return { ...summary, isCommitted: true }
}
