import { useEffect } from 'react'
import type { GeoJSONSource } from 'maplibre-gl'
import { useMap } from '@/map/map-context'
import { SOURCE_IDS } from '@/map/layer-ids'
import type { Shop } from '@/backend/types'
import { shopsToFeatureCollection } from '../utils/places-geojson'
import { placesCircleLayer } from './places-layers'

/** Draws the places; new data replaces the source's data, never the map or its layers. */
export function PlacesLayer({ shops }: { shops: readonly Shop[] }) {
  const map = useMap()

  useEffect(() => {
    if (!map) return
    const data = shopsToFeatureCollection(shops)
    const source = map.getSource<GeoJSONSource>(SOURCE_IDS.places)
    if (source) {
      source.setData(data)
    } else {
      map.addSource(SOURCE_IDS.places, { type: 'geojson', data })
      map.addLayer(placesCircleLayer)
    }
    if (shops.length > 0) {
      map.once('idle', () => {
        document.documentElement.dataset.mapReady = 'true'
        if (performance.getEntriesByName('vitrine:map-interactive').length === 0) {
          performance.mark('vitrine:map-interactive')
        }
      })
    }
  }, [map, shops])

  return null
}
