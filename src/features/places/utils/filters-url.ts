import {
  SHOP_KINDS,
  SHOP_SERVICES,
  type LonLat,
  type ShopKind,
  type ShopService,
} from '@/backend/types'
import { SELECTED_PLACE_PARAM } from '@/lib/routes'
import type { PlaceFilters } from './place-filters'

/** Everything a link must reproduce: the filters, the distance origin and the selected place. */
export interface PlacesView {
  filters: PlaceFilters
  originLabel: string | null
  selectedPlaceId: string | null
}

export const RADIUS_PRESETS_KM = [1, 5, 20] as const
export const MAX_RADIUS_KM = 50

const KEYS = {
  services: 'services',
  categories: 'cat',
  kinds: 'kind',
  openNow: 'open',
  query: 'q',
  origin: 'near',
  originLabel: 'from',
  radius: 'r',
  place: SELECTED_PLACE_PARAM,
} as const

function list(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

function parseOrigin(value: string | null): LonLat | null {
  if (!value) return null
  const [lon, lat] = value.split(',').map(Number)
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat))
    return null
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null
  return { lon, lat }
}

function parseRadius(value: string | null): number | null {
  if (value === null || value.trim() === '') return null
  const radius = Number(value)
  if (!Number.isFinite(radius) || radius < 0) return null
  return Math.min(radius, MAX_RADIUS_KM)
}

/**
 * Reads the view from a query string. Unknown values are dropped rather than refused: a link
 * typed by hand or made by an older version still opens on something sensible.
 */
export function parsePlacesView(search: string): PlacesView {
  const params = new URLSearchParams(search)
  const origin = parseOrigin(params.get(KEYS.origin))
  return {
    filters: {
      services: list(params, KEYS.services).filter((s): s is ShopService =>
        (SHOP_SERVICES as readonly string[]).includes(s),
      ),
      categories: list(params, KEYS.categories).filter((c) => /^[a-z0-9-]{1,60}$/.test(c)),
      kinds: list(params, KEYS.kinds).filter((k): k is ShopKind =>
        (SHOP_KINDS as readonly string[]).includes(k),
      ),
      openNow: params.get(KEYS.openNow) === '1',
      query: (params.get(KEYS.query) ?? '').slice(0, 100),
      origin,
      radiusKm: origin ? parseRadius(params.get(KEYS.radius)) : null,
    },
    originLabel: origin ? (params.get(KEYS.originLabel)?.slice(0, 200) ?? null) : null,
    selectedPlaceId: params.get(KEYS.place),
  }
}

const round = (n: number) => Math.round(n * 1e5) / 1e5

/** Writes the view as a query string with stable key order, leaving defaults out. */
export function serializePlacesView(view: PlacesView): string {
  const { filters } = view
  const params = new URLSearchParams()
  if (filters.services.length) params.set(KEYS.services, [...filters.services].sort().join(','))
  if (filters.categories.length)
    params.set(KEYS.categories, [...filters.categories].sort().join(','))
  if (filters.kinds.length) params.set(KEYS.kinds, [...filters.kinds].sort().join(','))
  if (filters.openNow) params.set(KEYS.openNow, '1')
  if (filters.query.trim()) params.set(KEYS.query, filters.query.trim())
  if (filters.origin) {
    params.set(KEYS.origin, `${round(filters.origin.lon)},${round(filters.origin.lat)}`)
    if (view.originLabel) params.set(KEYS.originLabel, view.originLabel)
    if (filters.radiusKm !== null) params.set(KEYS.radius, String(filters.radiusKm))
  }
  if (view.selectedPlaceId) params.set(KEYS.place, view.selectedPlaceId)
  const text = params.toString()
  return text ? `?${text}` : ''
}
