import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FilterPanel } from '@/features/places/components/filter-panel'
import { usePlacesViewStore } from '@/features/places/stores/places-view-store'
import { EMPTY_FILTERS } from '@/features/places/utils/place-filters'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { renderWithProviders } from '../../../test-utils'

const COMMUNES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code_insee: '86194', nom: 'Poitiers' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0.3, 46.55],
            [0.4, 46.55],
            [0.4, 46.62],
            [0.3, 46.62],
            [0.3, 46.55],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { code_insee: '86214', nom: 'Sainte-Radégonde' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0.6, 46.6],
            [0.7, 46.6],
            [0.7, 46.7],
            [0.6, 46.7],
            [0.6, 46.6],
          ],
        ],
      },
    },
  ],
}

const CATEGORIES = [
  { slug: 'alimentation', nameFr: 'Alimentation', nameEn: 'Food' },
  { slug: 'culture', nameFr: 'Culture', nameEn: 'Culture' },
]

function renderPanel() {
  return renderWithProviders(
    <FilterPanel territorySlug="grand-poitiers" categories={CATEGORIES} />,
    createMemoryBackend(),
  )
}

const state = () => usePlacesViewStore.getState()

beforeEach(() => {
  state().viewRestored({ filters: EMPTY_FILTERS, originLabel: null, selectedPlaceId: null })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input)
      if (url.includes('communes.geojson')) return new Response(JSON.stringify(COMMUNES))
      // The national address service is unreachable in this test.
      throw new TypeError('Failed to fetch')
    }),
  )
})
afterEach(() => vi.unstubAllGlobals())

describe('FilterPanel', () => {
  it('ticks services and open-now into the shared view', async () => {
    renderPanel()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Livraison' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ouvert maintenant' }))
    expect(state().filters.services).toEqual(['delivery'])
    expect(state().filters.openNow).toBe(true)
    await userEvent.click(screen.getByRole('checkbox', { name: 'Livraison' }))
    expect(state().filters.services).toEqual([])
  })

  it('searches by name as the shopper types', async () => {
    renderPanel()
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Rechercher un lieu par son nom' }),
      'médiathèque',
    )
    expect(state().filters.query).toBe('médiathèque')
  })

  it('offers categories and kinds under "Plus de filtres"', async () => {
    renderPanel()
    await userEvent.click(screen.getByText('Plus de filtres'))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Culture' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Marché' }))
    expect(state().filters.categories).toEqual(['culture'])
    expect(state().filters.kinds).toEqual(['marche'])
    expect(screen.getByText('Plus de filtres (2)')).toBeInTheDocument()
  })

  it('finds a commune offline, accents ignored, and says the address service is unreachable', async () => {
    renderPanel()
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Adresse ou commune' }),
      'sainte rade',
    )
    const suggestions = await screen.findByRole('list', { name: 'Adresses et communes trouvées' })
    expect(await screen.findByText(/Recherche d’adresse indisponible/)).toBeInTheDocument()
    await userEvent.click(within(suggestions).getByRole('button', { name: /Sainte-Radégonde/ }))
    expect(state().originLabel).toBe('Sainte-Radégonde')
    expect(state().filters.radiusKm).toBe(5)
    expect(state().filters.origin?.lon).toBeCloseTo(0.65, 5)
  })

  it('changes the radius with a preset and the slider, and clears the origin', async () => {
    state().originChosen({ lon: 0.34, lat: 46.58 }, 'Poitiers')
    renderPanel()
    await userEvent.click(screen.getByRole('button', { name: '20 km' }))
    expect(state().filters.radiusKm).toBe(20)
    expect(screen.getByRole('button', { name: '20 km' })).toHaveAttribute('aria-pressed', 'true')
    await userEvent.click(screen.getByRole('button', { name: 'Ne plus trier par distance' }))
    expect(state().filters.origin).toBeNull()
  })

  it('explains a refused position and keeps the address search', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      geolocation: {
        getCurrentPosition: (_ok: PositionCallback, fail: PositionErrorCallback) =>
          fail({ code: 1, message: 'denied' } as GeolocationPositionError),
      },
    })
    renderPanel()
    await userEvent.click(screen.getByRole('button', { name: 'Autour de moi' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vous avez refusé la géolocalisation. Cherchez plutôt une adresse ou une commune.',
    )
    expect(screen.getByRole('searchbox', { name: 'Adresse ou commune' })).toBeInTheDocument()
    expect(state().filters.origin).toBeNull()
  })

  it('uses the position when the shopper allows it', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      geolocation: {
        getCurrentPosition: (ok: PositionCallback) =>
          ok({ coords: { longitude: 0.3404, latitude: 46.5802 } } as GeolocationPosition),
      },
    })
    renderPanel()
    await userEvent.click(screen.getByRole('button', { name: 'Autour de moi' }))
    expect(await screen.findByText('Autour de moi', { selector: 'strong' })).toBeInTheDocument()
    expect(state().filters.origin).toEqual({ lon: 0.3404, lat: 46.5802 })
  })
})
