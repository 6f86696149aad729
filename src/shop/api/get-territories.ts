import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { placesKeys } from '@/shop/api/places-keys'

export function getTerritories(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listTerritories(signal)
}

export function getTerritoriesQueryOptions(backend: VitrineBackend) {
  return queryOptions({
    queryKey: placesKeys.territories(),
    queryFn: ({ signal }) => getTerritories(backend, signal),
    staleTime: Infinity,
  })
}

export function useTerritories() {
  const backend = useBackend()
  return useQuery(getTerritoriesQueryOptions(backend))
}
