import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { accountKeys } from '@/session/account-keys'

export function getSessionUser(backend: VitrineBackend) {
  return backend.getSessionUser()
}

export function getSessionUserQueryOptions(backend: VitrineBackend) {
  return queryOptions({
    queryKey: accountKeys.session(),
    queryFn: () => getSessionUser(backend),
    staleTime: Infinity,
  })
}

export function useSessionUser() {
  const backend = useBackend()
  return useQuery(getSessionUserQueryOptions(backend))
}
