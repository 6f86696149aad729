import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'

/** The submitter takes back a pending submission; the database refuses any other. */
export function withdrawSubmission(backend: VitrineBackend, submissionId: string) {
  return backend.withdrawSubmission(submissionId)
}

export function useWithdrawSubmission() {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (submissionId: string) => withdrawSubmission(backend, submissionId),
    // Refreshed on failure too: a refusal usually means a curator decided in the meantime.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: [...curationKeys.all, 'my-submissions'] }),
  })
}
