import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { merchantKeys } from '@/shop/api/merchant-keys'

export function getMerchantShop(backend: VitrineBackend, shopId: string, signal?: AbortSignal) {
  return backend.getShop(shopId, signal)
}

export function getMerchantShopQueryOptions(backend: VitrineBackend, shopId: string) {
  return queryOptions({
    queryKey: merchantKeys.shop(shopId),
    queryFn: ({ signal }) => getMerchantShop(backend, shopId, signal),
  })
}

export function useMerchantShop(shopId: string) {
  const backend = useBackend()
  return useQuery(getMerchantShopQueryOptions(backend, shopId))
}
