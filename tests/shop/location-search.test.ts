// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  addressSearchUrl,
  communeEntries,
  parseAddressResults,
  searchCommunes,
} from '@/shop/location-search'

const square = (lon: number, lat: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.1, lat],
      [lon + 0.1, lat + 0.1],
      [lon, lat + 0.1],
      [lon, lat],
    ],
  ],
})

const communes = communeEntries({
  features: [
    {
      type: 'Feature',
      properties: { code_insee: '86194', nom: 'Poitiers' },
      geometry: square(0.3, 46.5),
    },
    {
      type: 'Feature',
      properties: { code_insee: '86214', nom: 'Sainte-Radégonde' },
      geometry: square(0.6, 46.6),
    },
    {
      type: 'Feature',
      properties: { code_insee: '86041', nom: 'Buxerolles' },
      geometry: square(0.4, 46.6),
    },
  ],
})

describe('commune search', () => {
  it('weighs the outline by its area, not by its vertices', () => {
    // A square whose eastern border is drawn with many points: the vertices' mean drifts east.
    const east = Array.from({ length: 50 }, (_, i) => [1, i / 49] as [number, number])
    const [entry] = communeEntries({
      features: [
        {
          type: 'Feature',
          properties: { code_insee: '00000', nom: 'Carrée' },
          geometry: { type: 'Polygon', coordinates: [[[0, 0], ...east, [0, 1], [0, 0]]] },
        },
      ],
    })
    expect(entry?.location.lon).toBeCloseTo(0.5, 5)
    expect(entry?.location.lat).toBeCloseTo(0.5, 5)
  })

  it('puts each commune at the centre of its outline', () => {
    expect(communes[0]?.location.lon).toBeCloseTo(0.35, 5)
    expect(communes[0]?.location.lat).toBeCloseTo(46.55, 5)
  })
  it('ignores accents, case and hyphens, prefix matches first', () => {
    expect(searchCommunes(communes, 'SAINTE RADEGONDE').map((s) => s.label)).toEqual([
      'Sainte-Radégonde',
    ])
    expect(searchCommunes(communes, 'ers').map((s) => s.label)).toEqual(['Poitiers'])
    expect(searchCommunes(communes, 'b').map((s) => s.label)).toEqual([])
  })
})

describe('national address service', () => {
  it('reads labels and coordinates and skips malformed features', () => {
    const results = parseAddressResults({
      features: [
        {
          geometry: { coordinates: [0.3404, 46.5802] },
          properties: { label: '1 Place du Maréchal Leclerc 86000 Poitiers' },
        },
        { geometry: { coordinates: ['x', 46] }, properties: { label: 'bad' } },
        { properties: { label: 'no geometry' } },
      ],
    })
    expect(results).toEqual([
      {
        label: '1 Place du Maréchal Leclerc 86000 Poitiers',
        location: { lon: 0.3404, lat: 46.5802 },
        kind: 'address',
      },
    ])
    expect(parseAddressResults(null)).toEqual([])
    expect(parseAddressResults({ features: 'nope' })).toEqual([])
  })
  it('asks near the current origin, with the query encoded', () => {
    const url = new URL(
      addressSearchUrl('https://api.example.fr/search/', '1 rue de l’Église', {
        lon: 0.34,
        lat: 46.58,
      }),
    )
    expect(url.searchParams.get('q')).toBe('1 rue de l’Église')
    expect(url.searchParams.get('lon')).toBe('0.34')
    expect(url.searchParams.get('limit')).toBe('5')
  })
})
