import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

/** A shop's members with their e-mail address; the database lets only its curators read it. */
export function getShopMembers(backend: VitrineBackend, shopId: string, signal?: AbortSignal) {
  return backend.listShopMembers(shopId, signal)
}

export function getShopMembersQueryOptions(backend: VitrineBackend, shopId: string) {
  return queryOptions({
    queryKey: curationKeys.members(shopId),
    queryFn: ({ signal }) => getShopMembers(backend, shopId, signal),
  })
}

export function useShopMembers(shopId: string) {
  const backend = useBackend()
  return useQuery(getShopMembersQueryOptions(backend, shopId))
}
