import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'

/** The submitter takes back a pending submission; the database refuses any other. */
export function withdrawSubmission(backend: VitrineBackend, submissionId: string) {
  return backend.withdrawSubmission(submissionId)
}

export function useWithdrawSubmission() {
  const backend = useBackend()
  // A refusal usually means a curator decided meanwhile: the backend reports it as a change.
  return useMutation({
    mutationFn: (submissionId: string) => withdrawSubmission(backend, submissionId),
  })
}
