import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import { useBackend } from '@/backend/backend-context'
import { loadTerritoryOutlines } from '@/map/territory-outlines'
import { placesKeys } from '@/shop/api/places-keys'

/** The bundled commune outlines' own credit, owed only where the territory has them. */
export const OUTLINES_CREDIT = 'IGN Admin Express, DGCL BANATIC (Licence Ouverte)'

export interface TerritoryCredits {
  /** The credits its places carry, most used first; OpenStreetMap's is said by its own link. */
  sources: string[]
  /** Whether the territory's commune outlines are bundled (and so credited). */
  outlines: boolean
}

export async function getTerritoryCredits(
  backend: VitrineBackend,
  territorySlug: string,
  signal?: AbortSignal,
): Promise<TerritoryCredits> {
  const [sources, outlines] = await Promise.all([
    backend.listTerritoryCredits(territorySlug, signal),
    loadTerritoryOutlines(
      `${import.meta.env.BASE_URL}data/territories/${territorySlug}/communes.geojson`,
    ),
  ])
  // A place joined from two sources carries both credits, joined by ";" ("© OpenStreetMap
  // contributors; FINESS …"): each is said once.
  const parts = sources.flatMap((credit) => credit.split(/\s*;\s*/)).filter(Boolean)
  return {
    sources: [...new Set(parts)].filter((credit) => !/openstreetmap/i.test(credit)),
    outlines: outlines !== null,
  }
}

export function getTerritoryCreditsQueryOptions(backend: VitrineBackend, territorySlug: string) {
  return queryOptions({
    queryKey: placesKeys.credits(territorySlug),
    queryFn: ({ signal }) => getTerritoryCredits(backend, territorySlug, signal),
    staleTime: 5 * 60_000,
  })
}

/** The territory's credits (null while they load, when they failed, or without a territory). */
export function useTerritoryCredits(territorySlug: string | null) {
  const backend = useBackend()
  const query = useQuery({
    ...getTerritoryCreditsQueryOptions(backend, territorySlug ?? ''),
    enabled: territorySlug !== null,
  })
  return { credits: query.data ?? null, settled: !query.isPending }
}

/** The credits after OpenStreetMap's: the territory's sources, then the outlines' if bundled. */
export function otherCredits(credits: TerritoryCredits | null): string[] {
  return credits ? [...credits.sources, ...(credits.outlines ? [OUTLINES_CREDIT] : [])] : []
}
