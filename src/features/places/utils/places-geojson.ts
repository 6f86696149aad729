import type { Shop } from '@/backend/types'
import type { DisplayStatus } from '@/shop/shop-status'

export interface PlaceFeatureProperties {
  id: string
  name: string
  display: DisplayStatus
}

export interface PlaceFeature {
  type: 'Feature'
  id: number
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: PlaceFeatureProperties
}

export interface PlaceFeatureCollection {
  type: 'FeatureCollection'
  features: PlaceFeature[]
}

/**
 * The matching places as GeoJSON for the map. Feature ids are positions in the list (MapLibre's
 * feature state needs numbers); the shop id travels in the properties.
 */
export function placesToFeatureCollection(
  places: readonly { shop: Shop; display: DisplayStatus }[],
): PlaceFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places.map(({ shop, display }, index) => ({
      type: 'Feature',
      id: index,
      geometry: { type: 'Point', coordinates: [shop.location.lon, shop.location.lat] },
      properties: { id: shop.id, name: shop.name, display },
    })),
  }
}
