import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { placesKeys } from './places-keys'

export function getTerritoryShops(
  backend: VitrineBackend,
  territorySlug: string,
  signal?: AbortSignal,
) {
  return backend.listShops(territorySlug, signal)
}

export function getTerritoryShopsQueryOptions(backend: VitrineBackend, territorySlug: string) {
  return queryOptions({
    queryKey: placesKeys.shops(territorySlug),
    queryFn: ({ signal }) => getTerritoryShops(backend, territorySlug, signal),
    // The snapshot→database switch and other tabs' changes arrive as invalidations.
    staleTime: 60_000,
  })
}

export function useTerritoryShops(territorySlug: string) {
  const backend = useBackend()
  return useQuery(getTerritoryShopsQueryOptions(backend, territorySlug))
}
