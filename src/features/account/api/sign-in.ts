import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import type { SignInMethod } from '@/backend/types'
import { accountKeys } from '@/session/account-keys'

export function useSignIn() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (method: SignInMethod) => backend.signIn(method),
    // What a user may read depends on who they are: refetch everything.
    onSuccess: () => queryClient.invalidateQueries(),
  })
}

export function useSignOut() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => backend.signOut(),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: accountKeys.all })
      return queryClient.invalidateQueries()
    },
  })
}
