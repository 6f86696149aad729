import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

export function getSubmissions(
  backend: VitrineBackend,
  territorySlug: string,
  signal?: AbortSignal,
) {
  return backend.listSubmissions(territorySlug, signal)
}

export function getSubmissionsQueryOptions(backend: VitrineBackend, territorySlug: string) {
  return queryOptions({
    queryKey: curationKeys.submissions(territorySlug),
    queryFn: ({ signal }) => getSubmissions(backend, territorySlug, signal),
  })
}

export function useSubmissions(territorySlug: string) {
  const backend = useBackend()
  return useQuery(getSubmissionsQueryOptions(backend, territorySlug))
}
