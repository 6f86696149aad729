import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { renderHook, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useBackendChanges } from '@/app/backend-changes'
import type { VitrineBackend } from '@/backend/port'
import type { BackendChange, Shop } from '@/backend/types'
import { placesKeys } from '@/shop/api/places-keys'
import { curationKeys } from '@/shop/api/curation-keys'
import { accountKeys } from '@/session/account-keys'
import { merchantKeys } from '@/shop/api/merchant-keys'
import { makeShop } from '../fixtures/shops'

function setup() {
  const listeners = new Set<(change: BackendChange) => void>()
  const backend = {
    subscribe(listener: (change: BackendChange) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  } as unknown as VitrineBackend
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  )
  renderHook(() => useBackendChanges(backend), { wrapper })
  const emit = (change: BackendChange) => listeners.forEach((listener) => listener(change))
  return { queryClient, emit }
}

describe('useBackendChanges', () => {
  it('shows a changed shop in the lists that hold it, before any refetch', () => {
    const { queryClient, emit } = setup()
    const bakery = makeShop({ id: 'bakery', name: 'Boulangerie', status: 'open' })
    const florist = makeShop({ id: 'florist', name: 'Fleuriste', status: 'open' })
    queryClient.setQueryData(placesKeys.shops(bakery.territorySlug), [bakery, florist])

    const closed: Shop = { ...bakery, status: 'closed', statusMessage: 'Inventaire' }
    emit({ kind: 'shops', territorySlug: closed.territorySlug, shopId: closed.id, shop: closed })

    expect(queryClient.getQueryData<Shop[]>(placesKeys.shops(bakery.territorySlug))).toEqual([
      closed,
      florist,
    ])
    // The rest still comes from the backend.
    expect(queryClient.getQueryState(placesKeys.shops(bakery.territorySlug))?.isInvalidated).toBe(
      true,
    )
  })

  it('adds a changed shop to no list that did not hold it', () => {
    const { queryClient, emit } = setup()
    const florist = makeShop({ id: 'florist', name: 'Fleuriste' })
    queryClient.setQueryData(placesKeys.shops(florist.territorySlug), [florist])

    const hidden = makeShop({ id: 'unlisted', name: 'Pas encore publié', status: 'closed' })
    emit({ kind: 'shops', territorySlug: hidden.territorySlug, shopId: hidden.id, shop: hidden })

    expect(queryClient.getQueryData(placesKeys.shops(florist.territorySlug))).toEqual([florist])
  })

  it('refreshes everything a signed-in user sees when the session changes', async () => {
    const { queryClient, emit } = setup()
    const keys = [
      accountKeys.curatedTerritories('claire'),
      curationKeys.mySubmissions('claire'),
      curationKeys.submissions('grand-poitiers'),
      merchantKeys.myShops('claire'),
      placesKeys.shops('grand-poitiers'),
    ]
    for (const key of keys) queryClient.setQueryData(key, [])
    emit({ kind: 'session' })
    await waitFor(() =>
      expect(keys.map((key) => queryClient.getQueryState(key)?.isInvalidated)).toEqual(
        keys.map(() => true),
      ),
    )
  })
})
