import { useEffect } from 'react'
import type { GeoJSONSource } from 'maplibre-gl'
import type { LonLat } from '@/backend/types'
import { useMap } from '@/map/map-context'
import { LAYER_IDS, SOURCE_IDS } from '@/map/layer-ids'
import { radiusCircle } from '../utils/distance'
import { radiusFillLayer, radiusLineLayer } from './places-layers'

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] }

/** The search radius drawn around the origin, and the view framed on it when it changes. */
export function RadiusLayer({
  origin,
  radiusKm,
}: {
  origin: LonLat | null
  radiusKm: number | null
}) {
  const map = useMap()

  useEffect(() => {
    if (!map) return
    const circle =
      origin && radiusKm !== null && radiusKm > 0 ? radiusCircle(origin, radiusKm) : null
    const data = circle ? { type: 'FeatureCollection' as const, features: [circle] } : EMPTY
    const source = map.getSource<GeoJSONSource>(SOURCE_IDS.radius)
    if (source) source.setData(data)
    else {
      map.addSource(SOURCE_IDS.radius, { type: 'geojson', data })
      const below = map.getLayer(LAYER_IDS.clusters) ? LAYER_IDS.clusters : undefined
      map.addLayer(radiusFillLayer, below)
      map.addLayer(radiusLineLayer, below)
    }
    // Observable state for tests and assistive tooling: what the map shows right now.
    document.documentElement.dataset.mapRadiusKm = circle ? String(radiusKm) : ''
    if (circle) {
      const ring = circle.geometry.coordinates[0] ?? []
      const lons = ring.map((p) => p[0] ?? 0)
      const lats = ring.map((p) => p[1] ?? 0)
      map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], {
        padding: 32,
        duration: 600,
      })
    } else if (origin) {
      map.easeTo({ center: [origin.lon, origin.lat], zoom: Math.max(map.getZoom(), 13) })
    }
  }, [map, origin, radiusKm])

  return null
}
