import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'

/** Withdraws a pending invitation; the database refuses it to anyone but the shop's curators. */
export function revokeInvitation(backend: VitrineBackend, invitationId: string) {
  return backend.revokeInvitation(invitationId)
}

export function useRevokeInvitation() {
  const backend = useBackend()
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(backend, invitationId),
  })
}
