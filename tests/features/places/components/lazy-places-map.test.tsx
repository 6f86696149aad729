import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { LazyPlacesMap } from '@/features/places/components/lazy-places-map'

// The first download of the map's module fails (offline), the second succeeds.
const downloads = vi.hoisted(() => ({ count: 0 }))
vi.mock('@/features/places/map/places-map', () => {
  downloads.count += 1
  if (downloads.count === 1) throw new TypeError('Failed to fetch dynamically imported module')
  return {
    PlacesMap: () => <section role="region" aria-label="Carte chargée" />,
  }
})

describe('LazyPlacesMap', () => {
  it('says the map could not be downloaded, and loads it on retry', async () => {
    render(
      <LazyPlacesMap
        territory={{
          slug: 'grand-poitiers',
          name: 'Grand Poitiers',
          centre: { lon: 0.34, lat: 46.58 },
          bounds: [0.1, 46.4, 0.6, 46.75],
        }}
        features={{ type: 'FeatureCollection', features: [] }}
        selectedId={null}
        onSelect={() => {}}
        origin={null}
        radiusKm={null}
      />,
    )
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('La carte n’a pas pu être chargée. La liste reste utilisable.')
    // The place the map takes stays labelled as the map.
    expect(screen.getByRole('region', { name: 'Carte des commerces' })).toContainElement(alert)
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }))
    expect(await screen.findByRole('region', { name: 'Carte chargée' })).toBeInTheDocument()
    expect(downloads.count).toBe(2)
  })
})
