import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { placesKeys } from '@/shop/api/places-keys'

export function getCategories(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listCategories(signal)
}

export function getCategoriesQueryOptions(backend: VitrineBackend) {
  return queryOptions({
    queryKey: placesKeys.categories(),
    queryFn: ({ signal }) => getCategories(backend, signal),
    staleTime: Infinity,
  })
}

export function useCategories() {
  const backend = useBackend()
  return useQuery(getCategoriesQueryOptions(backend))
}
