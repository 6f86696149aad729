import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export type Locale = 'fr' | 'en'

interface LocaleState {
  locale: Locale
  localeChosen: (locale: Locale) => void
}

/** UI language. French by default: the app serves French territories. */
export const useLocaleStore = create<LocaleState>()(
  persist(
    (set) => ({
      locale: 'fr',
      localeChosen: (locale) => set({ locale }),
    }),
    { name: 'vitrine.locale' },
  ),
)
