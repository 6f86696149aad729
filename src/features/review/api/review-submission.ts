import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'

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

/** The queue and the map follow from the backend's report of the decision (or of its refusal). */
export function useReviewSubmission() {
  const backend = useBackend()
  return useMutation({
    mutationFn: (decision: SubmissionDecision) => reviewSubmission(backend, decision),
  })
}
