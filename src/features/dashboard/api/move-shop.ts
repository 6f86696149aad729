import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import type { LonLat } from '@/backend/types'
import { useBackend } from '@/backend/backend-context'

export interface MoveShopRequest {
  shopId: string
  location: LonLat
  /** The shop's `updatedAt` as the list showed it: a move made elsewhere meanwhile is refused. */
  expectedUpdatedAt: string
}

export function moveShop(backend: VitrineBackend, request: MoveShopRequest) {
  return backend.moveShop(request.shopId, request.location, request.expectedUpdatedAt)
}

/** A curator's pin: the backend reports the moved shop, and the lists holding it follow. */
export function useMoveShop() {
  const backend = useBackend()
  return useMutation({ mutationFn: (request: MoveShopRequest) => moveShop(backend, request) })
}
