import type { LonLat, Shop, ShopKind, ShopService } from '@/backend/types'
import { distanceKm, isWithinRadius } from './distance'
import { normalizeForSearch, searchWords } from '@/shop/normalize-text'
import {} from '@/shop/shop-status'

export interface PlaceFilters {
  /** Every ticked service must be offered. */
  services: ShopService[]
  /** Any of these categories; empty means all. */
  categories: string[]
  /** Any of these kinds; empty means all. */
  kinds: ShopKind[]
  openNow: boolean
  query: string
  /** Where distances are measured from; results are then sorted by distance. */
  origin: LonLat | null
  /** Only with an origin; `null` means no limit. */
  radiusKm: number | null
}

export const EMPTY_FILTERS: PlaceFilters = {
  services: [],
  categories: [],
  kinds: [],
  openNow: false,
  query: '',
  origin: null,
  radiusKm: null,
}

export function matchesServices(shop: Shop, services: readonly ShopService[]): boolean {
  return services.every((service) => shop.services.includes(service))
}

export function matchesCategories(shop: Shop, categories: readonly string[]): boolean {
  return categories.length === 0 || categories.includes(shop.categorySlug)
}

export function matchesKinds(shop: Shop, kinds: readonly ShopKind[]): boolean {
  return kinds.length === 0 || kinds.includes(shop.kind)
}

/** The folded text a query is looked up in: the name, then the commune on its own line. */
export function searchText(shop: Shop): string {
  const name = normalizeForSearch(shop.name)
  return shop.communeName ? `${name}\n${normalizeForSearch(shop.communeName)}` : name
}

/**
 * Every word of the query must appear in the name or the commune, ignoring case, accents and
 * separators; an empty query matches everything.
 */
export function matchesQuery(shop: Shop, query: string): boolean {
  const words = searchWords(query)
  if (words.length === 0) return true
  const text = searchText(shop)
  return words.every((word) => text.includes(word))
}

/** Whether the shop has coordinates one can measure a distance to. */
export function hasLocation(shop: Shop): boolean {
  // Typed as always present, but a bad row must cost the shop its distance, not the whole list.
  const location = shop.location as LonLat | null | undefined
  return (
    !!location &&
    Number.isFinite(location.lon) &&
    Number.isFinite(location.lat) &&
    Math.abs(location.lon) <= 180 &&
    Math.abs(location.lat) <= 90
  )
}

/** Distance from the origin, or `null` without an origin or without a location. */
export function shopDistanceKm(shop: Shop, origin: LonLat | null): number | null {
  return origin && hasLocation(shop) ? distanceKm(origin, shop.location) : null
}

/**
 * Whether the shop is within the radius: always without an origin or a radius; never for a shop
 * without a location once a radius applies. A shop on the circle itself is within.
 */
export function matchesRadius(shop: Shop, origin: LonLat | null, radiusKm: number | null): boolean {
  if (!origin || radiusKm === null) return true
  const distance = shopDistanceKm(shop, origin)
  return distance !== null && isWithinRadius(distance, radiusKm)
}
