import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { merchantKeys } from '@/shop/api/merchant-keys'

export function getMyShops(backend: VitrineBackend, signal?: AbortSignal) {
  return backend.listMyShops(signal)
}

export function getMyShopsQueryOptions(backend: VitrineBackend, userId: string) {
  return queryOptions({
    queryKey: merchantKeys.myShops(userId),
    queryFn: ({ signal }) => getMyShops(backend, signal),
  })
}

export function useMyShops(userId: string) {
  const backend = useBackend()
  return useQuery(getMyShopsQueryOptions(backend, userId))
}
