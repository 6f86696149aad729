import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { placesKeys } from '@/shop/api/places-keys'
import { curationKeys } from '@/shop/api/curation-keys'

export type SubmissionDecision =
  | { kind: 'publish'; submissionId: string; expectedUpdatedAt: string }
  | { kind: 'refuse'; submissionId: string; expectedUpdatedAt: string; reason: string }

/** Publishes (the submitter becomes the owner) or refuses with a reason; the database decides. */
export async function reviewSubmission(backend: VitrineBackend, decision: SubmissionDecision) {
  if (decision.kind === 'publish') {
    await backend.publishSubmission(decision.submissionId, decision.expectedUpdatedAt)
  } else {
    await backend.refuseSubmission(
      decision.submissionId,
      decision.reason,
      decision.expectedUpdatedAt,
    )
  }
}

export function useReviewSubmission(territorySlug: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (decision: SubmissionDecision) => reviewSubmission(backend, decision),
    // Refreshed on failure too: a stale refusal means the queue changed elsewhere.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: curationKeys.submissions(territorySlug) }),
        queryClient.invalidateQueries({ queryKey: placesKeys.shops(territorySlug) }),
      ]),
  })
}
