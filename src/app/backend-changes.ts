import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { placesKeys } from '@/features/places/api/places-keys'
import { accountKeys } from '@/features/account/api/account-keys'

/** Turns the backend's change notifications (this tab, other tabs, realtime) into invalidations. */
export function useBackendChanges(backend: VitrineBackend) {
  const queryClient = useQueryClient()
  useEffect(
    () =>
      backend.subscribe((change) => {
        if (change.kind === 'shops') {
          void queryClient.invalidateQueries({
            queryKey: change.territorySlug
              ? placesKeys.shops(change.territorySlug)
              : placesKeys.all,
          })
          if (change.shopId)
            void queryClient.invalidateQueries({ queryKey: placesKeys.shop(change.shopId) })
        } else if (change.kind === 'session') {
          void queryClient.invalidateQueries({ queryKey: accountKeys.all })
          void queryClient.invalidateQueries({ queryKey: placesKeys.all })
        } else {
          void queryClient.invalidateQueries()
        }
      }),
    [backend, queryClient],
  )
}
