import { afterAll, describe, expect, it } from 'vitest'
import { useLocaleStore } from '@/lib/locale-store'
import { usePlacesViewStore } from '@/features/places/stores/places-view-store'

// Two tests in order: the second sees what the first left only if stores are not reset.
describe('stores between tests', () => {
  it('lets a test change a store', () => {
    useLocaleStore.getState().localeChosen('en')
    usePlacesViewStore.setState({ selectedPlaceId: 'left-over' })
    expect(useLocaleStore.getState().locale).toBe('en')
  })

  it('gives the next test every store in its initial state', () => {
    expect(useLocaleStore.getState().locale).toBe('fr')
    expect(usePlacesViewStore.getState().selectedPlaceId).toBeNull()
  })

  afterAll(() => {
    expect(useLocaleStore.getState().locale).toBe('fr')
  })
})
