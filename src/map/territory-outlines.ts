import type { FeatureCollection } from 'geojson'

/**
 * The territory's commune outlines bundled with the build, or null when it has none. A territory
 * without the file is normal (only some have outlines); a host that answers a missing file with
 * the app's `index.html` (a single-page fallback) must not hand HTML to MapLibre, which then
 * throws and never shows the map: only a GeoJSON FeatureCollection is returned.
 */
export function loadTerritoryOutlines(url: string): Promise<FeatureCollection | null> {
  // The map and the credits both ask at start-up: one request. A miss is not kept, so that a
  // file that failed offline is asked for again later.
  let loading = loaded.get(url)
  if (!loading) {
    loading = fetchOutlines(url)
    loaded.set(url, loading)
    void loading.then((outlines) => {
      if (outlines === null) loaded.delete(url)
    })
  }
  return loading
}

const loaded = new Map<string, Promise<FeatureCollection | null>>()

async function fetchOutlines(url: string): Promise<FeatureCollection | null> {
  try {
    const response = await fetch(url)
    if (!response.ok) return null
    const type = response.headers.get('content-type') ?? ''
    if (type.includes('text/html')) return null
    const body = (await response.json()) as Partial<FeatureCollection> | null
    return body && body.type === 'FeatureCollection' && Array.isArray(body.features)
      ? (body as FeatureCollection)
      : null
  } catch {
    return null
  }
}
