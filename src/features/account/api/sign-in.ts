import { useMutation } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import type { SignInMethod } from '@/backend/types'

export function useSignIn() {
  const backend = useBackend()
  // The backend reports the new session: what the user may read is read again.
  return useMutation({ mutationFn: (method: SignInMethod) => backend.signIn(method) })
}

export function useSignOut() {
  const backend = useBackend()
  return useMutation({ mutationFn: () => backend.signOut() })
}
