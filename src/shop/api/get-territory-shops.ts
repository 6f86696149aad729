import { queryOptions } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { placesKeys } from '@/shop/api/places-keys'

export function getTerritoryShops(
  backend: VitrineBackend,
  territorySlug: string,
  signal?: AbortSignal,
) {
  return backend.listShops(territorySlug, signal)
}

/** Every shop of the territory the user may read (the curators' dashboard). */
export function getTerritoryShopsQueryOptions(backend: VitrineBackend, territorySlug: string) {
  return queryOptions({
    queryKey: placesKeys.shops(territorySlug),
    queryFn: ({ signal }) => getTerritoryShops(backend, territorySlug, signal),
    // The snapshot→database switch and other tabs' changes arrive as invalidations.
    staleTime: 60_000,
  })
}
