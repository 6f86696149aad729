import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { merchantKeys } from '@/shop/api/merchant-keys'

export function getStatusHistory(backend: VitrineBackend, shopId: string, signal?: AbortSignal) {
  return backend.listStatusEvents(shopId, signal)
}

export function getStatusHistoryQueryOptions(backend: VitrineBackend, shopId: string) {
  return queryOptions({
    queryKey: merchantKeys.history(shopId),
    queryFn: ({ signal }) => getStatusHistory(backend, shopId, signal),
  })
}

export function useStatusHistory(shopId: string) {
  const backend = useBackend()
  return useQuery(getStatusHistoryQueryOptions(backend, shopId))
}
