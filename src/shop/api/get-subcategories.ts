import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

export function getSubcategories(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listSubcategories(signal)
}

export function getSubcategoriesQueryOptions(backend: VitrineBackend) {
  return queryOptions({
    queryKey: curationKeys.subcategories(),
    queryFn: ({ signal }) => getSubcategories(backend, signal),
    // Reference data: it changes with a migration, not while the page is open.
    staleTime: Infinity,
  })
}

export function useSubcategories() {
  const backend = useBackend()
  return useQuery(getSubcategoriesQueryOptions(backend))
}
