import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PlaceList } from '@/features/places/components/place-list'
import { makeShop } from '../../../fixtures/shops'

describe('PlaceList', () => {
  it('lists places with their kind, commune and status in words', () => {
    render(
      <PlaceList
        shops={[
          makeShop({ name: 'Marché Notre-Dame', kind: 'marche', status: 'unknown' }),
          makeShop({ name: 'Démo — Fromagerie', status: 'closed' }),
        ]}
      />,
    )
    const list = screen.getByRole('list', { name: 'Résultats' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]).toHaveTextContent('Marché Notre-Dame')
    expect(items[0]).toHaveTextContent('Marché · Poitiers')
    expect(items[0]).toHaveTextContent('Statut inconnu')
    expect(items[1]).toHaveTextContent('Fermé')
    expect(screen.getByRole('status')).toHaveTextContent('2 lieux')
  })

  it('says so when there is nothing to list', () => {
    render(<PlaceList shops={[]} />)
    expect(screen.getByRole('status')).toHaveTextContent('0 lieu')
    expect(screen.getByText(/Aucun lieu/)).toBeInTheDocument()
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
  })
})
