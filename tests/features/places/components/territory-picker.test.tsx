import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Territory } from '@/backend/types'
import { TerritoryPicker, territoryHref } from '@/features/places/components/territory-picker'

const grandPoitiers: Territory = {
  slug: 'grand-poitiers',
  name: 'Grand Poitiers',
  centre: { lon: 0.34, lat: 46.58 },
  bounds: [0.1, 46.4, 0.6, 46.75],
}
const niort: Territory = {
  slug: 'niort-agglo',
  name: 'Niort Agglo',
  centre: { lon: -0.46, lat: 46.32 },
  bounds: [-0.7, 46.1, -0.2, 46.5],
}

describe('TerritoryPicker', () => {
  it('lists the territories by name and goes to the one picked, filters kept', async () => {
    const onPick = vi.fn()
    window.history.replaceState(null, '', '/t/grand-poitiers?services=delivery')
    render(
      <TerritoryPicker
        territories={[niort, grandPoitiers]}
        current={grandPoitiers}
        onPick={onPick}
      />,
    )
    const select = screen.getByRole('combobox', { name: 'Territoire' })
    expect(select).toHaveValue('grand-poitiers')
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Grand Poitiers',
      'Niort Agglo',
    ])
    await userEvent.selectOptions(select, 'Niort Agglo')
    expect(onPick).toHaveBeenCalledWith('/t/niort-agglo?services=delivery')
    window.history.replaceState(null, '', '/')
  })

  it('is not shown when the deployment serves one territory', () => {
    const { container } = render(
      <TerritoryPicker territories={[grandPoitiers]} current={grandPoitiers} onPick={vi.fn()} />,
    )
    expect(container).toBeEmptyDOMElement()
  })

  it('builds the territory URL', () => {
    expect(territoryHref('niort-agglo', '')).toBe('/t/niort-agglo')
  })
})
