import { useMutation } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'

export function useResetDemoData() {
  const backend = useBackend()
  return useMutation({
    mutationFn: async () => {
      if (!backend.resetDemoData) throw new Error('This backend has no demonstration data.')
      // The backend reports the reset: every query is read again.
      await backend.resetDemoData()
    },
  })
}
