/**
 * The map of rings: a choropleth of the districts (Kreise) coloured by ring, drawn with the ECharts
 * map series from the boundaries API (loaded when the map mounts). Districts the caller may not see
 * by name are grey outlines. A legend in HTML and a table with the same content stand next to it;
 * without imported boundaries the panel says how to import them.
 */
import { useCallback, useId, useMemo, useState } from 'react'
import type { EChartsCoreOption } from 'echarts/core'
import type { BoundaryListDto } from '../../../../src/contracts/areas'
import { useI18n } from '../../i18n/i18n'
import { formatDateTime } from '../../i18n/translate'
import { DataTable, TableToggle } from '../data-table'
import { ChartOverlay, useEChart, type ChartsLoader } from '../echart-mount'

const MAP_NAME = 'benchlearn-kreise'
/** Twelve colours that stay apart from each other and from the grey outlines (Tableau 10 + 2). */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#2f4b7c',
  '#a0cbe8',
  '#8cd17d',
]
const OUTLINE = '#e4e8ed'
const NO_RING = '#b9c2cc'

export interface RingAssignment {
  code: string
  name: string
}

export interface RingMapProps {
  boundaries: BoundaryListDto
  /** Colour by these groups (a proposal) instead of today's rings; keyed by organisation id. */
  assignment?: ReadonlyMap<number, RingAssignment>
  caption: string
}

interface District {
  key: string
  ags5: string | null
  name: string | null
  organisationName: string | null
  ring: RingAssignment | null
}

export function RingMap({ boundaries, assignment, caption }: RingMapProps) {
  const { t, locale } = useI18n()
  const [isTableShown, setIsTableShown] = useState(false)
  const tableId = useId()

  const districts: District[] = useMemo(
    () =>
      boundaries.districts.map((d, i) => {
        const ring = d.organisationId
          ? assignment
            ? (assignment.get(d.organisationId) ?? null)
            : d.ringCode
              ? { code: d.ringCode, name: d.ringName ?? d.ringCode }
              : null
          : null
        return {
          key: d.ags5 ?? `outline-${i}`,
          ags5: d.ags5,
          name: d.name,
          organisationName: d.organisationName,
          ring,
        }
      }),
    [boundaries, assignment],
  )
  const rings = useMemo(() => {
    const byCode = new Map<string, RingAssignment>()
    for (const d of districts) if (d.ring) byCode.set(d.ring.code, d.ring)
    return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
  }, [districts])
  const colourOf = useMemo(
    () => new Map(rings.map((ring, i) => [ring.code, PALETTE[i % PALETTE.length]!])),
    [rings],
  )
  const geoJson = useMemo(
    () => ({
      type: 'FeatureCollection',
      features: boundaries.districts.map((d, i) => ({
        type: 'Feature',
        properties: { name: districts[i]!.key },
        geometry: d.geometry,
      })),
    }),
    [boundaries, districts],
  )

  const loadMap: ChartsLoader = useCallback(
    () =>
      import('../echarts-map-setup').then((setup) => {
        // ECharts types the GeoJSON loosely; ours is a FeatureCollection of (Multi)Polygons.
        setup.registerMap(MAP_NAME, geoJson as unknown as Parameters<typeof setup.registerMap>[1])
        return setup
      }),
    [geoJson],
  )

  const option: EChartsCoreOption = useMemo(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (params: { data?: { label?: string } }) => params.data?.label ?? t('map.outline'),
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          roam: false,
          aspectScale: 0.64,
          layoutCenter: ['50%', '50%'],
          layoutSize: '98%',
          selectedMode: false,
          label: { show: false },
          itemStyle: { areaColor: OUTLINE, borderColor: '#ffffff', borderWidth: 0.4 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#17324d' } },
          data: districts.map((d) => ({
            name: d.key,
            label: d.ags5
              ? `${d.name ?? d.ags5}${d.organisationName ? ` · ${d.organisationName}` : ''}<br/>${d.ring ? `${d.ring.code} ${d.ring.name}` : t('map.noRing')}`
              : undefined,
            itemStyle: { areaColor: d.ags5 ? (d.ring ? colourOf.get(d.ring.code) : NO_RING) : OUTLINE },
          })),
        },
      ],
    }),
    [districts, colourOf, t],
  )

  const { box, status } = useEChart(loadMap, option)

  const named = districts.filter((d) => d.ags5 !== null)
  const summary = t('map.summary', { named: named.length, rings: rings.length, total: districts.length })
  return (
    <div className="ring-map">
      <div className="ring-map-layout">
        <div className="echart-frame ring-map-frame">
          <div ref={box} className="echart" role="img" aria-label={summary} />
          <ChartOverlay status={status} />
        </div>
        <div className="ring-map-side">
          <h3 className="visually-hidden">{t('map.legend')}</h3>
          <ul className="map-legend">
            {rings.map((ring) => (
              <li key={ring.code}>
                <span className="swatch" style={{ background: colourOf.get(ring.code) }} aria-hidden="true" />
                {ring.code} {ring.name !== ring.code && <span className="muted">{ring.name}</span>}
              </li>
            ))}
            {named.some((d) => !d.ring) && (
              <li>
                <span className="swatch" style={{ background: NO_RING }} aria-hidden="true" />
                {t('map.noRing')}
              </li>
            )}
            <li>
              <span className="swatch outline" style={{ background: OUTLINE }} aria-hidden="true" />
              {t('map.outlineLegend')}
            </li>
          </ul>
          <TableToggle isShown={isTableShown} tableId={tableId} onToggle={setIsTableShown} />
        </div>
      </div>
      <p className="hint">
        {t('map.attribution', {
          source: boundaries.source ?? '–',
          licence: boundaries.licence ?? t('map.noLicence'),
          date: boundaries.importedAt ? formatDateTime(locale, boundaries.importedAt) : '–',
        })}
      </p>
      <div id={tableId} hidden={!isTableShown}>
        {isTableShown && (
          <DataTable
            caption={caption}
            columns={[
              { key: 'ring', header: t('map.ring') },
              { key: 'name', header: t('map.district') },
              { key: 'ags5', header: t('map.ags') },
              { key: 'organisation', header: t('map.organisation') },
            ]}
            rows={named.map((d) => ({
              ring: d.ring ? `${d.ring.code} ${d.ring.name}` : t('map.noRing'),
              name: d.name,
              ags5: d.ags5,
              organisation: d.organisationName,
            }))}
            initialSort={{ key: 'ring', direction: 'ascending' }}
          />
        )}
      </div>
    </div>
  )
}
