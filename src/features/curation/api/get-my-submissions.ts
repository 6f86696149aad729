import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from './curation-keys'

export function getMySubmissions(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listMySubmissions(signal)
}

export function getMySubmissionsQueryOptions(backend: VitrineBackend) {
  return queryOptions({
    queryKey: curationKeys.mySubmissions(),
    queryFn: ({ signal }) => getMySubmissions(backend, signal),
  })
}

/** The signed-in user's own submissions ("Mes demandes"). */
export function useMySubmissions() {
  const backend = useBackend()
  return useQuery(getMySubmissionsQueryOptions(backend))
}
