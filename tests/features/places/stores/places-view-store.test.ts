// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { usePlacesViewStore } from '@/features/places/stores/places-view-store'
import { EMPTY_FILTERS } from '@/features/places/utils/place-filters'

const store = () => usePlacesViewStore.getState()

beforeEach(() =>
  store().viewRestored({ filters: EMPTY_FILTERS, originLabel: null, selectedPlaceId: null }),
)

describe('places view store', () => {
  it('toggles services on and off', () => {
    store().serviceToggled('delivery')
    store().serviceToggled('shipping')
    expect(store().filters.services).toEqual(['delivery', 'shipping'])
    store().serviceToggled('delivery')
    expect(store().filters.services).toEqual(['shipping'])
  })

  it('gives an origin a default radius of 5 km and clears both together', () => {
    store().originChosen({ lon: 0.34, lat: 46.58 }, 'Autour de moi')
    expect(store().filters.radiusKm).toBe(5)
    expect(store().originLabel).toBe('Autour de moi')
    store().radiusChanged(20)
    store().originChosen({ lon: 0.35, lat: 46.59 }, 'Buxerolles')
    expect(store().filters.radiusKm).toBe(20)
    store().originCleared()
    expect(store().filters.origin).toBeNull()
    expect(store().filters.radiusKm).toBeNull()
  })

  it('clears the filters but keeps where the shopper is', () => {
    store().originChosen({ lon: 0.34, lat: 46.58 }, 'Poitiers', 1)
    store().serviceToggled('delivery')
    store().openNowToggled()
    store().filtersCleared()
    expect(store().filters).toEqual({
      ...EMPTY_FILTERS,
      origin: { lon: 0.34, lat: 46.58 },
      radiusKm: 1,
    })
  })
})
