import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

/** Withdraws a pending invitation; the database refuses it to anyone but the shop's curators. */
export function revokeInvitation(backend: VitrineBackend, invitationId: string) {
  return backend.revokeInvitation(invitationId)
}

export function useRevokeInvitation(shopId: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(backend, invitationId),
    // Refreshed on failure too: the invitation may have been accepted or withdrawn elsewhere.
    onSettled: () => queryClient.invalidateQueries({ queryKey: curationKeys.invitations(shopId) }),
  })
}
