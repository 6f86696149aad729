import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadTerritoryOutlines } from '@/map/territory-outlines'
import { bundledStyle } from '@/map/bundled-style'
import { SOURCE_IDS } from '@/map/layer-ids'

afterEach(() => vi.unstubAllGlobals())

const OUTLINES = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { nom: 'Poitiers' }, geometry: null }],
}

describe('loadTerritoryOutlines', () => {
  it('returns the bundled outlines', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify(OUTLINES), {
            headers: { 'content-type': 'application/geo+json' },
          }),
      ),
    )
    expect(await loadTerritoryOutlines('/data/territories/x/communes.geojson')).toEqual(OUTLINES)
  })

  it.each([
    [
      'the host answers the app’s index.html for a missing file',
      () =>
        new Response('<!doctype html><html></html>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    ],
    ['the file is missing', () => new Response('not found', { status: 404 })],
    ['the file is not GeoJSON', () => new Response(JSON.stringify({ hello: 1 }))],
    ['the file is not JSON', () => new Response('communes')],
  ])('returns null when %s, so MapLibre is never fed it', async (_, answer) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer()),
    )
    expect(await loadTerritoryOutlines('/data/territories/niort-agglo/communes.geojson')).toBe(null)
  })

  it('asks once for the map and the credits together, and again after a miss', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify(OUTLINES), {
          headers: { 'content-type': 'application/geo+json' },
        }),
    )
    vi.stubGlobal('fetch', fetch)
    const url = '/data/territories/shared/communes.geojson'
    const [a, b] = await Promise.all([loadTerritoryOutlines(url), loadTerritoryOutlines(url)])
    expect(a).toEqual(OUTLINES)
    expect(b).toBe(a)
    expect(fetch).toHaveBeenCalledTimes(1)

    const missing = vi.fn(async () => new Response('not found', { status: 404 }))
    vi.stubGlobal('fetch', missing)
    const gone = '/data/territories/gone/communes.geojson'
    expect(await loadTerritoryOutlines(gone)).toBe(null)
    expect(await loadTerritoryOutlines(gone)).toBe(null)
    expect(missing).toHaveBeenCalledTimes(2)
  })

  it('returns null offline, when the request itself fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    expect(await loadTerritoryOutlines('/x.geojson')).toBe(null)
  })
})

describe('bundledStyle', () => {
  const bounds = [-0.78, 46.14, -0.17, 46.55] as const

  it('draws the outlines when the territory has them, credited', () => {
    const style = bundledStyle(OUTLINES as never, bounds)
    expect(style.sources[SOURCE_IDS.communes]).toMatchObject({
      data: OUTLINES,
      attribution: expect.stringContaining('IGN Admin Express'),
    })
  })

  it('without outlines, frames the territory by its bounds and credits nothing it lacks', () => {
    const source = bundledStyle(null, bounds).sources[SOURCE_IDS.communes] as {
      data: { features: { geometry: { coordinates: number[][][] } }[] }
      attribution?: string
    }
    expect(source.attribution).toBeUndefined()
    expect(source.data.features[0]!.geometry.coordinates[0]).toEqual([
      [-0.78, 46.14],
      [-0.17, 46.14],
      [-0.17, 46.55],
      [-0.78, 46.55],
      [-0.78, 46.14],
    ])
  })
})
