import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from './curation-keys'

export function getCuratedTerritories(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listCuratedTerritories(signal)
}

export function getCuratedTerritoriesQueryOptions(backend: VitrineBackend) {
  return queryOptions({
    queryKey: curationKeys.curatedTerritories(),
    queryFn: ({ signal }) => getCuratedTerritories(backend, signal),
  })
}

export function useCuratedTerritories() {
  const backend = useBackend()
  return useQuery(getCuratedTerritoriesQueryOptions(backend))
}
