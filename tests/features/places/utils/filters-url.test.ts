// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  parsePlacesView,
  serializePlacesView,
  type PlacesView,
} from '@/features/places/utils/filters-url'

const full: PlacesView = {
  filters: {
    services: ['delivery', 'click_and_collect'],
    categories: ['alimentation'],
    kinds: ['marche', 'commercant'],
    openNow: true,
    query: 'boulangerie',
    origin: { lon: 0.3404, lat: 46.5802 },
    radiusKm: 5,
  },
  originLabel: 'Place du Maréchal Leclerc, Poitiers',
  selectedPlaceId: '5b0c1e9e-0000-4000-8000-000000000001',
}

describe('places view in the URL', () => {
  it('round-trips every filter, the origin with its label and the selected place', () => {
    const search = serializePlacesView(full)
    const back = parsePlacesView(search)
    expect(back.filters).toEqual({
      ...full.filters,
      services: ['click_and_collect', 'delivery'],
      kinds: ['commercant', 'marche'],
    })
    expect(back.originLabel).toBe(full.originLabel)
    expect(back.selectedPlaceId).toBe(full.selectedPlaceId)
  })

  it('writes nothing for the default view', () => {
    expect(
      serializePlacesView({
        filters: {
          services: [],
          categories: [],
          kinds: [],
          openNow: false,
          query: '  ',
          origin: null,
          radiusKm: null,
        },
        originLabel: null,
        selectedPlaceId: null,
      }),
    ).toBe('')
  })

  it('drops values it does not know instead of failing', () => {
    const view = parsePlacesView(
      '?services=delivery,teleportation&kind=marche,castle&cat=Bad%20Slug,sante&near=abc,46&r=-3&open=yes',
    )
    expect(view.filters.services).toEqual(['delivery'])
    expect(view.filters.kinds).toEqual(['marche'])
    expect(view.filters.categories).toEqual(['sante'])
    expect(view.filters.origin).toBeNull()
    expect(view.filters.radiusKm).toBeNull()
    expect(view.filters.openNow).toBe(false)
  })

  it('ignores a radius without an origin and caps an absurd one', () => {
    expect(parsePlacesView('?r=5').filters.radiusKm).toBeNull()
    expect(parsePlacesView('?near=0.34,46.58&r=900').filters.radiusKm).toBe(50)
    expect(parsePlacesView('?near=0.34,46.58&r=0').filters.radiusKm).toBe(0)
    expect(parsePlacesView('?near=200,46.58').filters.origin).toBeNull()
  })

  it('keeps accents and spaces of the search and the origin label', () => {
    const view = parsePlacesView(
      serializePlacesView({ ...full, filters: { ...full.filters, query: 'Épicerie sociale' } }),
    )
    expect(view.filters.query).toBe('Épicerie sociale')
    expect(view.originLabel).toBe('Place du Maréchal Leclerc, Poitiers')
  })
})
