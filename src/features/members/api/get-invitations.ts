import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

/** A shop's invitations, newest first, accepted ones included (the screen keeps the pending). */
export function getInvitations(backend: VitrineBackend, shopId: string, signal?: AbortSignal) {
  return backend.listInvitations(shopId, signal)
}

export function getInvitationsQueryOptions(backend: VitrineBackend, shopId: string) {
  return queryOptions({
    queryKey: curationKeys.invitations(shopId),
    queryFn: ({ signal }) => getInvitations(backend, shopId, signal),
  })
}

export function useInvitations(shopId: string) {
  const backend = useBackend()
  return useQuery(getInvitationsQueryOptions(backend, shopId))
}
