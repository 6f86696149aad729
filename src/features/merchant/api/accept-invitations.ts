import { useEffect, useRef } from 'react'
import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { useSessionUser } from '@/session/get-session-user'

/**
 * Binds the signed-in user's verified e-mail to the shops a curator invited it to; the ids of
 * those shops (none for a visitor, an unverified address or no pending invitation).
 */
export function acceptInvitations(backend: VitrineBackend) {
  return backend.acceptInvitations()
}

/**
 * Accepts pending invitations once per signed-in user, whichever page is open, so that
 * "Mon commerce" lists a shop as soon as its invited merchant signs in. A failure is kept in
 * the returned state (with `retry`) rather than thrown: the page goes on, and the next sign-in
 * tries again.
 */
export function useAcceptInvitationsOnSignIn() {
  const backend = useBackend()
  const session = useSessionUser()
  const userId = session.data?.id ?? null
  // The user whose invitations were last asked for: a session refetch with the same user, or a
  // remount in StrictMode, must not ask again.
  const handledFor = useRef<string | null>(null)
  const mutation = useMutation({
    // The backend reports the shops joined: "Mon commerce" reads them again.
    mutationFn: (_forUserId: string) => acceptInvitations(backend),
  })
  const { mutate } = mutation

  useEffect(() => {
    if (userId === handledFor.current) return
    // Signing out forgets the user, so that signing in again (after a failure too) asks again.
    handledFor.current = userId
    if (userId) mutate(userId)
  }, [userId, mutate])

  return {
    status: mutation.status,
    isError: mutation.isError,
    error: mutation.error,
    /** Shops joined by the last acceptance. */
    acceptedShopIds: mutation.data ?? [],
    retry: () => {
      if (userId) mutate(userId)
    },
  }
}
