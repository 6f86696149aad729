import { useEffect } from 'react'
import { useQueryClient, type Query, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { keyStartsWith } from '@/lib/query-key-prefix'
import type { VitrineBackend, ViewportQuery } from '@/backend/port'
import type { BackendChange, MyShop, SessionUser, Shop } from '@/backend/types'
import { placesKeys } from '@/shop/api/places-keys'
import { accountKeys } from '@/session/account-keys'
import { merchantKeys } from '@/shop/api/merchant-keys'
import { curationKeys } from '@/shop/api/curation-keys'

/**
 * The one path from a change (a write made here, another tab's, the server's) to the cache: each
 * query the change affects is patched with what the writer got back, or invalidated once. The
 * features write and read; they never update the cache after a write themselves.
 */

/** Marks these queries stale, each once; the ones on screen are read again. */
function invalidate(queryClient: QueryClient, queries: Iterable<Query>) {
  const stale = new Set(queries)
  if (stale.size === 0) return Promise.resolve()
  return queryClient.invalidateQueries({ predicate: (query) => stale.has(query) })
}

function queriesUnder(queryClient: QueryClient, prefix: QueryKey): Query[] {
  return queryClient.getQueryCache().findAll({ queryKey: prefix })
}

/** The viewport a list of the map's area was read for; null for a list of the whole territory. */
function viewportOf(query: Query): ViewportQuery | null {
  const [, , , part, viewport] = query.queryKey
  return part === 'viewport' ? (viewport as ViewportQuery) : null
}

function inside(viewport: ViewportQuery, shop: Shop) {
  const [west, south, east, north] = viewport.bounds
  const { lon, lat } = shop.location
  return lon >= west && lon <= east && lat >= south && lat <= north
}

function shopsChanged(
  queryClient: QueryClient,
  change: Extract<BackendChange, { kind: 'shops' }>,
): Promise<void> {
  const { shop, shopId } = change
  const territorySlug = shop?.territorySlug ?? change.territorySlug
  const stale: Query[] = []

  for (const list of queriesUnder(
    queryClient,
    territorySlug ? placesKeys.shops(territorySlug) : placesKeys.allShops(),
  )) {
    const shops = list.state.data as Shop[] | undefined
    const viewport = viewportOf(list)
    if (!shop) {
      // Realtime, an import, the snapshot giving way to the database: read again.
      stale.push(list)
    } else if (shops?.some((held) => held.id === shop.id)) {
      queryClient.setQueryData<Shop[]>(list.queryKey, (current) =>
        current?.map((held) => (held.id === shop.id ? shop : held)),
      )
      // The database filters a viewport's list (status, services, words): the shop may leave it.
      if (viewport) stale.push(list)
    } else if (!viewport || inside(viewport, shop)) {
      // Published, or moved here: whether a visitor may see it is the database's call.
      stale.push(list)
    }
  }

  if (shop) {
    // The merchant's page of the shop, in this tab or another: never older than what was written.
    queryClient.setQueryData<Shop | null>(merchantKeys.shop(shop.id), (current) =>
      current && current.updatedAt <= shop.updatedAt ? shop : current,
    )
    // "Mon commerce" lists the shop's name and whether it is published.
    queryClient.setQueriesData<MyShop[]>({ queryKey: merchantKeys.allMyShops() }, (mine) =>
      mine?.map((entry) =>
        entry.shopId === shop.id && (entry.name !== shop.name || entry.published !== shop.published)
          ? { ...entry, name: shop.name, published: shop.published }
          : entry,
      ),
    )
  } else if (shopId) {
    stale.push(
      ...queriesUnder(queryClient, merchantKeys.shop(shopId)),
      ...queriesUnder(queryClient, merchantKeys.allMyShops()),
    )
  }
  // Each write of a shop may add to its history.
  const changedId = shop?.id ?? shopId
  if (changedId) stale.push(...queriesUnder(queryClient, merchantKeys.history(changedId)))
  return invalidate(queryClient, stale)
}

function submissionsChanged(queryClient: QueryClient, territorySlug: string | null) {
  return invalidate(queryClient, [
    ...queriesUnder(
      queryClient,
      territorySlug ? curationKeys.submissions(territorySlug) : curationKeys.allSubmissions(),
    ),
    ...queriesUnder(queryClient, curationKeys.allMySubmissions()),
    ...queriesUnder(queryClient, curationKeys.allDuplicates()),
  ])
}

function membersChanged(
  queryClient: QueryClient,
  change: Extract<BackendChange, { kind: 'members' }>,
) {
  const stale = change.shopIds
    ? change.shopIds.flatMap((shopId) => [
        ...queriesUnder(queryClient, curationKeys.members(shopId)),
        ...queriesUnder(queryClient, curationKeys.invitations(shopId)),
      ])
    : [
        ...queriesUnder(queryClient, curationKeys.allMembers()),
        ...queriesUnder(queryClient, curationKeys.allInvitations()),
      ]
  const me = queryClient.getQueryData<SessionUser | null>(accountKeys.session())
  if (me && change.userIds?.includes(me.id)) {
    // The signed-in user joined or left: their shops, and the pages of those shops.
    stale.push(...queriesUnder(queryClient, merchantKeys.myShops(me.id)))
    for (const shopId of change.shopIds ?? [])
      stale.push(...queriesUnder(queryClient, merchantKeys.shop(shopId)))
  }
  return invalidate(queryClient, stale)
}

/** What a user may read depends on who they are (the database's policies decide). */
const READ_AS_SOMEONE: readonly QueryKey[] = [
  placesKeys.allShops(),
  merchantKeys.all,
  curationKeys.allMySubmissions(),
  curationKeys.allSubmissions(),
  curationKeys.allDuplicates(),
  curationKeys.allMembers(),
  curationKeys.allInvitations(),
  accountKeys.allCuratedTerritories(),
]

async function sessionChanged(
  queryClient: QueryClient,
  change: Extract<BackendChange, { kind: 'session' }>,
) {
  if (change.user !== undefined) queryClient.setQueryData(accountKeys.session(), change.user)
  // The session first, so that user-keyed queries move to the new user's keys.
  else await queryClient.invalidateQueries({ queryKey: accountKeys.session() })
  await invalidate(
    queryClient,
    queryClient.getQueryCache().findAll({
      predicate: (query) => READ_AS_SOMEONE.some((key) => keyStartsWith(query.queryKey, key)),
    }),
  )
}

/** Brings the cache up to date with one change. */
export function applyBackendChange(queryClient: QueryClient, change: BackendChange): Promise<void> {
  switch (change.kind) {
    case 'shops':
      return shopsChanged(queryClient, change)
    case 'submissions':
      return submissionsChanged(queryClient, change.territorySlug)
    case 'members':
      return membersChanged(queryClient, change)
    case 'session':
      return sessionChanged(queryClient, change)
    case 'reset':
      // The demonstration's data put back: the only change that reaches every query.
      return queryClient.invalidateQueries()
  }
}

/** Applies the backend's changes (this tab's writes, other tabs', the server's) to the cache. */
export function useBackendChanges(backend: VitrineBackend) {
  const queryClient = useQueryClient()
  useEffect(
    () => backend.subscribe((change) => void applyBackendChange(queryClient, change)),
    [backend, queryClient],
  )
}
