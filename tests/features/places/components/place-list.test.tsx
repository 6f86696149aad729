import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { PlaceList } from '@/features/places/components/place-list'
import { makeShop } from '../../../fixtures/shops'

describe('PlaceList', () => {
  it('lists places with kind, commune, distance, services and status in words', () => {
    render(
      <PlaceList
        items={[
          {
            shop: makeShop({ name: 'Marché Notre-Dame', kind: 'marche' }),
            distanceKm: 0.35,
            display: 'unknown',
          },
          {
            shop: makeShop({
              name: 'Démo — Fromagerie',
              services: ['delivery', 'click_and_collect'],
            }),
            distanceKm: 12.4,
            display: 'to-confirm',
          },
        ]}
      />,
    )
    const list = screen.getByRole('list', { name: 'Résultats' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent('Marché · Poitiers · 350 m')
    expect(items[0]).toHaveTextContent('Statut inconnu')
    expect(items[1]).toHaveTextContent('12 km')
    expect(items[1]).toHaveTextContent('Livraison · Retrait en magasin')
    expect(items[1]).toHaveTextContent('À confirmer')
    expect(screen.getByRole('status')).toHaveTextContent('2 lieux')
  })

  it('tells which place is selected and reports a choice', async () => {
    const onSelect = vi.fn()
    const shop = makeShop({ name: 'Médiathèque' })
    render(
      <PlaceList
        items={[{ shop, distanceKm: null, display: 'open' }]}
        selectedId={shop.id}
        onSelect={onSelect}
      />,
    )
    expect(screen.getByRole('listitem')).toHaveAttribute('aria-current', 'true')
    await userEvent.click(screen.getByRole('button', { name: /Médiathèque/ }))
    expect(onSelect).toHaveBeenCalledWith(shop.id)
  })

  it('shows the given empty state when nothing matches', () => {
    render(<PlaceList items={[]} empty={<p>Rien ici, élargissez.</p>} />)
    expect(screen.getByRole('status')).toHaveTextContent('0 lieu')
    expect(screen.getByText('Rien ici, élargissez.')).toBeInTheDocument()
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
  })
})
