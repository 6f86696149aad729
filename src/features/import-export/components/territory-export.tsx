import { useId, useState } from 'react'
import type { Shop } from '@/backend/types'
import { useFeatureT } from '@/lib/i18n'
import { importExportMessages } from '../i18n/import-export-messages'
import type { ImportCatalog } from '@/features/import-export/utils/import-catalog'
import {
  exportAttribution,
  shopsToCsv,
  shopsToGeoJson,
} from '@/features/import-export/utils/export-shops'

/** Saves a text as a file through a temporary link; the URL is released once the click is done. */
function saveFile(text: string, type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * Open data: the territory's published shops (never the unpublished ones a curator also sees),
 * as CSV that the importer reads back and as GeoJSON carrying the licence and credits.
 */
export function TerritoryExport({
  shops,
  catalog,
  now,
}: {
  shops: readonly Shop[]
  catalog: ImportCatalog
  now: Date
}) {
  const c = useFeatureT(importExportMessages)
  const id = useId()
  const [saved, setSaved] = useState<string | null>(null)
  const published = shops.filter((shop) => shop.published)
  const territory = catalog.territory
  const baseName = `vitrine-${territory.slug}-commerces-${now.toISOString().slice(0, 10)}`

  function exportCsv() {
    const csv = shopsToCsv(published, {
      territoryName: territory.name,
      categories: catalog.categories,
      subcategories: catalog.subcategories,
    })
    saveFile(csv, 'text/csv;charset=utf-8', `${baseName}.csv`)
    setSaved(`${baseName}.csv`)
  }

  function exportGeoJson() {
    const collection = shopsToGeoJson(published, territory)
    saveFile(JSON.stringify(collection, null, 2), 'application/geo+json', `${baseName}.geojson`)
    setSaved(`${baseName}.geojson`)
  }

  return (
    <section aria-labelledby={`${id}-title`} className="curation-section">
      <h2 id={`${id}-title`}>{c('exportTitle')}</h2>
      <p>{c('exportHelp')(published.length)}</p>
      <div className="curation-controls">
        <button type="button" disabled={published.length === 0} onClick={exportCsv}>
          {c('exportCsv')}
        </button>
        <button type="button" disabled={published.length === 0} onClick={exportGeoJson}>
          {c('exportGeoJson')}
        </button>
      </div>
      <p>
        {c('exportLicence')} {exportAttribution(territory.name)}
      </p>
      <p role="status">{saved ? c('exportSaved')(saved) : null}</p>
    </section>
  )
}
