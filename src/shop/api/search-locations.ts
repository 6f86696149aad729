import { queryOptions, useQuery } from '@tanstack/react-query'
import type { LonLat } from '@/backend/types'
import { env } from '@/lib/env'
import { placesKeys } from '@/shop/api/places-keys'
import {
  addressSearchUrl,
  communeEntries,
  parseAddressResults,
  searchCommunes,
  type CommuneEntry,
  type LocationSuggestion,
} from '@/shop/location-search'

export function getTerritoryCommunes(
  territorySlug: string,
  signal?: AbortSignal,
): Promise<CommuneEntry[]> {
  const url = `${import.meta.env.BASE_URL}data/territories/${territorySlug}/communes.geojson`
  return fetch(url, signal ? { signal } : {}).then(async (response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    return communeEntries(await response.json())
  })
}

export function getTerritoryCommunesQueryOptions(territorySlug: string) {
  return queryOptions({
    queryKey: placesKeys.communes(territorySlug),
    queryFn: ({ signal }) => getTerritoryCommunes(territorySlug, signal),
    staleTime: Infinity,
  })
}

export interface LocationSearchResult {
  suggestions: LocationSuggestion[]
  /** The online address service could not be reached: only communes were searched. */
  addressSearchFailed: boolean
}

/** Communes offline, street addresses from the national service when online. */
export async function searchLocations(
  communes: readonly CommuneEntry[],
  query: string,
  near: LonLat | null,
  signal?: AbortSignal,
): Promise<LocationSearchResult> {
  const fromCommunes = searchCommunes(communes, query)
  if (!env.addressSearchUrl || query.trim().length < 3) {
    return { suggestions: fromCommunes, addressSearchFailed: false }
  }
  try {
    const response = await fetch(
      addressSearchUrl(env.addressSearchUrl, query, near),
      signal ? { signal } : {},
    )
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const addresses = parseAddressResults(await response.json())
    const seen = new Set(fromCommunes.map((s) => s.label))
    return {
      suggestions: [...fromCommunes, ...addresses.filter((a) => !seen.has(a.label))],
      addressSearchFailed: false,
    }
  } catch (error) {
    if (signal?.aborted) throw error
    return { suggestions: fromCommunes, addressSearchFailed: true }
  }
}

export function useLocationSearch(territorySlug: string, query: string, near: LonLat | null) {
  const communes = useQuery(getTerritoryCommunesQueryOptions(territorySlug))
  const trimmed = query.trim()
  return useQuery({
    queryKey: placesKeys.locationSearch(territorySlug, trimmed),
    queryFn: ({ signal }) => searchLocations(communes.data ?? [], trimmed, near, signal),
    enabled: trimmed.length >= 2 && communes.isSuccess,
    staleTime: 5 * 60_000,
  })
}
