import type { Shop } from '@/backend/types'

export interface PlaceFeatureProperties {
  id: string
  name: string
  status: Shop['status']
  kind: Shop['kind']
}

export interface PlaceFeatureCollection {
  type: 'FeatureCollection'
  features: {
    type: 'Feature'
    id: number
    geometry: { type: 'Point'; coordinates: [number, number] }
    properties: PlaceFeatureProperties
  }[]
}

/**
 * Shops as GeoJSON for the map. Feature ids are the list index (MapLibre's feature state
 * needs numeric ids); the shop id travels in the properties.
 */
export function shopsToFeatureCollection(shops: readonly Shop[]): PlaceFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: shops.map((shop, index) => ({
      type: 'Feature',
      id: index,
      geometry: { type: 'Point', coordinates: [shop.location.lon, shop.location.lat] },
      properties: { id: shop.id, name: shop.name, status: shop.status, kind: shop.kind },
    })),
  }
}
