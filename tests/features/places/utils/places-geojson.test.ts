// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { placesToFeatureCollection } from '@/features/places/utils/places-geojson'
import { makeShop } from '../../../fixtures/shops'

describe('placesToFeatureCollection', () => {
  it('makes one point per place, lon first, with numeric ids for feature state', () => {
    const collection = placesToFeatureCollection([
      { shop: makeShop({ id: 'a', location: { lon: 0.34, lat: 46.58 } }), display: 'open' },
      { shop: makeShop({ id: 'b', location: { lon: 0.1, lat: 46.4 } }), display: 'to-confirm' },
    ])
    expect(collection.features).toHaveLength(2)
    expect(collection.features[0]).toMatchObject({
      id: 0,
      geometry: { type: 'Point', coordinates: [0.34, 46.58] },
      properties: { id: 'a', display: 'open' },
    })
    expect(collection.features[1]?.properties.display).toBe('to-confirm')
  })

  it('handles no places', () => {
    expect(placesToFeatureCollection([]).features).toEqual([])
  })
})
