import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

/** Takes a person off a shop; the database refuses it to anyone but the shop's curators. */
export function removeShopMember(backend: VitrineBackend, shopId: string, userId: string) {
  return backend.removeShopMember(shopId, userId)
}

export function useRemoveShopMember(shopId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => removeShopMember(backend, shopId, userId),
    // Refreshed on failure too: the person may already have been removed elsewhere.
    onSettled: () => queryClient.invalidateQueries({ queryKey: curationKeys.members(shopId) }),
  })
}
