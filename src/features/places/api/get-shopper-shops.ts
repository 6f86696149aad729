import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend, ViewportQuery } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { placesKeys } from '@/shop/api/places-keys'

/**
 * The shoppers' first list: the whole territory when it has at most `wholeUpTo` shops. One more
 * is asked for, so that a larger territory shows itself (and the page loads by viewport).
 */
export function getShopperShopsQueryOptions(
  backend: VitrineBackend,
  territorySlug: string,
  wholeUpTo: number,
) {
  return queryOptions({
    queryKey: placesKeys.shopsUpTo(territorySlug, wholeUpTo + 1),
    queryFn: ({ signal }) => backend.listShops(territorySlug, signal, wholeUpTo + 1),
    staleTime: 60_000,
  })
}

export function useShopperShops(territorySlug: string, wholeUpTo: number) {
  const backend = useBackend()
  return useQuery(getShopperShopsQueryOptions(backend, territorySlug, wholeUpTo))
}

/** The shops of the map's viewport with the page's filters, for territories too large. */
export function getViewportShopsQueryOptions(
  backend: VitrineBackend,
  territorySlug: string,
  query: ViewportQuery,
) {
  return queryOptions({
    queryKey: placesKeys.shopsInViewport(territorySlug, query),
    queryFn: ({ signal }) => backend.listShopsInViewport(query, signal),
    staleTime: 60_000,
    // Panning shows the previous area's places until the new ones arrive, not an empty list.
    placeholderData: keepPreviousData,
  })
}

export function useViewportShops(territorySlug: string, query: ViewportQuery | null) {
  const backend = useBackend()
  return useQuery({
    ...getViewportShopsQueryOptions(backend, territorySlug, query ?? { bounds: [0, 0, 0, 0] }),
    enabled: query !== null,
  })
}
