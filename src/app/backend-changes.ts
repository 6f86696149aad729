import { useEffect } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import type { Shop } from '@/backend/types'
import { placesKeys } from '@/shop/api/places-keys'
import { accountKeys } from '@/session/account-keys'
import { merchantKeys } from '@/shop/api/merchant-keys'

/**
 * Puts a changed shop in the lists (the sheets read them) that already show it, without a round trip: another
 * tab's map shows a merchant's tap at once, while the invalidation below brings the rest. A shop
 * no list holds is not added (whether a visitor may see it is the database's call).
 */
function showChangedShop(queryClient: QueryClient, changed: Shop) {
  // Every list of the territory: whole, bounded, or a viewport's.
  queryClient.setQueriesData<Shop[]>(
    { queryKey: placesKeys.shops(changed.territorySlug) },
    (shops) => shops?.map((shop) => (shop.id === changed.id ? changed : shop)),
  )
  // The merchant's page of the shop, in this tab or another: never older than what was written.
  queryClient.setQueryData<Shop | null>(merchantKeys.shop(changed.id), (shop) =>
    shop && shop.updatedAt <= changed.updatedAt ? changed : shop,
  )
}

/** Turns the backend's change notifications (this tab, other tabs, realtime) into invalidations. */
export function useBackendChanges(backend: VitrineBackend) {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      backend.subscribe((change) => {
        if (change.kind === 'shops') {
          if (change.shop) showChangedShop(queryClient, change.shop)
          void queryClient.invalidateQueries({
            queryKey: change.territorySlug
              ? placesKeys.shops(change.territorySlug)
              : placesKeys.all,
          })
          if (change.shopId) {
            // Realtime carries no shop: the merchant's page reads it again.
            if (!change.shop)
              void queryClient.invalidateQueries({ queryKey: merchantKeys.shop(change.shopId) })
            void queryClient.invalidateQueries({ queryKey: merchantKeys.history(change.shopId) })
          }
        } else if (change.kind === 'session') {
          // Everything may depend on who is signed in (the database's policies decide), and the
          // session first, so that user-keyed queries move to the new user's keys.
          void queryClient
            .invalidateQueries({ queryKey: accountKeys.all })
            .then(() => queryClient.invalidateQueries())
        } else {
          void queryClient.invalidateQueries()
        }
      }),
    [backend, queryClient],
  )
}
