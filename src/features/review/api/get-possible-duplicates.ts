import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

export function getPossibleDuplicates(
  backend: VitrineBackend,
  submissionId: string,
  signal?: AbortSignal,
) {
  return backend.listPossibleDuplicates(submissionId, signal)
}

export function getPossibleDuplicatesQueryOptions(backend: VitrineBackend, submissionId: string) {
  return queryOptions({
    queryKey: curationKeys.duplicates(submissionId),
    queryFn: ({ signal }) => getPossibleDuplicates(backend, submissionId, signal),
  })
}

export function usePossibleDuplicates(submissionId: string) {
  const backend = useBackend()
  return useQuery(getPossibleDuplicatesQueryOptions(backend, submissionId))
}
