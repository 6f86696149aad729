import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'

/** Takes a person off a shop; the database refuses it to anyone but the shop's curators. */
export function removeShopMember(backend: VitrineBackend, shopId: string, userId: string) {
  return backend.removeShopMember(shopId, userId)
}

export function useRemoveShopMember(shopId: string) {
  const backend = useBackend()
  return useMutation({
    mutationFn: (userId: string) => removeShopMember(backend, shopId, userId),
  })
}
