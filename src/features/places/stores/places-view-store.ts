import { create } from 'zustand'
import type { LonLat, ShopKind, ShopService } from '@/backend/types'
import { EMPTY_FILTERS } from '../utils/place-filters'
import type { PlacesView } from '../utils/filters-url'
import type { Bounds } from '../utils/viewport-query'

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value]
}

interface PlacesViewState extends PlacesView {
  serviceToggled: (service: ShopService) => void
  categoryToggled: (category: string) => void
  kindToggled: (kind: ShopKind) => void
  openNowToggled: () => void
  queryChanged: (query: string) => void
  originChosen: (origin: LonLat, label: string, radiusKm?: number) => void
  originCleared: () => void
  radiusChanged: (radiusKm: number | null) => void
  placeSelected: (placeId: string | null) => void
  filtersCleared: () => void
  /** The URL changed (first load, back, forward): it wins. */
  viewRestored: (view: PlacesView) => void
  /** The territory's categories arrived: a category it does not have is no filter. */
  categoriesLoaded: (known: readonly string[]) => void
  /** The area the map shows; null until the map has loaded. Not part of the URL. */
  mapBounds: Bounds | null
  mapMoved: (bounds: Bounds) => void
}

/** The one filter state shared by the map, the list and the URL. */
export const usePlacesViewStore = create<PlacesViewState>()((set) => ({
  filters: EMPTY_FILTERS,
  originLabel: null,
  selectedPlaceId: null,
  serviceToggled: (service) =>
    set((s) => ({ filters: { ...s.filters, services: toggled(s.filters.services, service) } })),
  categoryToggled: (category) =>
    set((s) => ({
      filters: { ...s.filters, categories: toggled(s.filters.categories, category) },
    })),
  kindToggled: (kind) =>
    set((s) => ({ filters: { ...s.filters, kinds: toggled(s.filters.kinds, kind) } })),
  openNowToggled: () => set((s) => ({ filters: { ...s.filters, openNow: !s.filters.openNow } })),
  queryChanged: (query) => set((s) => ({ filters: { ...s.filters, query } })),
  originChosen: (origin, label, radiusKm) =>
    set((s) => ({
      filters: { ...s.filters, origin, radiusKm: radiusKm ?? s.filters.radiusKm ?? 5 },
      originLabel: label,
    })),
  originCleared: () =>
    set((s) => ({ filters: { ...s.filters, origin: null, radiusKm: null }, originLabel: null })),
  radiusChanged: (radiusKm) => set((s) => ({ filters: { ...s.filters, radiusKm } })),
  placeSelected: (selectedPlaceId) => set({ selectedPlaceId }),
  filtersCleared: () =>
    set((s) => ({
      filters: { ...EMPTY_FILTERS, origin: s.filters.origin, radiusKm: s.filters.radiusKm },
    })),
  viewRestored: (view) => set(view),
  categoriesLoaded: (known) =>
    set((s) => {
      const categories = s.filters.categories.filter((category) => known.includes(category))
      return categories.length === s.filters.categories.length
        ? s
        : { filters: { ...s.filters, categories } }
    }),
  mapBounds: null,
  mapMoved: (mapBounds) => set({ mapBounds }),
}))
