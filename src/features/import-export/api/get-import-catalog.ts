import { queryOptions, useQuery } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import type { Territory } from '@/backend/types'
import { useBackend } from '@/backend/backend-context'
import { curationKeys } from '@/shop/api/curation-keys'
import type { ImportCatalog, ImportCommune } from '@/features/import-export/utils/import-catalog'

interface CommuneFeature {
  properties: { code_insee?: string; nom?: string }
  geometry: ImportCommune['geometry']
}

/** The territory's communes with their outlines, when the app bundles them (else none). */
async function territoryCommunes(slug: string, signal?: AbortSignal): Promise<ImportCommune[]> {
  const url = `${import.meta.env.BASE_URL}data/territories/${slug}/communes.geojson`
  const response = await fetch(url, signal ? { signal } : {})
  if (response.status === 404) return []
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  const body = (await response.json()) as { features: CommuneFeature[] }
  return body.features.flatMap((feature) =>
    feature.properties.code_insee && feature.properties.nom
      ? [
          {
            inseeCode: feature.properties.code_insee,
            name: feature.properties.nom,
            ...(feature.geometry ? { geometry: feature.geometry } : {}),
          },
        ]
      : [],
  )
}

/** What imports are checked against: the database's lists, and the territory's communes. */
export async function getImportCatalog(
  backend: VitrineBackend,
  territory: Territory,
  signal?: AbortSignal,
): Promise<ImportCatalog> {
  const [categories, subcategories, communes] = await Promise.all([
    backend.listCategories(signal),
    backend.listSubcategories(signal),
    territoryCommunes(territory.slug, signal).catch(() => []),
  ])
  return { territory, categories, subcategories, communes }
}

export function getImportCatalogQueryOptions(backend: VitrineBackend, territory: Territory) {
  return queryOptions({
    queryKey: [...curationKeys.subcategories(), 'catalog', territory.slug],
    queryFn: ({ signal }) => getImportCatalog(backend, territory, signal),
    staleTime: 5 * 60_000,
  })
}

export function useImportCatalog(territory: Territory) {
  const backend = useBackend()
  return useQuery(getImportCatalogQueryOptions(backend, territory))
}
