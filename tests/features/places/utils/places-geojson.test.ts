import { describe, expect, it } from 'vitest'
import { shopsToFeatureCollection } from '@/features/places/utils/places-geojson'
import { makeShop } from '../../../fixtures/shops'

describe('shopsToFeatureCollection', () => {
  it('makes one point per shop, lon first, with numeric ids for feature state', () => {
    const collection = shopsToFeatureCollection([
      makeShop({ id: 'a', location: { lon: 0.34, lat: 46.58 }, status: 'open' }),
      makeShop({ id: 'b', location: { lon: 0.1, lat: 46.4 }, status: 'closed' }),
    ])
    expect(collection.features).toHaveLength(2)
    expect(collection.features[0]).toMatchObject({
      id: 0,
      geometry: { type: 'Point', coordinates: [0.34, 46.58] },
      properties: { id: 'a', status: 'open' },
    })
    expect(collection.features[1]?.properties.status).toBe('closed')
  })
  it('handles no shops', () => {
    expect(shopsToFeatureCollection([]).features).toEqual([])
  })
})
