import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'

export function useResetDemoData() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      if (!backend.resetDemoData) throw new Error('This backend has no demonstration data.')
      await backend.resetDemoData()
    },
    onSuccess: () => queryClient.invalidateQueries(),
  })
}
