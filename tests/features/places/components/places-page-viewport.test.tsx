import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Territory } from '@/backend/types'
import { PlacesPage } from '@/features/places/components/places-page'
import { usePlacesViewStore } from '@/features/places/stores/places-view-store'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { makeShop } from '../../../fixtures/shops'
import { renderWithProviders } from '../../../test-utils'

// MapLibre needs WebGL, which jsdom lacks: the map is replaced, the page is real.
vi.mock('@/features/places/map/places-map', () => ({
  PlacesMap: ({ onViewportChange }: { onViewportChange?: unknown }) => (
    <section
      role="region"
      aria-label="Carte"
      data-by-viewport={String(Boolean(onViewportChange))}
    />
  ),
}))

const territory: Territory = {
  slug: 'grand-poitiers',
  name: 'Grand Poitiers',
  centre: { lon: 0.34, lat: 46.58 },
  bounds: [0.1, 46.4, 0.6, 46.75],
}

const shops = [
  makeShop({ name: 'Boulangerie du Centre', location: { lon: 0.34, lat: 46.58 } }),
  makeShop({ name: 'Fleuriste des Halles', location: { lon: 0.35, lat: 46.59 } }),
  makeShop({ name: 'Librairie de la Gare', location: { lon: 0.33, lat: 46.57 } }),
]

describe('PlacesPage, whole territory or by viewport', () => {
  it('loads a small territory whole, asking one more shop than the threshold', async () => {
    const backend = createMemoryBackend({ shops })
    const list = vi.spyOn(backend, 'listShops')
    const inViewport = vi.spyOn(backend, 'listShopsInViewport')
    renderWithProviders(<PlacesPage territory={territory} wholeUpTo={10} />, backend)
    const results = await screen.findByRole('list', { name: 'Résultats' })
    expect(within(results).getAllByRole('listitem')).toHaveLength(3)
    expect(list).toHaveBeenCalledWith('grand-poitiers', expect.anything(), 11)
    expect(inViewport).not.toHaveBeenCalled()
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('loads a larger territory by viewport, with the filters the database applies', async () => {
    const backend = createMemoryBackend({ shops })
    const inViewport = vi.spyOn(backend, 'listShopsInViewport')
    renderWithProviders(<PlacesPage territory={territory} wholeUpTo={2} />, backend)
    const results = await screen.findByRole('list', { name: 'Résultats' })
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(3))
    expect(screen.getByRole('note')).toHaveTextContent(
      'Les commerces de la zone affichée sur la carte',
    )
    // Before the map has loaded, the territory's frame.
    expect(inViewport.mock.calls[0]![0]).toMatchObject({ bounds: [0.1, 46.4, 0.6, 46.75] })
    expect(await screen.findByRole('region', { name: 'Carte' })).toHaveAttribute(
      'data-by-viewport',
      'true',
    )

    // The map moves: the shops of the new area.
    usePlacesViewStore.getState().mapMoved([0.345, 46.585, 0.36, 46.6])
    await waitFor(() =>
      expect(
        within(results)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([expect.stringContaining('Fleuriste des Halles')]),
    )

    // A search word goes to the database with the area.
    usePlacesViewStore.getState().mapMoved([0.1, 46.4, 0.6, 46.75])
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Rechercher un lieu par son nom' }),
      'librairie',
    )
    await waitFor(() =>
      expect(inViewport.mock.lastCall![0]).toMatchObject({ query: 'librairie', limit: 500 }),
    )
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(1))
  })
})
