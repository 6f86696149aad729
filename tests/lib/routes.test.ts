import { describe, expect, it } from 'vitest'
import { pagePath, placeOnMapPath } from '@/lib/routes'
import { parsePlacesView, serializePlacesView } from '@/features/places/utils/filters-url'
import { EMPTY_FILTERS } from '@/features/places/utils/place-filters'

describe('placeOnMapPath', () => {
  it('is the map’s own link to a selected place, which the map reads back', () => {
    const id = '0b7e6c1a-3f1e-4d2b-9a55-1c2d3e4f5a6b'
    const path = placeOnMapPath('niort-agglo', id)
    expect(path).toBe(
      `${pagePath('niort-agglo')}${serializePlacesView({
        filters: EMPTY_FILTERS,
        originLabel: null,
        selectedPlaceId: id,
      })}`,
    )
    expect(parsePlacesView(path.slice(path.indexOf('?'))).selectedPlaceId).toBe(id)
  })
})
