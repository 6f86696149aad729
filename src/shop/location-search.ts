import type { LonLat } from '@/backend/types'
import { representativePoint } from '@/shop/place-geometry'
import { normalizeForSearch } from '@/shop/normalize-text'

export interface LocationSuggestion {
  label: string
  location: LonLat
  kind: 'commune' | 'address'
}

interface CommuneFeature {
  type: 'Feature'
  properties: { code_insee: string; nom: string }
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
}

export interface CommuneEntry {
  name: string
  normalized: string
  location: LonLat
}

/**
 * The territory's communes with a point each, from the boundaries bundled with the app: the
 * area-weighted centroid of the commune's outline (the one geometry helper of the app, the seed
 * and the imports), not the mean of its vertices, which a detailed stretch of border pulls aside.
 */
export function communeEntries(collection: { features: CommuneFeature[] }): CommuneEntry[] {
  return collection.features.flatMap((feature) => {
    const point = representativePoint(feature.geometry)
    if (!point) return []
    const [lon, lat] = point
    return [
      {
        name: feature.properties.nom,
        normalized: normalizeForSearch(feature.properties.nom),
        location: { lon, lat },
      },
    ]
  })
}

/** Communes whose name starts with the query come first, then those that contain it. */
export function searchCommunes(
  entries: readonly CommuneEntry[],
  query: string,
  limit = 5,
): LocationSuggestion[] {
  const q = normalizeForSearch(query)
  if (q.length < 2) return []
  const starts = entries.filter((e) => e.normalized.startsWith(q))
  const contains = entries.filter((e) => !e.normalized.startsWith(q) && e.normalized.includes(q))
  return [...starts, ...contains]
    .slice(0, limit)
    .map((e) => ({ label: e.name, location: e.location, kind: 'commune' as const }))
}

interface AddressApiFeature {
  geometry?: { coordinates?: [number, number] }
  properties?: { label?: string; type?: string }
}

/**
 * Parses the French national address service's answer (GeoJSON FeatureCollection as served by
 * api-adresse.data.gouv.fr and its successors); anything malformed is skipped.
 */
export function parseAddressResults(body: unknown): LocationSuggestion[] {
  const features = (body as { features?: AddressApiFeature[] } | null)?.features
  if (!Array.isArray(features)) return []
  return features.flatMap((feature) => {
    const [lon, lat] = feature.geometry?.coordinates ?? []
    const label = feature.properties?.label
    if (typeof lon !== 'number' || typeof lat !== 'number' || !label) return []
    return [{ label, location: { lon, lat }, kind: 'address' as const }]
  })
}

export function addressSearchUrl(
  base: string,
  query: string,
  near: LonLat | null,
  limit = 5,
): string {
  const url = new URL(base, globalThis.location?.href)
  url.searchParams.set('q', query)
  url.searchParams.set('limit', String(limit))
  if (near) {
    url.searchParams.set('lon', String(near.lon))
    url.searchParams.set('lat', String(near.lat))
  }
  return url.toString()
}
