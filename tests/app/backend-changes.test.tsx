import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query'
import { applyBackendChange, useBackendChanges } from '@/app/backend-changes'
import type { VitrineBackend, ViewportQuery } from '@/backend/port'
import type { BackendChange, MyShop, Shop } from '@/backend/types'
import { placesKeys } from '@/shop/api/places-keys'
import { curationKeys } from '@/shop/api/curation-keys'
import { accountKeys } from '@/session/account-keys'
import { merchantKeys } from '@/shop/api/merchant-keys'
import { ShopStatusPanel } from '@/features/merchant/components/shop-status-panel'
import { useStatusOutboxSender } from '@/features/merchant/api/use-status-outbox-sender'
import { useMyShops } from '@/features/merchant/api/get-my-shops'
import { useStatusHistory } from '@/features/merchant/api/get-status-history'
import { useShopperShops, useViewportShops } from '@/features/places/api/get-shopper-shops'
import { useSessionUser } from '@/session/get-session-user'
import { createMemoryBackend } from '../fixtures/memory-backend'
import { makeShop } from '../fixtures/shops'
import { renderWithProviders } from '../test-utils'

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

/** Counts, per query, the times it is marked stale. */
function countInvalidations(queryClient: QueryClient) {
  const counts = new Map<string, number>()
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'invalidate')
      counts.set(event.query.queryHash, (counts.get(event.query.queryHash) ?? 0) + 1)
  })
  const hash = (key: QueryKey) => JSON.stringify(key)
  return {
    of: (key: QueryKey) => counts.get(hash(key)) ?? 0,
    all: () => Object.fromEntries(counts),
  }
}

const isStale = (queryClient: QueryClient, key: QueryKey) =>
  queryClient.getQueryState(key)?.isInvalidated ?? false

const POITIERS_VIEW: ViewportQuery = { bounds: [0.3, 46.5, 0.4, 46.6] }
const ELSEWHERE_VIEW: ViewportQuery = { bounds: [-1.2, 46.1, -1.1, 46.2] }
const OPEN_ONLY_VIEW: ViewportQuery = { bounds: [0.3, 46.5, 0.4, 46.6], statuses: ['open'] }

describe('applyBackendChange: a shop written here or in another tab', () => {
  it('shows the shop in the lists that hold it, without reading them again', () => {
    const { queryClient, emit } = setup()
    const bakery = makeShop({ id: 'bakery', name: 'Boulangerie', status: 'open' })
    const florist = makeShop({ id: 'florist', name: 'Fleuriste', status: 'open' })
    queryClient.setQueryData(placesKeys.shopsUpTo(bakery.territorySlug, 501), [bakery, florist])
    queryClient.setQueryData(placesKeys.shops(bakery.territorySlug), [bakery, florist])

    const closed: Shop = { ...bakery, status: 'closed', statusMessage: 'Inventaire' }
    emit({ kind: 'shops', territorySlug: closed.territorySlug, shopId: closed.id, shop: closed })

    for (const key of [
      placesKeys.shopsUpTo(bakery.territorySlug, 501),
      placesKeys.shops(bakery.territorySlug),
    ]) {
      expect(queryClient.getQueryData<Shop[]>(key)).toEqual([closed, florist])
      expect(isStale(queryClient, key)).toBe(false)
    }
  })

  it('reads again a viewport list that holds it: the database filters those by status', () => {
    const { queryClient, emit } = setup()
    const bakery = makeShop({ id: 'bakery', status: 'open' })
    const slug = bakery.territorySlug
    queryClient.setQueryData(placesKeys.shopsInViewport(slug, OPEN_ONLY_VIEW), [bakery])
    queryClient.setQueryData(placesKeys.shopsInViewport(slug, ELSEWHERE_VIEW), [])

    const closed: Shop = { ...bakery, status: 'closed' }
    emit({ kind: 'shops', territorySlug: slug, shopId: closed.id, shop: closed })

    expect(queryClient.getQueryData(placesKeys.shopsInViewport(slug, OPEN_ONLY_VIEW))).toEqual([
      closed,
    ])
    expect(isStale(queryClient, placesKeys.shopsInViewport(slug, OPEN_ONLY_VIEW))).toBe(true)
    // The shop is not in that area: its list is untouched.
    expect(isStale(queryClient, placesKeys.shopsInViewport(slug, ELSEWHERE_VIEW))).toBe(false)
  })

  it('reads again the lists that may now show a shop they did not hold (just published)', () => {
    const { queryClient, emit } = setup()
    const florist = makeShop({ id: 'florist' })
    const slug = florist.territorySlug
    queryClient.setQueryData(placesKeys.shopsUpTo(slug, 501), [florist])
    queryClient.setQueryData(placesKeys.shopsInViewport(slug, POITIERS_VIEW), [florist])
    queryClient.setQueryData(placesKeys.shopsInViewport(slug, ELSEWHERE_VIEW), [])
    queryClient.setQueryData(placesKeys.shops('la-rochelle'), [])

    const published = makeShop({ id: 'new', location: { lon: 0.35, lat: 46.58 } })
    emit({ kind: 'shops', territorySlug: slug, shopId: published.id, shop: published })

    // Not added by hand: whether a visitor may see it is the database's call.
    expect(queryClient.getQueryData(placesKeys.shopsUpTo(slug, 501))).toEqual([florist])
    expect(isStale(queryClient, placesKeys.shopsUpTo(slug, 501))).toBe(true)
    expect(isStale(queryClient, placesKeys.shopsInViewport(slug, POITIERS_VIEW))).toBe(true)
    expect(isStale(queryClient, placesKeys.shopsInViewport(slug, ELSEWHERE_VIEW))).toBe(false)
    expect(isStale(queryClient, placesKeys.shops('la-rochelle'))).toBe(false)
  })

  it('shows the shop on its merchant page and in "Mon commerce", never older than it was', () => {
    const { queryClient, emit } = setup()
    const bakery = makeShop({
      id: 'bakery',
      name: 'Boulangerie',
      updatedAt: '2026-12-07T10:00:00Z',
    })
    const mine: MyShop[] = [
      {
        shopId: 'bakery',
        role: 'owner',
        name: 'Boulangerie',
        territorySlug: 'grand-poitiers',
        published: true,
      },
    ]
    queryClient.setQueryData(merchantKeys.shop('bakery'), bakery)
    queryClient.setQueryData(merchantKeys.myShops('u1'), mine)
    queryClient.setQueryData(merchantKeys.history('bakery'), [])

    const renamed: Shop = { ...bakery, name: 'Au Bon Pain', updatedAt: '2026-12-07T11:00:00Z' }
    emit({ kind: 'shops', territorySlug: renamed.territorySlug, shopId: renamed.id, shop: renamed })
    expect(queryClient.getQueryData(merchantKeys.shop('bakery'))).toEqual(renamed)
    expect(queryClient.getQueryData<MyShop[]>(merchantKeys.myShops('u1'))?.[0]?.name).toBe(
      'Au Bon Pain',
    )
    expect(isStale(queryClient, merchantKeys.myShops('u1'))).toBe(false)
    expect(isStale(queryClient, merchantKeys.history('bakery'))).toBe(true)

    // Another tab's older write arrives late: the page keeps the newer shop.
    emit({ kind: 'shops', territorySlug: bakery.territorySlug, shopId: bakery.id, shop: bakery })
    expect(queryClient.getQueryData(merchantKeys.shop('bakery'))).toEqual(renamed)
  })

  it('reads again what a change heard without the shop concerns (Realtime, a stale refusal)', () => {
    const { queryClient, emit } = setup()
    queryClient.setQueryData(placesKeys.shops('grand-poitiers'), [])
    queryClient.setQueryData(placesKeys.shops('la-rochelle'), [])
    queryClient.setQueryData(merchantKeys.shop('bakery'), null)
    queryClient.setQueryData(merchantKeys.shop('florist'), null)
    queryClient.setQueryData(merchantKeys.history('bakery'), [])

    emit({ kind: 'shops', territorySlug: null, shopId: 'bakery' })

    expect(isStale(queryClient, placesKeys.shops('grand-poitiers'))).toBe(true)
    expect(isStale(queryClient, placesKeys.shops('la-rochelle'))).toBe(true)
    expect(isStale(queryClient, merchantKeys.shop('bakery'))).toBe(true)
    expect(isStale(queryClient, merchantKeys.history('bakery'))).toBe(true)
    expect(isStale(queryClient, merchantKeys.shop('florist'))).toBe(false)
  })
})

describe('applyBackendChange: requests, members, sessions', () => {
  it('reads again the territory’s queue and every submitter’s list after a request changes', () => {
    const { queryClient, emit } = setup()
    const keys = {
      queue: curationKeys.submissions('grand-poitiers'),
      otherQueue: curationKeys.submissions('la-rochelle'),
      mine: curationKeys.mySubmissions('u1'),
      duplicates: curationKeys.duplicates('sub-1'),
      shops: placesKeys.shops('grand-poitiers'),
      members: curationKeys.members('bakery'),
    }
    for (const key of Object.values(keys)) queryClient.setQueryData(key, [])
    emit({ kind: 'submissions', territorySlug: 'grand-poitiers' })
    expect(
      Object.fromEntries(Object.entries(keys).map(([n, k]) => [n, isStale(queryClient, k)])),
    ).toEqual({
      queue: true,
      otherQueue: false,
      mine: true,
      duplicates: true,
      shops: false,
      members: false,
    })
  })

  it('reads again a shop’s members and invitations, and the shops of a user who joined', () => {
    const { queryClient, emit } = setup()
    queryClient.setQueryData(accountKeys.session(), { id: 'u1', email: null, displayName: null })
    const keys = [
      curationKeys.members('bakery'),
      curationKeys.invitations('bakery'),
      curationKeys.members('florist'),
      merchantKeys.myShops('u1'),
      merchantKeys.shop('bakery'),
    ]
    for (const key of keys) queryClient.setQueryData(key, [])

    emit({ kind: 'members', shopIds: ['bakery'] })
    expect(keys.map((key) => isStale(queryClient, key))).toEqual([true, true, false, false, false])

    emit({ kind: 'members', shopIds: ['bakery'], userIds: ['u1'] })
    expect(keys.map((key) => isStale(queryClient, key))).toEqual([true, true, false, true, true])
  })

  it('puts the new user in place and reads again what depends on who is signed in', async () => {
    const { queryClient, emit } = setup()
    const personal = [
      accountKeys.curatedTerritories('claire'),
      curationKeys.mySubmissions('claire'),
      curationKeys.submissions('grand-poitiers'),
      merchantKeys.myShops('claire'),
      placesKeys.shops('grand-poitiers'),
    ]
    const everyone = [
      placesKeys.territories(),
      placesKeys.categories(),
      curationKeys.subcategories(),
    ]
    for (const key of [...personal, ...everyone]) queryClient.setQueryData(key, [])
    const user = { id: 'claire', email: 'claire@demo.vitrine.test', displayName: 'Claire' }

    emit({ kind: 'session', user })

    expect(queryClient.getQueryData(accountKeys.session())).toEqual(user)
    await waitFor(() =>
      expect(personal.map((key) => isStale(queryClient, key))).toEqual(personal.map(() => true)),
    )
    expect(everyone.map((key) => isStale(queryClient, key))).toEqual(everyone.map(() => false))
  })

  it('reads the session again first when the adapter does not know the new user', async () => {
    const { queryClient, emit } = setup()
    queryClient.setQueryData(accountKeys.session(), {
      id: 'claire',
      email: null,
      displayName: null,
    })
    emit({ kind: 'session' })
    await waitFor(() => expect(isStale(queryClient, accountKeys.session())).toBe(true))
  })

  it('reads everything again after the demonstration’s reset, and only then', async () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(placesKeys.territories(), [])
    await applyBackendChange(queryClient, { kind: 'submissions', territorySlug: null })
    expect(isStale(queryClient, placesKeys.territories())).toBe(false)
    await applyBackendChange(queryClient, { kind: 'reset' })
    expect(isStale(queryClient, placesKeys.territories())).toBe(true)
  })
})

/** What a merchant's tab has open: their shop's page and history, "Mon commerce", the map. */
function MerchantTab({ shopId }: { shopId: string }) {
  useStatusOutboxSender()
  const session = useSessionUser()
  useMyShops(session.data?.id ?? 'nobody')
  useStatusHistory(shopId)
  const whole = useShopperShops('grand-poitiers', 500)
  useViewportShops('grand-poitiers', POITIERS_VIEW)
  useViewportShops('grand-poitiers', ELSEWHERE_VIEW)
  const onMap = whole.data?.find((shop) => shop.id === shopId)
  return (
    <>
      <ShopStatusPanel shopId={shopId} />
      <p>{`Sur la carte : ${onMap?.status ?? '…'}`}</p>
    </>
  )
}

describe('one status tap', () => {
  it('updates each affected query once, and no other', async () => {
    const bakery = makeShop({
      id: 'shop-a',
      name: 'Démo — Boulangerie',
      status: 'open',
      statusUpdatedAt: new Date().toISOString(),
    })
    const backend = createMemoryBackend({ shops: [bakery, makeShop({ id: 'shop-b' })] })
    await backend.signIn({ kind: 'demo', email: 'marchande@demo.vitrine.test' })
    const { queryClient } = renderWithProviders(<MerchantTab shopId="shop-a" />, backend)
    await screen.findByText('Sur la carte : open')
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    const invalidations = countInvalidations(queryClient)

    await userEvent.click(await screen.findByRole('switch', { name: /Ouvert/ }))

    expect(await screen.findByText('Sur la carte : closed')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText(/En attente d’envoi/)).not.toBeInTheDocument())
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    // Read again once: the history (a new entry) and the map's area, whose list the database
    // filters. Patched with the written shop: the whole list, the merchant's page.
    expect(invalidations.all()).toEqual({
      [JSON.stringify(merchantKeys.history('shop-a'))]: 1,
      [JSON.stringify(placesKeys.shopsInViewport('grand-poitiers', POITIERS_VIEW))]: 1,
    })
    expect(queryClient.getQueryData<Shop>(merchantKeys.shop('shop-a'))?.status).toBe('closed')
  })
})
