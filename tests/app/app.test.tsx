import { render, screen, within, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { App } from '@/app/app'
import { RootErrorBoundary } from '@/app/root-error-boundary'
import { createMemoryBackend } from '../fixtures/memory-backend'
import { makeShop } from '../fixtures/shops'
import { renderWithProviders } from '../test-utils'

// MapLibre needs WebGL, which jsdom lacks: the map shell is replaced, the rest is real.
vi.mock('@/map/map-view', () => ({
  MapView: ({ label }: { label: string }) => <section role="region" aria-label={label} />,
}))

describe('App', () => {
  it('shows the territory, its places and the credits', async () => {
    const backend = createMemoryBackend({
      shops: [
        makeShop({ name: 'Médiathèque François-Mitterrand' }),
        makeShop({ name: 'Marché des Couronneries' }),
      ],
    })
    renderWithProviders(<App />, backend)
    const list = await screen.findByRole('list', { name: 'Résultats' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Vitrine · Grand Poitiers')
    expect(screen.getByRole('region', { name: 'Carte des commerces' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '© OpenStreetMap contributors' })).toHaveAttribute(
      'href',
      'https://www.openstreetmap.org/copyright',
    )
  })

  it('offers the other territories of the deployment on the shoppers’ map', async () => {
    const niort = {
      slug: 'niort-agglo',
      name: 'Niort Agglo',
      centre: { lon: -0.46, lat: 46.32 },
      bounds: [-0.7, 46.1, -0.2, 46.5] as [number, number, number, number],
    }
    const backend = createMemoryBackend()
    const [grandPoitiers] = await backend.listTerritories()
    backend.listTerritories = async () => [grandPoitiers!, niort]
    renderWithProviders(<App />, backend)
    const picker = await screen.findByRole('combobox', { name: 'Territoire' })
    expect(picker).toHaveValue('grand-poitiers')
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Vitrine · Grand Poitiers')
  })

  it('refreshes the list when the backend reports a change', async () => {
    const backend = createMemoryBackend({ shops: [makeShop({ name: 'A' })] })
    renderWithProviders(<App />, backend)
    await screen.findByText('1 lieu')
    backend.replaceShops([makeShop({ name: 'A' }), makeShop({ name: 'B' })])
    await screen.findByText('2 lieux')
  })

  it('shows a failed load with a retry instead of an empty map', async () => {
    const backend = createMemoryBackend()
    let fail = true
    backend.listShops = async () => {
      if (fail) throw new TypeError('Failed to fetch')
      return [makeShop({ name: 'Revenu' })]
    }
    renderWithProviders(<App />, backend)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Les lieux n’ont pas pu être chargés.')
    expect(alert).toHaveTextContent('Pas de connexion')
    expect(alert).not.toHaveTextContent('Failed to fetch')
    fail = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }))
    await waitFor(() => expect(screen.getByText('Revenu')).toBeInTheDocument())
  })

  it('switches to English', async () => {
    renderWithProviders(<App />, createMemoryBackend({ shops: [makeShop()] }))
    await userEvent.click(await screen.findByRole('button', { name: /^EN.*English$/ }))
    expect(await screen.findByRole('list', { name: 'Results' })).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')
  })

  it('signs in with a demo account', async () => {
    renderWithProviders(<App />, createMemoryBackend({ shops: [makeShop()] }))
    await userEvent.click(await screen.findByRole('button', { name: 'Se connecter' }))
    await userEvent.click(screen.getByRole('button', { name: /Camille/ }))
    // Signed in, the dialog closes by itself: the page behind it is usable again.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await userEvent.click(await screen.findByRole('button', { name: 'Compte' }))
    const dialog = screen.getByRole('dialog', { name: 'Mon compte' })
    expect(dialog).toHaveTextContent('Connecté·e : Camille')
    expect(within(dialog).getByRole('link', { name: 'Mon commerce' })).toHaveAttribute(
      'href',
      '/t/grand-poitiers/mon-commerce',
    )
    // Camille curates no territory: no link to the curators' space.
    expect(within(dialog).queryByRole('link', { name: 'Espace curateurs' })).toBeNull()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Se déconnecter' }))
    expect(await screen.findByRole('button', { name: 'Se connecter' })).toBeInTheDocument()
  })

  it('gives a curator the way to their space from the account menu', async () => {
    const backend = createMemoryBackend({ shops: [makeShop()], curates: ['grand-poitiers'] })
    renderWithProviders(<App />, backend)
    await userEvent.click(await screen.findByRole('button', { name: 'Se connecter' }))
    await userEvent.click(screen.getByRole('button', { name: /Camille/ }))
    await userEvent.click(await screen.findByRole('button', { name: 'Compte' }))
    const dialog = screen.getByRole('dialog', { name: 'Mon compte' })
    expect(await within(dialog).findByRole('link', { name: 'Espace curateurs' })).toHaveAttribute(
      'href',
      '/t/grand-poitiers/curation',
    )
  })
})

describe('App routes', () => {
  const niort = {
    slug: 'niort-agglo',
    name: 'Niort Agglo',
    centre: { lon: -0.46, lat: 46.32 },
    bounds: [-0.7, 46.1, -0.2, 46.5] as [number, number, number, number],
  }
  async function twoTerritories() {
    const backend = createMemoryBackend({ shops: [makeShop({ name: 'Boulangerie' })] })
    const [grandPoitiers] = await backend.listTerritories()
    backend.listTerritories = async () => [grandPoitiers!, niort]
    return backend
  }

  it('sends / to the default territory, with the filters of the link', async () => {
    window.history.replaceState(null, '', '/?services=delivery')
    renderWithProviders(<App />, createMemoryBackend({ shops: [makeShop()] }))
    await screen.findByRole('heading', { name: /Grand Poitiers/ })
    expect(window.location.pathname).toBe('/t/grand-poitiers')
    expect(window.location.search).toBe('?services=delivery')
  })

  it('says an unknown territory does not exist and offers the real ones', async () => {
    window.history.replaceState(null, '', '/t/nowhere')
    renderWithProviders(<App />, await twoTerritories())
    expect(
      await screen.findByRole('heading', { name: 'Ce territoire n’existe pas' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Niort Agglo' })).toHaveAttribute(
      'href',
      '/t/niort-agglo',
    )
  })

  it('drops unknown filter values from the view and the URL', async () => {
    window.history.replaceState(
      null,
      '',
      '/t/grand-poitiers?services=xyz&r=-5&cat=zzz&kind=artisan',
    )
    renderWithProviders(<App />, createMemoryBackend({ shops: [makeShop()] }))
    await screen.findByRole('heading', { name: /Grand Poitiers/ })
    await waitFor(() => expect(window.location.search).toBe('?kind=artisan'))
  })

  it('moves between the territory’s pages without a reload, links in the territory, the map kept', async () => {
    window.history.replaceState(null, '', '/t/niort-agglo')
    renderWithProviders(<App />, await twoTerritories())
    // The map itself, once downloaded (not the placeholder that holds its place before).
    const map = await waitFor(() => {
      const region = screen.getByRole('region', { name: 'Carte des commerces' })
      expect(region).not.toHaveClass('map-view--placeholder')
      return region
    })
    await userEvent.click(screen.getByRole('link', { name: 'Mon commerce' }))
    expect(window.location.pathname).toBe('/t/niort-agglo/mon-commerce')
    expect(await screen.findByRole('heading', { name: 'Mon commerce' })).toBeInTheDocument()
    // The same map element, hidden, not a new one.
    expect(map.isConnected).toBe(true)
    await userEvent.click(screen.getByRole('link', { name: 'La carte' }))
    expect(window.location.pathname).toBe('/t/niort-agglo')
    expect(screen.getByRole('region', { name: 'Carte des commerces' })).toBe(map)
  })

  it('shows a message with "Recharger" when a page fails to render, never a blank page', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    function Broken(): never {
      throw new Error('render failed')
    }
    render(
      <RootErrorBoundary>
        <Broken />
      </RootErrorBoundary>,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Un problème inattendu')
    expect(alert).not.toHaveTextContent('render failed')
    expect(within(alert).getByRole('button', { name: 'Recharger' })).toBeInTheDocument()
    error.mockRestore()
  })
})
