import { act, renderHook, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { usePlacesViewStore } from '@/features/places/stores/places-view-store'
import { knownCategoriesLoaded, useUrlSync } from '@/features/places/stores/use-url-sync'

beforeEach(() => {
  window.history.replaceState(null, '', '/t/grand-poitiers')
})

const store = () => usePlacesViewStore.getState()

async function back() {
  await act(async () => {
    window.history.back()
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
  })
}

describe('useUrlSync', () => {
  it('Back undoes one step at a time: the typing, then the filter before it', async () => {
    renderHook(() => useUrlSync())
    act(() => store().serviceToggled('delivery'))
    expect(window.location.search).toBe('?services=delivery')
    for (const query of ['b', 'bo', 'bou']) act(() => store().queryChanged(query))
    expect(window.location.search).toBe('?services=delivery&q=bou')

    await back()
    expect(window.location.search).toBe('?services=delivery')
    expect(store().filters.query).toBe('')
    expect(store().filters.services).toEqual(['delivery'])

    await back()
    expect(window.location.search).toBe('')
    expect(store().filters.services).toEqual([])
  })

  it('drops unknown values from the URL on load', () => {
    window.history.replaceState(null, '', '/t/grand-poitiers?services=xyz,delivery&r=-5&kind=zzz')
    renderHook(() => useUrlSync())
    expect(store().filters.services).toEqual(['delivery'])
    expect(window.location.search).toBe('?services=delivery')
  })

  it('drops categories the territory does not have, replacing the entry', async () => {
    window.history.replaceState(null, '', '/t/grand-poitiers?cat=zzz,alimentation')
    renderHook(() => useUrlSync())
    const entries = window.history.length
    act(() => knownCategoriesLoaded(['alimentation', 'sante']))
    await waitFor(() => expect(window.location.search).toBe('?cat=alimentation'))
    expect(window.history.length).toBe(entries)
  })

  it('leaves the URL alone while another page of the territory is shown', () => {
    const { rerender } = renderHook(({ active }) => useUrlSync(active), {
      initialProps: { active: true },
    })
    act(() => store().serviceToggled('delivery'))
    window.history.pushState(null, '', '/t/grand-poitiers/mon-commerce')
    rerender({ active: false })
    act(() => store().kindToggled('artisan'))
    expect(window.location.pathname).toBe('/t/grand-poitiers/mon-commerce')
    expect(window.location.search).toBe('')
  })
})
