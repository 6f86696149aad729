import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { useSessionUser } from '@/session/get-session-user'
import { accountKeys } from '@/session/account-keys'

export function getCuratedTerritories(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listCuratedTerritories(signal)
}

export function getCuratedTerritoriesQueryOptions(backend: VitrineBackend, userId: string | null) {
  return queryOptions({
    queryKey: accountKeys.curatedTerritories(userId),
    queryFn: ({ signal }) => getCuratedTerritories(backend, signal),
  })
}

export function useCuratedTerritories() {
  const backend = useBackend()
  const user = useSessionUser()
  const userId = user.data?.id ?? null
  // Asked once the session is known; a visitor has none of these.
  return useQuery({
    ...getCuratedTerritoriesQueryOptions(backend, userId),
    enabled: user.isSuccess && userId !== null,
  })
}
