import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import {
  EMPTY_REFERENCING_FORM,
  openingHoursValidity,
  type ReferencingForm,
} from '@/features/referencing/utils/referencing-draft'

interface ReferencingDraftState {
  form: ReferencingForm
  /** Bumped when the draft is cleared, so that editors holding their own state start afresh. */
  generation: number
  formChanged: (patch: Partial<ReferencingForm>) => void
  draftCleared: () => void
}

/**
 * The unsent "Référencer mon commerce" questionnaire, kept for the tab's session
 * (sessionStorage): a reload or a sign-in round trip finds it as it was left. It is cleared once
 * the submission is accepted.
 */
export const useReferencingDraftStore = create<ReferencingDraftState>()(
  persist(
    (set) => ({
      form: EMPTY_REFERENCING_FORM,
      generation: 0,
      formChanged: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
      draftCleared: () =>
        set((s) => ({ form: EMPTY_REFERENCING_FORM, generation: s.generation + 1 })),
    }),
    {
      name: 'vitrine.referencing-draft',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ form: s.form }),
      // A draft saved by an older version keeps what it has; new fields take their defaults.
      merge: (persisted, current) => {
        const form: ReferencingForm = {
          ...EMPTY_REFERENCING_FORM,
          ...((persisted as { form?: Partial<ReferencingForm> } | undefined)?.form ?? {}),
        }
        // The hours editor reopens on the saved value and says nothing until it is changed.
        return {
          ...current,
          form: { ...form, openingHoursValid: openingHoursValidity(form.openingHours) },
        }
      },
    },
  ),
)

/** Whether the merchant has typed anything yet. */
export function hasDraft(form: ReferencingForm): boolean {
  return JSON.stringify(form) !== JSON.stringify(EMPTY_REFERENCING_FORM)
}
