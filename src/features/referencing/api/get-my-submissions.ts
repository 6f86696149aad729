import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { useSessionUser } from '@/session/get-session-user'
import { curationKeys } from '@/shop/api/curation-keys'

export function getMySubmissions(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listMySubmissions(signal)
}

export function getMySubmissionsQueryOptions(backend: VitrineBackend, userId: string | null) {
  return queryOptions({
    queryKey: curationKeys.mySubmissions(userId),
    queryFn: ({ signal }) => getMySubmissions(backend, signal),
  })
}

/** The signed-in user's own submissions ("Mes demandes"). */
export function useMySubmissions() {
  const backend = useBackend()
  const user = useSessionUser()
  const userId = user.data?.id ?? null
  // Asked once the session is known; a visitor has none of these.
  return useQuery({
    ...getMySubmissionsQueryOptions(backend, userId),
    enabled: user.isSuccess && userId !== null,
  })
}
