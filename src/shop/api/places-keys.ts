import type { ViewportQuery } from '@/backend/port'

/** Query keys of the places feature, general to specific so that a prefix invalidates below it. */
export const placesKeys = {
  all: ['places'] as const,
  territories: () => [...placesKeys.all, 'territories'] as const,
  categories: () => [...placesKeys.all, 'categories'] as const,
  /** Every territory's lists of shops. */
  allShops: () => [...placesKeys.all, 'shops'] as const,
  // Every list of a territory's shops is under shops(slug), so that one invalidation (or one
  // patch of a changed shop) reaches them all.
  shops: (territorySlug: string) => [...placesKeys.all, 'shops', territorySlug] as const,
  shopsUpTo: (territorySlug: string, limit: number) =>
    [...placesKeys.shops(territorySlug), 'up-to', limit] as const,
  shopsInViewport: (territorySlug: string, query: ViewportQuery) =>
    [...placesKeys.shops(territorySlug), 'viewport', query] as const,
  communes: (territorySlug: string) => [...placesKeys.all, 'communes', territorySlug] as const,
  credits: (territorySlug: string) => [...placesKeys.all, 'credits', territorySlug] as const,
  locationSearch: (territorySlug: string, query: string) =>
    [...placesKeys.all, 'location-search', territorySlug, query] as const,
}
