import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import type { ShopDraft } from '@/backend/types'

/** "Référencer mon commerce": the questionnaire goes to the territory's curators. */
export function submitShop(backend: VitrineBackend, territorySlug: string, draft: ShopDraft) {
  return backend.submitShop(territorySlug, draft)
}

export function useSubmitShop(territorySlug: string) {
  const backend = useBackend()
  return useMutation({
    mutationFn: (draft: ShopDraft) => submitShop(backend, territorySlug, draft),
  })
}
