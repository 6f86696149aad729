import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import type { ShopDraft } from '@/backend/types'
import { curationKeys } from '@/shop/api/curation-keys'

/** "Référencer mon commerce": the questionnaire goes to the territory's curators. */
export function submitShop(backend: VitrineBackend, territorySlug: string, draft: ShopDraft) {
  return backend.submitShop(territorySlug, draft)
}

export function useSubmitShop(territorySlug: string) {
  const backend = useBackend()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (draft: ShopDraft) => submitShop(backend, territorySlug, draft),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...curationKeys.all, 'my-submissions'] }),
        // The submitter may also curate this territory: their queue changed too.
        queryClient.invalidateQueries({ queryKey: curationKeys.submissions(territorySlug) }),
      ]),
  })
}
