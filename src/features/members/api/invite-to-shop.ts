import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import type { MemberRole } from '@/backend/types'
import { useBackend } from '@/backend/backend-context'

export interface InvitationInput {
  email: string
  role: MemberRole
}

/**
 * Records an invitation; the database lower-cases the address and refuses an invalid one
 * (23514) or a second pending invitation for it (23505), with a French message.
 */
export function inviteToShop(backend: VitrineBackend, shopId: string, input: InvitationInput) {
  return backend.inviteToShop(shopId, input.email.trim(), input.role)
}

export function useInviteToShop(shopId: string) {
  const backend = useBackend()
  return useMutation({
    mutationFn: (input: InvitationInput) => inviteToShop(backend, shopId, input),
  })
}
